/**
 * Any partnership, through the Data page: population files from outside Cambridgeshire become the area
 * reference (the ONS sample, then a Greater Manchester estimate file), an extract of those areas loads
 * against it, and the Districts page compares them with rates from the loaded populations.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { samplesDirectory } from '../fixtures/ingest/samples-directory';
import { launchBrowser, openPage, screenshot, waitForCharts, waitForEngine, type PageWatch } from './browser';

const manchester = [
	['E08000003', 'Manchester', 120],
	['E08000006', 'Salford', 60],
	['E08000009', 'Trafford', 50]
] as const;

/** A long-layout estimate file (Nomis style, by sex) and an extract naming the areas by name or GSS code. */
function files(): { population: string; extract: string } {
	const directory = mkdtempSync(join(tmpdir(), 'sightline-areas-'));
	const population = ['Date,Geography,Geography code,Age,Sex,Value'];
	for (const [code, name, scale] of manchester)
		for (let age = 0; age <= 17; age++)
			for (const sex of ['Male', 'Female'])
				population.push(`2024,${name},${code},${age},${sex},${scale * 20}`);
	const extract = ['Referral ID,Child ID,Date of Referral,Age,Gender,District'];
	let id = 0;
	for (const [index, [code, name, scale]] of manchester.entries())
		for (let month = 1; month <= 12; month++)
			for (let n = 0; n < ((scale / 10) * ((month % 3) + 1)) / 4; n++) {
				id++;
				const day = String(1 + ((n * 7) % 27)).padStart(2, '0');
				extract.push(
					`GM${id},C${id % 400},${day}/${String(month).padStart(2, '0')}/2024,${10 + (id % 8)},${id % 2 ? 'M' : 'F'},${index === 1 ? code : name}`
				);
			}
	writeFileSync(join(directory, 'greater-manchester-population.csv'), population.join('\n'));
	writeFileSync(join(directory, 'greater-manchester-referrals.csv'), extract.join('\n'));
	return {
		population: join(directory, 'greater-manchester-population.csv'),
		extract: join(directory, 'greater-manchester-referrals.csv')
	};
}

let browser: Browser;
let watch: PageWatch;
beforeAll(async () => {
	browser = await launchBrowser();
	watch = await openPage(browser, '/data/');
	await watch.page.getByTestId('data-banner').getByText('Synthetic demo data').waitFor({ timeout: 90_000 });
	await waitForEngine(watch.page);
});
afterAll(() => browser?.close());

describe('another partnership’s areas', () => {
	it('loads population files as the area reference, then an extract, and compares the areas', async () => {
		const { page } = watch;
		const input = page.getByTestId('file-input');
		await input.setInputFiles(
			join(samplesDirectory(), 'ons', 'mid-year_population_estimates_local_authority.csv')
		);
		const report = page.getByTestId('report-areas');
		await expect
			.poll(() => report.first().textContent(), { timeout: 60_000 })
			.toContain('1 area of mid-year_population_estimates_local_authority (ONS)');
		expect(await page.locator('header').textContent()).toContain(
			'mid-year_population_estimates_local_authority (ONS) safeguarding partnership'
		);

		const { population, extract } = files();
		await input.setInputFiles(population);
		await expect
			.poll(() => report.last().textContent(), { timeout: 60_000 })
			.toContain('greater-manchester-population');
		expect(await page.locator('header').textContent()).toContain(
			'greater-manchester-population (ONS) safeguarding partnership'
		);

		await input.setInputFiles(extract);
		const banner = page.getByTestId('data-banner');
		await expect
			.poll(() => banner.textContent(), { timeout: 60_000 })
			.toContain('greater-manchester-referrals.csv');
		const counts = await page.getByTestId('report-counts').textContent();
		expect(counts).toMatch(/(\d[\d,]*) loaded and\s+0\s+rejected/);

		// Client-side navigation keeps the loaded data (a reload would go back to the demo).
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Districts' }).click();
		await page.waitForURL(/\/districts\/?/);
		await waitForCharts(page, 2);
		const text = (await page.locator('main').textContent()) ?? '';
		for (const [, name] of manchester) expect(text).toContain(name);
		expect(text).not.toContain('Fenland');
		expect(text).toContain('Child populations are ONS mid-year estimates (2024)');
		await screenshot(page, 'districts-greater-manchester');

		expect(watch.offOrigin).toEqual([]);
		expect(watch.consoleErrors).toEqual([]);
	});
});
