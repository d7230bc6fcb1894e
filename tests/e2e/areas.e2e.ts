/**
 * Any partnership, through the Data page: population files from outside Cambridgeshire become the area
 * reference (the ONS sample, then a Greater Manchester estimate file), an extract of those areas loads
 * against it, and the Districts page compares them with rates from the loaded populations. Then a regional
 * file of 24 authorities by sex and single year (made-up figures, tests/fixtures/population) on Districts
 * and Cohorts at 1280 and 390 px, and the heading-row chooser for a CSV with a notes row above its headings.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

	it('a regional file of 24 authorities by sex and single year: Districts and Cohorts (boys aged 14–17)', async () => {
		const { page } = watch;
		const regional = join(import.meta.dirname, '../fixtures/population/north-west-made-up.csv');
		const lines = readFileSync(regional, 'utf8').trim().split('\n').slice(1);
		// The 24 authorities of the file (the region and its two counties are left out by the reader).
		const authorities = [
			...new Map(
				lines
					.map((line) => /^(E0[6-8]\d{6}),"([^"]+)"/.exec(line))
					.filter((match) => match !== null)
					.map((match) => [match[1]!, match[2]!])
			)
		];
		expect(authorities).toHaveLength(24);
		await page.goto(new URL('/data/', watch.baseUrl).href);
		await page.getByTestId('data-banner').getByText('Synthetic demo data').waitFor({ timeout: 90_000 });
		await waitForEngine(page);
		const input = page.getByTestId('file-input');
		await input.setInputFiles(regional);
		const report = page.getByTestId('report-areas');
		await expect
			.poll(() => report.last().textContent(), { timeout: 60_000 })
			.toMatch(/24\s+areas of north-west-made-up \(ONS\), each with its child population/);
		expect(await report.last().textContent()).toContain('by single year of age and sex');

		// A made-up extract of those authorities: more referrals in the larger ones, boys and girls 10–17.
		const directory = mkdtempSync(join(tmpdir(), 'sightline-regional-'));
		const extract = ['Referral ID,Child ID,Date of Referral,Age,Gender,District'];
		let id = 0;
		authorities.forEach(([code, name], index) => {
			for (let n = 0; n < 6 + ((index * 7) % 19); n++) {
				id++;
				const date = `${String(1 + (n % 27)).padStart(2, '0')}/${String(1 + (id % 12)).padStart(2, '0')}/2024`;
				extract.push(`NW${id},C${id},${date},${10 + (id % 8)},${id % 3 ? 'M' : 'F'},${id % 2 ? code : name}`);
			}
		});
		const extractFile = join(directory, 'north-west-referrals-made-up.csv');
		writeFileSync(extractFile, extract.join('\n'));
		await input.setInputFiles(extractFile);
		await expect
			.poll(() => page.getByTestId('data-banner').textContent(), { timeout: 60_000 })
			.toContain('north-west-referrals-made-up.csv');
		expect(await page.getByTestId('report-counts').last().textContent()).toMatch(
			new RegExp(`${id}\\s+loaded and\\s+0\\s+rejected`)
		);

		// Kept on the device, so a link with filters (a new page load) shows the same data.
		await page.getByTestId('keep-data').check();
		// The banner says "kept" only once the write has ended (navigating before then would lose it).
		await expect
			.poll(() => page.getByTestId('data-banner').textContent(), { timeout: 60_000 })
			.toContain('is kept on this device');
		// Every text the banner shows from here on, on every page load: the kept data is shown in place of the
		// demo, so the demo (or the kept file under the demo's areas) never shows first.
		await page.addInitScript(() => {
			const seen: string[] = [];
			Object.assign(window, { bannerTexts: seen });
			new MutationObserver(() => {
				const text = document.querySelector('[data-testid="data-banner"]')?.textContent ?? '';
				if (text && seen.at(-1) !== text) seen.push(text);
			}).observe(document, { subtree: true, childList: true, characterData: true });
		});
		const restored = async () => {
			await expect
				.poll(() => page.getByTestId('data-banner').textContent(), { timeout: 90_000 })
				.toContain('north-west-referrals-made-up.csv');
			const seen = await page.evaluate(() => (window as unknown as { bannerTexts: string[] }).bannerTexts);
			expect(seen.filter((text) => /demo/i.test(text))).toEqual([]);
		};
		for (const width of [1280, 390]) {
			await page.setViewportSize({ width, height: 900 });
			await page.goto(new URL('/districts/', watch.baseUrl).href);
			await restored();
			await waitForCharts(page, 2);
			await expect
				.poll(async () => (await page.locator('main').textContent()) ?? '', { timeout: 60_000 })
				.toContain('Wigan');
			const districts = (await page.locator('main').textContent()) ?? '';
			for (const [, name] of authorities) expect(districts).toContain(name);
			expect(districts).not.toContain('North West');
			expect(districts).not.toContain('Fenland');
			await page.waitForTimeout(1500);
			await screenshot(page, `districts-north-west-${width}`);

			await page.goto(new URL('/cohorts/?gender=male&age-from=14&age-to=17', watch.baseUrl).href);
			await restored();
			await waitForCharts(page, 1);
			await expect
				.poll(async () => (await page.locator('main').textContent()) ?? '', { timeout: 60_000 })
				.toContain('per 10,000 boys aged 14–17');
			// The cohort by district rates the loaded areas (it listed the bundled six, so showed none).
			expect(await page.locator('main').textContent()).not.toContain('No district is chosen');
			await page.waitForTimeout(1500);
			await screenshot(page, `cohorts-north-west-${width}`);
		}
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(new URL('/data/', watch.baseUrl).href);
		await restored();
		await page.getByTestId('keep-data').uncheck();
		expect(watch.consoleErrors).toEqual([]);
	}, 480_000);

	it('a notes row above the headings: the user chooses the heading row and the file loads', async () => {
		const { page } = watch;
		const directory = mkdtempSync(join(tmpdir(), 'sightline-heading-row-'));
		const path = join(directory, 'notes-above.csv');
		// A notes row as wide as half the headings, so the detector takes it for them.
		writeFileSync(
			path,
			[
				'Produced by,Data team,on,1 June 2024',
				'Referral ID,Child ID,Date of Referral,Age,Gender,District',
				'HR1,C1,01/05/2024,14,M,Wigan',
				'HR2,C2,02/05/2024,15,F,Bolton'
			].join('\n')
		);
		if (!page.url().includes('/data')) await page.goto(new URL('/data/', watch.baseUrl).href);
		await waitForEngine(page);
		await page.getByTestId('file-input').setInputFiles(path);
		const chooser = page.getByTestId('heading-row');
		await chooser.waitFor({ timeout: 60_000 });
		expect(await chooser.textContent()).toContain('Headings are on row 1: change');
		await chooser.locator('summary').click();
		await page.getByTestId('heading-row-choice').selectOption('2');
		await page.getByRole('button', { name: 'Read the headings from this row' }).click();
		await expect
			.poll(() => page.getByTestId('report-counts').last().textContent(), { timeout: 60_000 })
			.toMatch(/2\s+loaded and\s+0\s+rejected/);
		expect(watch.consoleErrors).toEqual([]);
	});
});
