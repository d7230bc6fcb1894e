import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
	launchBrowser,
	openPage,
	runAxe,
	screenshot,
	waitForCharts,
	waitForEngine,
	type PageWatch
} from './browser';

const fixture = (name: string) => `tests/fixtures/ingest/${name}`;

let browser: Browser;
let watch: PageWatch;
beforeAll(async () => {
	browser = await launchBrowser();
	watch = await openPage(browser, '/data/');
	await watch.page.getByTestId('data-banner').getByText('Synthetic demo data').waitFor({ timeout: 90_000 });
	await waitForEngine(watch.page);
});
afterAll(() => browser?.close());

describe('loading a messy extract through the page', () => {
	it('loads a Windows-1252, CRLF, dd/mm/yyyy export with Annex A headings and reports every row', async () => {
		await watch.page.getByTestId('file-input').setInputFiles(fixture('windows-1252-crlf.csv'));
		const counts = watch.page.getByTestId('report-counts');
		await expect
			.poll(() => counts.textContent(), { timeout: 60_000 })
			.toMatch(/Read 4 rows: 3 loaded and 1 rejected \(3 \+ 1 = 4\)/);
		const rejected = watch.page.getByRole('table', { name: /Rejected rows in windows-1252-crlf.csv/ });
		const cells = await rejected.locator('tbody tr').first().locator('td').allTextContents();
		expect(cells[0]).toMatch(/^\d+$/);
		expect(cells[2]?.length).toBeGreaterThan(0);
		expect(cells[4]?.length).toBeGreaterThan(10);
		await expect.poll(() => watch.page.getByTestId('data-banner').textContent()).toContain('Your data');
		await screenshot(watch.page, 'data-loaded');
	});

	it('shows the loaded data on the dashboard', async () => {
		await watch.page.getByRole('link', { name: 'Overview' }).click();
		await waitForCharts(watch.page);
		const [referrals] = await watch.page.getByTestId('headline-value').allTextContents();
		expect(referrals).toBe('3');
		expect(await watch.page.getByTestId('data-banner').textContent()).toContain(
			'windows-1252-crlf.csv (3 rows)'
		);
	});

	it('refuses a garbage file with one clear message and keeps the loaded data', async () => {
		await watch.page.getByRole('link', { name: 'Load data' }).click();
		await watch.page.getByTestId('file-input').setInputFiles(fixture('png-renamed.csv'));
		await expect
			.poll(() => watch.page.getByTestId('report-error').last().textContent())
			.toMatch(/not .*data file|image/i);
		expect(await watch.page.getByTestId('data-banner').textContent()).toContain(
			'windows-1252-crlf.csv (3 rows)'
		);
	});

	it('appends a second extract, counting repeated referrals once', async () => {
		await watch.page.getByTestId('file-input').setInputFiles(fixture('append-january.csv'));
		await expect
			.poll(() => watch.page.getByTestId('data-banner').textContent())
			.toContain('append-january.csv');
		await watch.page.getByTestId('file-input').setInputFiles(fixture('append-february.csv'));
		await expect
			.poll(() => watch.page.getByTestId('data-banner').textContent())
			.toContain('append-february.csv');
		const counts = await watch.page.getByTestId('report-counts').allTextContents();
		expect(counts.at(-1)).toMatch(/rejected/);
	});

	it('opens the mapping step when two columns claim a required field, and loads after the user chooses', async () => {
		await watch.page.getByTestId('file-input').setInputFiles(fixture('duplicate-headings.csv'));
		const form = watch.page.getByRole('region', { name: /Map the columns/ });
		await form.waitFor();
		await screenshot(watch.page, 'data-mapping');
		const select = form.getByRole('combobox', { name: /District \(required\)/ });
		const options = await select.locator('option').allTextContents();
		expect(options).toContain('District (column F)');
		expect(options).toContain('District (column G)');
		await select.selectOption({ label: 'District (column G)' });
		await form.getByRole('button', { name: 'Load with this mapping' }).click();
		await expect
			.poll(() => watch.page.getByTestId('data-banner').textContent())
			.toContain('duplicate-headings.csv');
	});

	it('has no accessibility violations and no off-origin requests', async () => {
		expect(await runAxe(watch.page)).toEqual([]);
		expect(watch.offOrigin).toEqual([]);
		expect(watch.consoleErrors).toEqual([]);
	});
});

describe('keeping data on this device', () => {
	it('is off by default, restores kept files after a reload, and removes every trace on request', async () => {
		const kept = await openPage(browser, '/data/');
		const { page } = kept;
		const banner = page.getByTestId('data-banner');
		await banner.getByText('Synthetic demo data').waitFor({ timeout: 90_000 });
		await waitForEngine(page);
		expect(await page.getByTestId('keep-data').isChecked()).toBe(false);

		await page.getByTestId('file-input').setInputFiles(fixture('utf8-basic.csv'));
		await expect.poll(() => banner.textContent()).toContain('utf8-basic.csv');
		await page.getByTestId('keep-data').check();
		await expect.poll(() => banner.textContent()).toContain('kept on this device');

		await page.reload();
		await expect.poll(() => banner.textContent(), { timeout: 90_000 }).toContain('utf8-basic.csv (6 rows)');
		expect(await page.getByTestId('keep-data').isChecked()).toBe(true);

		await page.getByTestId('remove-all').click();
		await expect.poll(() => banner.textContent()).toContain('Synthetic demo data');
		const databases = await page.evaluate(() => indexedDB.databases());
		expect(databases.map((database) => database.name)).not.toContain('sightline');
		await page.reload();
		await expect.poll(() => banner.textContent(), { timeout: 90_000 }).toContain('Synthetic demo data');
		expect(kept.offOrigin).toEqual([]);
		expect(kept.consoleErrors).toEqual([]);
		await kept.context.close();
	});
});
