import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, runAxe, screenshot, waitForCharts, type PageWatch } from './browser';

const districtLabels: Record<string, string> = {
	cambridge: 'Cambridge',
	east_cambridgeshire: 'East Cambridgeshire',
	fenland: 'Fenland',
	huntingdonshire: 'Huntingdonshire',
	south_cambridgeshire: 'South Cambridgeshire',
	peterborough: 'Peterborough'
};

/**
 * The commissioner's cohort counted straight from the demo CSV (papaparse and plain JavaScript): boys aged
 * 14 to 17 with drug use and concerning adults present (any level), in the filter bar's "last 12 months"
 * (the demo's last referral is 15 November 2026, so November 2025 to October 2026), per district.
 */
function commissionerByDistrict(): Record<string, string> {
	const rows = Papa.parse<Record<string, string>>(readFileSync('data/demo/referrals.csv', 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;
	const present = new Set(['low', 'medium', 'high', 'present']);
	const counts: Record<string, number> = Object.fromEntries(
		Object.keys(districtLabels).map((code) => [code, 0])
	);
	for (const row of rows) {
		const age = Number(row.age_at_referral);
		if (
			row.referral_date! >= '2025-11-01' &&
			row.referral_date! <= '2026-10-31' &&
			row.gender === 'male' &&
			age >= 14 &&
			age <= 17 &&
			present.has(row.ind_drugs!) &&
			present.has(row.ind_concerning_adults!)
		)
			counts[row.district!]!++;
	}
	return Object.fromEntries(Object.entries(counts).map(([code, n]) => [districtLabels[code]!, String(n)]));
}

const districtFigure = (page: Page) =>
	page.locator('figure.chart').filter({ has: page.getByRole('heading', { name: /cohort's highest rate/ }) });

/** The district chart's table view (the `nth` side of a comparison): referrals per district, as shown. */
async function referralsByDistrict(page: Page, nth = 0): Promise<Record<string, string>> {
	const figure = districtFigure(page).nth(nth);
	const toggle = figure.getByRole('button', { name: 'Show as table' });
	if (await toggle.isVisible()) await toggle.click();
	const headers = await figure.locator('thead th').allTextContents();
	const column = headers.indexOf('Referrals');
	const shown: Record<string, string> = {};
	for (const row of await figure.locator('tbody tr').all()) {
		const district = (await row.locator('th, td').first().textContent())!.trim();
		shown[district] = (await row.locator('th, td').nth(column).textContent())!.trim();
	}
	await figure.getByRole('button', { name: 'Show chart' }).click();
	return shown;
}

const NAME = 'Boys 14 to 17, drugs and concerning adults';
let browser: Browser;
let watch: PageWatch;
const expected = commissionerByDistrict();

beforeAll(async () => {
	browser = await launchBrowser();
	watch = await openPage(browser, '/cohorts/');
	await watch.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
		origin: new URL(watch.baseUrl).origin
	});
	await waitForCharts(watch.page, 5);
});
afterAll(async () => {
	await browser?.close();
});

describe("the commissioner's cohort", () => {
	it('is defined through the filter bar alone and counts per district as the CSV does', async () => {
		const page = watch.page;
		await page.getByRole('combobox', { name: 'Period' }).selectOption('last-12-months');
		await page.locator('summary', { hasText: /^Gender/ }).click();
		await page.getByRole('checkbox', { name: 'Male', exact: true }).check();
		await page.locator('summary', { hasText: /^Gender/ }).click();
		await page.getByRole('combobox', { name: 'Age from' }).selectOption('14');
		await page.getByRole('combobox', { name: 'Age to' }).selectOption('17');
		await page.locator('summary', { hasText: /^Indicators/ }).click();
		await page.getByRole('combobox', { name: 'Drug use', exact: true }).selectOption('present');
		await page.getByRole('combobox', { name: 'Concerning adults', exact: true }).selectOption('present');
		await page.locator('summary', { hasText: /^Indicators/ }).click();
		await expect
			.poll(() => new URL(page.url()).search)
			.toBe(
				'?from=2025-11-01&to=2026-10-31&gender=male&age-from=14&age-to=17&indicators=drug-use,concerning-adults'
			);
		await waitForCharts(page, 5);
		expect(await referralsByDistrict(page)).toEqual(expected);
		const total = Object.values(expected).reduce((sum, n) => sum + Number(n), 0);
		await expect
			.poll(() => page.getByRole('definition').first().locator('[data-testid=headline-value]').textContent())
			.toBe(String(total));
	});

	it('is saved on the device, exported as JSON, and reloaded from it', async () => {
		const page = watch.page;
		await page.getByRole('textbox', { name: 'Cohort name' }).fill(NAME);
		await page.getByRole('button', { name: 'Save cohort on this device' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toBe(`Saved “${NAME}” on this device.`);
		const saved = page.getByRole('table', { name: 'Cohorts saved on this device' });
		await expect.poll(() => saved.getByRole('rowheader').allTextContents()).toEqual([NAME]);

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export cohorts (JSON)' }).click()
		]);
		const file = await download.path();
		const json = JSON.parse(readFileSync(file, 'utf8'));
		expect(json.format).toBe('sightline-saved-views');
		expect(json.views[0].name).toBe(NAME);
		expect(json.views[0].filters.indicators.conditions).toEqual({
			ind_drugs: 'present',
			ind_concerning_adults: 'present'
		});

		// Gone from the device, then back from the file, and opened from the list.
		await saved.getByRole('button', { name: `Remove ${NAME}` }).click();
		await expect.poll(() => page.getByText('No cohort is saved on this device yet.').isVisible()).toBe(true);
		await page.getByRole('button', { name: 'Reset filters' }).click();
		await expect.poll(() => new URL(page.url()).search).toBe('');
		await page.getByLabel('Import cohorts (JSON)').setInputFiles(file);
		await expect.poll(() => page.getByRole('status').textContent()).toBe(`Imported 1 cohort: ${NAME}.`);
		await saved.getByRole('button', { name: `Open ${NAME}` }).click();
		await expect.poll(() => new URL(page.url()).searchParams.get('cohort')).toBe(NAME);
		await waitForCharts(page, 5);
		expect(await referralsByDistrict(page)).toEqual(expected);
		// Opened on the data it was saved on: no warning.
		expect(await page.getByText('This link was made on different data').count()).toBe(0);
	});

	it('opens from a copied link in a fresh browser context, and says when the data differ', async () => {
		const page = watch.page;
		await page.getByRole('button', { name: 'Copy link' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Link copied\./);
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).toBe(await page.getByRole('textbox', { name: 'Link to this cohort' }).inputValue());
		const link = new URL(copied);
		expect(link.pathname).toBe('/cohorts/');
		expect(link.searchParams.get('data')).toMatch(/^[0-9a-f]{16}$/);

		const fresh = await openPage(browser, `${link.pathname}${link.search}`);
		try {
			await waitForCharts(fresh.page, 5);
			expect(await referralsByDistrict(fresh.page)).toEqual(expected);
			expect(await fresh.page.getByText(`${NAME}:`, { exact: true }).count()).toBe(1);
			expect(await fresh.page.getByText('This link was made on different data').count()).toBe(0);
			// Nothing saved travels with a link: the fresh context's device has no cohorts.
			expect(await fresh.page.getByText('No cohort is saved on this device yet.').isVisible()).toBe(true);

			// The same link made on other data: the page says so.
			const other = new URL(link);
			other.searchParams.set('data', '0123456789abcdef');
			await fresh.page.goto(other.href);
			await waitForCharts(fresh.page, 5);
			await expect
				.poll(() => fresh.page.getByRole('alert').filter({ hasText: 'different data' }).count())
				.toBe(1);
			expect(fresh.offOrigin).toEqual([]);
			expect(fresh.consoleErrors).toEqual([]);
		} finally {
			await fresh.context.close();
		}
	});

	it('compares two saved cohorts side by side', async () => {
		const page = watch.page;
		await page.getByRole('textbox', { name: 'Cohort name' }).fill(NAME);
		await page.getByRole('button', { name: 'Save cohort on this device' }).click();
		await page.getByRole('button', { name: 'Reset filters' }).click();
		await page.locator('summary', { hasText: /^District/ }).click();
		await page.getByRole('checkbox', { name: 'Fenland', exact: true }).check();
		await page.locator('summary', { hasText: /^District/ }).click();
		await page.getByRole('textbox', { name: 'Cohort name' }).fill('Fenland, everyone');
		await page.getByRole('button', { name: 'Save cohort on this device' }).click();
		await page.getByRole('button', { name: `Compare with ${NAME}` }).click();
		await waitForCharts(page, 10);
		await expect.poll(() => page.getByRole('heading', { name: /cohort's highest rate/ }).count()).toBe(2);
		expect(await page.getByRole('heading', { level: 2, name: NAME }).count()).toBe(1);
		await screenshot(page, 'cohorts-compare');
	});

	it('keeps the compared cohort in a copied link, opened where it is not saved', async () => {
		const page = watch.page;
		const url = new URL(page.url());
		expect(url.searchParams.get('compare')).toBe(NAME);
		expect(url.searchParams.get('compare-gender')).toBe('male');
		expect(url.searchParams.get('district')).toBe('fenland');
		await page.getByRole('button', { name: 'Copy link' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Link copied\./);
		const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
		expect(link.searchParams.get('compare')).toBe(NAME);
		expect(link.searchParams.get('compare-age-from')).toBe('14');

		const fresh = await openPage(browser, `${link.pathname}${link.search}`);
		try {
			await waitForCharts(fresh.page, 10);
			expect(await fresh.page.getByText('No cohort is saved on this device yet.').isVisible()).toBe(true);
			await expect
				.poll(() => fresh.page.getByRole('heading', { name: /cohort's highest rate/ }).count())
				.toBe(2);
			expect(await fresh.page.getByRole('heading', { level: 2, name: NAME }).count()).toBe(1);
			// The compared side counts the commissioner's cohort, per district, as the CSV does.
			const tables = districtFigure(fresh.page);
			expect(await tables.count()).toBe(2);
			expect(await referralsByDistrict(fresh.page, 1)).toEqual(expected);
			expect(fresh.offOrigin).toEqual([]);
			expect(fresh.consoleErrors).toEqual([]);
		} finally {
			await fresh.context.close();
		}
		// Changing the filter bar keeps the comparison; stopping it removes it from the address.
		await page.locator('summary', { hasText: /^District/ }).click();
		await page.getByRole('checkbox', { name: 'Cambridge', exact: true }).check();
		await page.locator('summary', { hasText: /^District/ }).click();
		await expect.poll(() => new URL(page.url()).searchParams.get('district')).toBe('cambridge,fenland');
		expect(new URL(page.url()).searchParams.get('compare')).toBe(NAME);
		await page.getByRole('button', { name: `Compare with ${NAME}` }).click();
		await expect.poll(() => new URL(page.url()).searchParams.get('compare')).toBe(null);
		expect([...new URL(page.url()).searchParams.keys()].filter((key) => key.startsWith('compare'))).toEqual(
			[]
		);
	});

	it('passes axe-core and keeps every request on the origin', async () => {
		const violations = await runAxe(watch.page);
		expect(violations).toEqual([]);
		expect(watch.offOrigin).toEqual([]);
		expect(watch.failedResponses).toEqual([]);
		expect(watch.consoleErrors).toEqual([]);
	});
});
