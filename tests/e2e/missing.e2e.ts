import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, runAxe, screenshot, waitForCharts, type PageWatch } from './browser';

const en = (value: number) => value.toLocaleString('en-GB');
const CHARTS = 8;

/** The demo episodes, read with papaparse, independent of DuckDB and the app's SQL. */
const episodes = Papa.parse<Record<string, string>>(readFileSync('data/demo/missing_episodes.csv', 'utf8'), {
	header: true,
	skipEmptyLines: true
}).data;

const monthName = (month: number) =>
	new Date(Date.UTC(2000, month - 1, 1)).toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' });

/** The calendar month with the most episodes per month covered, counting partial first and last months by days. */
function busiestCalendarMonth(): string {
	const starts = episodes.map((row) => row.start_date!).sort();
	const first = new Date(`${starts[0]}T00:00:00Z`);
	const last = new Date(`${starts.at(-1)}T00:00:00Z`);
	const covered = new Array<number>(13).fill(0);
	for (let day = first; day <= last; day = new Date(day.getTime() + 86_400_000)) {
		const daysInMonth = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate();
		covered[day.getUTCMonth() + 1]! += 1 / daysInMonth;
	}
	const counts = new Array<number>(13).fill(0);
	for (const row of episodes) counts[Number(row.start_date!.slice(5, 7))]! += 1;
	let best = 1;
	for (let month = 2; month <= 12; month++)
		if (counts[month]! / covered[month]! > counts[best]! / covered[best]!) best = month;
	return monthName(best);
}

let browser: Browser;
let watch: PageWatch;
beforeAll(async () => {
	browser = await launchBrowser();
	watch = await openPage(browser, '/missing/');
	await waitForCharts(watch.page, CHARTS);
});
afterAll(() => browser?.close());

