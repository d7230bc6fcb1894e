import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { countDemo } from './independent-count';
import { launchBrowser, openPage, runAxe, screenshot, waitForCharts, type PageWatch } from './browser';
import { en, figure, financialYear, readTable, showChart } from './chart-table';

/** The demo referrals, parsed with papaparse: independent of DuckDB and the app's SQL. */
const rows = countDemo().rows;
const CHARTS = 6;
/** In publication mode the mean-age chart (means and medians are withheld) is one sentence, not a chart. */
const PUBLISHED_CHARTS = CHARTS - 1;

let browser: Browser;
let watch: PageWatch;
beforeAll(async () => {
	browser = await launchBrowser();
	watch = await openPage(browser, '/children/');
	await waitForCharts(watch.page, CHARTS);
});
afterAll(() => browser?.close());

const ethnicityChart = () => figure(watch.page, /recorded as White/);

describe('children page on the demo extract', () => {
	it('renders every chart with an accessible name', async () => {
		const labels = await watch.page
			.locator('figure.chart svg[role="img"]')
			.evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('aria-label')));
		expect(labels).toHaveLength(CHARTS);
		for (const label of labels) expect(label?.length).toBeGreaterThan(20);
		await screenshot(watch.page, 'children');
	});

	it('names the planted signal: the age profile is getting younger, with counts that match the CSV', async () => {
		const chart = figure(watch.page, /getting younger/);
		await expect.poll(() => chart.count()).toBe(1);
		const table = await readTable(chart);
		for (const row of table) {
			const year = rows.filter(
				(referral) => financialYear(referral.referral_date!) === row['Financial year']
			);
			expect(row.Referrals).toBe(en(year.length));
			expect(row['Aged under 15']).toBe(
				en(year.filter((referral) => Number(referral.age_at_referral) < 15).length)
			);
		}
		await showChart(chart);
	});

	it('shows ethnic groups with counts equal to an independent count of the CSV', async () => {
		const table = await readTable(ethnicityChart());
		const white = rows.filter((referral) => referral.ethnicity === 'white').length;
		expect(table.find((row) => row['Ethnic group'] === 'White')?.Referrals).toBe(en(white));
		expect(table.reduce((sum, row) => sum + Number(row.Referrals!.replaceAll(',', '')), 0)).toBe(rows.length);
		await showChart(ethnicityChart());
	});

	it('updates a known number when a filter is chosen in the filter bar', async () => {
		await watch.page.getByRole('combobox', { name: /^Looked after/ }).selectOption('yes');
		await expect.poll(() => watch.page.url()).toContain('looked-after=yes');
		const expected = rows.filter(
			(referral) => referral.looked_after === 'true' && referral.ethnicity === 'white'
		).length;
		await expect
			.poll(
				async () =>
					(await readTable(ethnicityChart())).find((row) => row['Ethnic group'] === 'White')?.Referrals
			)
			.toBe(en(expected));
		await showChart(ethnicityChart());
	});

	it('cross-filters the dashboard when a bar is clicked', async () => {
		await watch.page.goto(new URL('/children/', watch.baseUrl).href);
		await waitForCharts(watch.page, CHARTS);
		// Bars are drawn in contract order: White, Mixed, Asian, …
		await ethnicityChart().locator('svg rect').nth(2).dispatchEvent('click');
		await expect.poll(() => watch.page.url()).toContain('ethnicity=asian');
		const asian = rows.filter((referral) => referral.ethnicity === 'asian');
		const pyramid = figure(watch.page, /of referrals are of (boys|girls)/);
		await expect
			.poll(async () =>
				(await readTable(pyramid)).reduce((sum, row) => sum + Number(row.Referrals!.replaceAll(',', '')), 0)
			)
			.toBe(asian.filter((referral) => referral.gender === 'male' || referral.gender === 'female').length);
		await showChart(pyramid);
		await expect
			.poll(() => watch.page.locator('.filters .current').textContent())
			.toContain('Ethnicity: Asian');
	});

	it('reproduces a filtered view from its URL', async () => {
		await watch.page.goto(new URL('/children/?district=fenland&gender=female', watch.baseUrl).href);
		await waitForCharts(watch.page, CHARTS);
		await expect
			.poll(() => watch.page.locator('.filters .current').textContent())
			.toContain('Districts: Fenland');
		const expected = rows.filter(
			(referral) =>
				referral.district === 'fenland' && referral.gender === 'female' && referral.ethnicity === 'white'
		).length;
		const table = await readTable(ethnicityChart());
		expect(table.find((row) => row['Ethnic group'] === 'White')?.Referrals).toBe(en(expected));
		await showChart(ethnicityChart());
	});

	it('publishes a known small cell of the pyramid perturbed in publication mode', async () => {
		const cells = new Map<string, number>();
		for (const referral of rows) {
			if (referral.gender !== 'male' && referral.gender !== 'female') continue;
			const key = `${referral.age_at_referral}|${referral.gender === 'male' ? 'Boys' : 'Girls'}`;
			cells.set(key, (cells.get(key) ?? 0) + 1);
		}
		const [key, value] = [...cells.entries()].find(([, n]) => n >= 1 && n <= 5)!;
		const [age, gender] = key.split('|') as [string, string];
		await watch.page.goto(new URL('/children/?mode=publication', watch.baseUrl).href);
		await waitForCharts(watch.page, PUBLISHED_CHARTS);
		const pyramid = figure(watch.page, /of referrals are of (boys|girls)/);
		const unpublished = (await readTable(pyramid)).find(
			(row) => row['Age at referral'] === age && row.Gender === gender
		);
		expect(value).toBeLessThanOrEqual(5);
		// Publication mode perturbs every count (cell key method): a true count of 1 to 5 is published as 0 or 6.
		expect(['0', '6']).toContain(unpublished?.Referrals);
		await screenshot(watch.page, 'children-publication-table');
		await showChart(pyramid);
		await waitForCharts(watch.page, PUBLISHED_CHARTS);
		await screenshot(watch.page, 'children-publication');
	});

	it('has no accessibility violations', async () => {
		expect(await runAxe(watch.page)).toEqual([]);
	});

	it('makes no request to another origin and logs no errors', () => {
		expect(watch.offOrigin).toEqual([]);
		expect(watch.failedResponses).toEqual([]);
		expect(watch.consoleErrors).toEqual([]);
	});
});
