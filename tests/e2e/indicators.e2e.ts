import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { indicators } from '../../src/lib/contract/indicators';
import { countDemo } from './independent-count';
import { launchBrowser, openPage, runAxe, screenshot, waitForCharts, type PageWatch } from './browser';
import { en, figure, readTable, showChart } from './chart-table';

/** The demo referrals, parsed with papaparse: independent of DuckDB and the app's SQL. */
const rows = countDemo().rows;
const CHARTS = 8;
const present = new Set(['low', 'medium', 'high', 'present']);

/** Present and assessed counts per indicator (guidance wording), counted in plain JavaScript. */
function prevalence(referrals: readonly Record<string, string | undefined>[]) {
	return new Map(
		indicators.map((indicator) => {
			const levels = referrals.map((referral) => referral[indicator.column] ?? '');
			return [
				indicator.label,
				{
					present: levels.filter((level) => present.has(level)).length,
					assessed: levels.filter((level) => level !== '' && level !== 'not_assessed').length
				}
			];
		})
	);
}

let browser: Browser;
let watch: PageWatch;
beforeAll(async () => {
	browser = await launchBrowser();
	watch = await openPage(browser, '/indicators/');
	await waitForCharts(watch.page, CHARTS);
});
afterAll(() => browser?.close());

const prevalenceChart = () => figure(watch.page, /is the most common indicator/);

async function expectPrevalence(referrals: readonly Record<string, string | undefined>[]) {
	const expected = prevalence(referrals);
	await expect
		.poll(async () =>
			Object.fromEntries(
				(await readTable(prevalenceChart())).map((row) => [
					row['Indicator (guidance wording)'],
					{ present: row.Present, assessed: row.Assessed }
				])
			)
		)
		.toEqual(
			Object.fromEntries(
				[...expected].map(([label, counts]) => [
					label,
					{ present: en(counts.present), assessed: en(counts.assessed) }
				])
			)
		);
	await showChart(prevalenceChart());
}

describe('indicators page on the demo extract', () => {
	it('renders every chart with an accessible name', async () => {
		const labels = await watch.page
			.locator('figure.chart svg[role="img"]')
			.evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('aria-label')));
		expect(labels).toHaveLength(CHARTS);
		for (const label of labels) expect(label?.length).toBeGreaterThan(20);
		await screenshot(watch.page, 'indicators');
	});

	it('counts each of the 12 indicators as an independent count of the CSV does', async () => {
		await expectPrevalence(rows);
	});

	it('shows the indicators-per-referral distribution of the CSV', async () => {
		const chart = figure(watch.page, /The median referral has/);
		const table = await readTable(chart);
		const perReferral = rows.map(
			(referral) => indicators.filter((indicator) => present.has(referral[indicator.column] ?? '')).length
		);
		for (const row of table) {
			const k = Number(row['Indicators present']);
			expect(row.Referrals).toBe(en(perReferral.filter((count) => count === k).length));
		}
		await showChart(chart);
	});

	it('updates a known number when a filter is chosen in the filter bar', async () => {
		await watch.page.getByRole('combobox', { name: /^Looked after/ }).selectOption('yes');
		await expect.poll(() => watch.page.url()).toContain('looked-after=yes');
		await expectPrevalence(rows.filter((referral) => referral.looked_after === 'true'));
	});

	it('cross-filters by district when a heatmap cell is clicked', async () => {
		await watch.page.goto(new URL('/indicators/', watch.baseUrl).href);
		await waitForCharts(watch.page, CHARTS);
		const heatmap = figure(watch.page, /partnership/);
		// Cells are drawn indicator by indicator, districts in contract order: the 6th is Peterborough.
		await heatmap.locator('svg rect').nth(5).dispatchEvent('click');
		await expect.poll(() => watch.page.url()).toContain('district=peterborough');
		await expectPrevalence(rows.filter((referral) => referral.district === 'peterborough'));
	});

	it('reproduces a filtered view from its URL', async () => {
		await watch.page.goto(new URL('/indicators/?district=fenland&age=15-16', watch.baseUrl).href);
		await waitForCharts(watch.page, CHARTS);
		await expect
			.poll(() => watch.page.locator('.filters .current').textContent())
			.toContain('Districts: Fenland');
		await expectPrevalence(
			rows.filter((referral) => {
				const age = Number(referral.age_at_referral);
				return referral.district === 'fenland' && age >= 15 && age <= 16;
			})
		);
	});

	it('publishes a known small cell of the age × gender table perturbed in publication mode', async () => {
		const bands: [string, number, number][] = [
			['Under 10', 0, 9],
			['10 to 12', 10, 12],
			['13 to 14', 13, 14],
			['15 to 16', 15, 16],
			['17', 17, 17],
			['18 to 24', 18, 24]
		];
		let small: { gender: string; band: string; label: string } | undefined;
		for (const [gender, genderLabel] of [
			['female', 'Girls'],
			['male', 'Boys']
		] as const) {
			for (const [band, low, high] of bands) {
				const group = rows.filter((referral) => {
					const age = Number(referral.age_at_referral);
					return referral.gender === gender && age >= low && age <= high;
				});
				for (const [label, counts] of prevalence(group)) {
					if (!small && counts.present >= 1 && counts.present <= 5)
						small = { gender: genderLabel, band, label };
				}
			}
		}
		expect(small).toBeDefined();
		await watch.page.goto(new URL('/indicators/?mode=publication', watch.baseUrl).href);
		await waitForCharts(watch.page, CHARTS);
		const chart = figure(watch.page, /girls|boys/i).filter({ hasText: 'by age band' });
		const row = (await readTable(chart)).find(
			(candidate) =>
				candidate.Gender === small!.gender &&
				candidate['Age band'] === small!.band &&
				candidate.Indicator === small!.label
		);
		// Publication mode perturbs every count (cell key method): a true count of 1 to 5 is published as 0 or 6.
		expect(['0', '6']).toContain(row?.Present);
		await screenshot(watch.page, 'indicators-publication-table');
		await showChart(chart);
		await waitForCharts(watch.page, CHARTS);
		await screenshot(watch.page, 'indicators-publication');
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