describe('missing episodes page', () => {
	it('draws every chart with a text alternative, and headlines equal to an independent count', async () => {
		const labels = await watch.page
			.locator('figure.chart svg[role="img"]')
			.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label')));
		expect(labels).toHaveLength(CHARTS);
		expect(labels.every((label) => label !== null && label.length > 20)).toBe(true);
		const [episodeCount, children] = await watch.page.getByTestId('headline-value').allTextContents();
		expect(episodeCount).toBe(en(episodes.length));
		expect(children).toBe(en(new Set(episodes.map((row) => row.child_id)).size));
		await screenshot(watch.page, 'missing');
		const charts = watch.page.locator('figure.chart');
		for (let index = 0; index < CHARTS; index++)
			await charts.nth(index).screenshot({ path: `tests/output/screenshots/missing-chart-${index + 1}.png` });
	});

	it('names the summer peak and its busiest month, backed by a significance test', async () => {
		const season = watch.page.locator('figure.chart').nth(1);
		await expect
			.poll(() => season.locator('h2').textContent())
			.toBe(`Missing episodes peak in summer: ${busiestCalendarMonth()} is the busiest month`);
		const summary = await season.locator('p.summary').textContent();
		expect(summary).toMatch(
			/^Missing episodes peak in summer: June to August averaged .* significantly more;/
		);
	});

	it('updates the headline when the looked-after filter changes', async () => {
		await watch.page.getByRole('combobox', { name: /^Looked after/ }).selectOption('yes');
		await expect.poll(() => watch.page.url()).toContain('looked-after=yes');
		const expected = episodes.filter((row) => row.looked_after === 'true').length;
		await expect
			.poll(() => watch.page.getByTestId('headline-value').first().textContent())
			.toBe(en(expected));
	});

	it('cross-filters when a district panel is clicked', async () => {
		await watch.page.goto(new URL('/missing/', watch.baseUrl).href);
		await waitForCharts(watch.page, CHARTS);
		const chart = watch.page.locator('figure.chart').nth(2);
		const svg = chart.locator('svg[role="img"]');
		await svg.scrollIntoViewIfNeeded();
		const title = chart.locator('svg text', { hasText: /^Fenland$/ }).first();
		const box = (await title.boundingBox())!;
		const x = box.x + box.width + 80;
		const y = box.y + 60;
		await watch.page.mouse.move(x - 5, y);
		await watch.page.mouse.move(x, y);
		await watch.page.waitForTimeout(100);
		await watch.page.mouse.click(x, y);
		await expect.poll(() => watch.page.url()).toContain('district=fenland');
		const expected = episodes.filter((row) => row.district === 'fenland').length;
		await expect
			.poll(() => watch.page.getByTestId('headline-value').first().textContent())
			.toBe(en(expected));
	});

	it('reproduces a filtered view from its URL', async () => {
		const query = 'from=2025-01-01&to=2025-12-31&district=peterborough&age=15-16';
		await watch.page.goto(new URL(`/missing/?${query}`, watch.baseUrl).href);
		await waitForCharts(watch.page, CHARTS);
		const expected = episodes.filter(
			(row) =>
				row.start_date! >= '2025-01-01' &&
				row.start_date! <= '2025-12-31' &&
				row.district === 'peterborough' &&
				Number(row.age_at_start) >= 15 &&
				Number(row.age_at_start) <= 16
		);
		const values = await watch.page.getByTestId('headline-value').allTextContents();
		expect(values[0]).toBe(en(expected.length));
		expect(values[1]).toBe(en(new Set(expected.map((row) => row.child_id)).size));
		await expect
			.poll(() => watch.page.locator('.filters .current').textContent())
			.toContain('Districts: Peterborough');
		expect(new URL(watch.page.url()).search).toBe(`?${query}`);
	});

	it('keeps its navigation mark and shows the filters it cannot apply as not applying', async () => {
		// Issue 13: a filter in the URL must not lose the current-page mark, and a gender filter (which the
		// missing episodes record cannot honour) is marked as not applying rather than silently ignored.
		await watch.page.goto(new URL('/missing/?gender=female&district=fenland', watch.baseUrl).href);
		await waitForCharts(watch.page, CHARTS);
		const current = watch.page.locator('nav a[aria-current="page"]');
		expect(await current.count()).toBe(1);
		expect((await current.textContent())?.trim()).toBe('Missing episodes');
		expect(await watch.page.locator('[data-not-applying]').count()).toBeGreaterThanOrEqual(4);
		expect(await watch.page.getByTestId('filters-not-applying').textContent()).toContain('Gender');
	});

	it('publishes a known small cell perturbed in publication mode', async () => {
		const byMonthDistrict = new Map<string, number>();
		for (const row of episodes) {
			const key = `${row.start_date!.slice(0, 7)}|${row.district}`;
			byMonthDistrict.set(key, (byMonthDistrict.get(key) ?? 0) + 1);
		}
		const [key, value] = [...byMonthDistrict.entries()].find(([, n]) => n >= 1 && n <= 5)!;
		const [month, district] = key.split('|') as [string, string];
		const monthLabel = new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', {
			month: 'long',
			year: 'numeric',
			timeZone: 'UTC'
		});
		const districtLabel = district.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
		await watch.page.goto(new URL('/missing/', watch.baseUrl).href);
		await waitForCharts(watch.page, CHARTS);
		const chart = watch.page.locator('figure.chart').nth(2);
		const row = chart
			.locator('table tbody tr')
			.filter({ has: watch.page.getByRole('cell', { name: monthLabel, exact: true }) })
			.filter({ has: watch.page.getByRole('cell', { name: new RegExp(`^${districtLabel}$`, 'i') }) });
		await chart.getByRole('button', { name: 'Show as table' }).click();
		await expect.poll(() => row.locator('td').last().textContent()).toBe(en(value));
		await watch.page.getByRole('checkbox', { name: 'Publication mode' }).check();
		await expect.poll(() => watch.page.url()).toContain('mode=publication');
		// Publication mode perturbs every count (cell key method): a true count of 1 to 5 is published as 0 or 6.
		await expect.poll(() => row.locator('td').last().textContent()).toMatch(/^(0|6)$/);
		await screenshot(watch.page, 'missing-publication');
	});

	it('has no accessibility violations', async () => {
		expect(await runAxe(watch.page)).toEqual([]);
		await watch.page.goto(new URL('/missing/', watch.baseUrl).href);
		await waitForCharts(watch.page, CHARTS);
		expect(await runAxe(watch.page)).toEqual([]);
	});

	it('makes no request to another origin and logs no errors', () => {
		expect(watch.offOrigin).toEqual([]);
		expect(watch.failedResponses).toEqual([]);
		expect(watch.consoleErrors).toEqual([]);
	});
});
