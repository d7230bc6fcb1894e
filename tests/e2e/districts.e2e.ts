import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { countDemo } from './independent-count';
import { launchBrowser, openPage, runAxe, screenshot, waitForCharts, type PageWatch } from './browser';

const en = (value: number) => value.toLocaleString('en-GB');
const CHARTS = 3;

/** The comparison table's row for a district: its cells' text, by column header. */
async function tableRow(page: Page, district: string): Promise<Record<string, string>> {
	const table = page.locator('section.comparison table');
	const headers = await table.locator('thead th').allTextContents();
	const cells = await table
		.locator('tbody tr')
		.filter({ has: page.getByRole('cell', { name: district, exact: true }) })
		.locator('td')
		.allTextContents();
	return Object.fromEntries(headers.map((header, index) => [header, cells[index] ?? '']));
}

function referralsIn(
	rows: Record<string, string>[],
	{ from, to, district, gender }: { from?: string; to?: string; district?: string; gender?: string }
) {
	return rows.filter(
		(row) =>
			(from === undefined || row.referral_date! >= from) &&
			(to === undefined || row.referral_date! <= to) &&
			(district === undefined || row.district === district) &&
			(gender === undefined || row.gender === gender)
	);
}

let browser: Browser;
let watch: PageWatch;
beforeAll(async () => {
	browser = await launchBrowser();
	watch = await openPage(browser, '/districts/');
	await waitForCharts(watch.page, CHARTS);
});
afterAll(() => browser?.close());

describe('districts page', () => {
	it('draws the rates, the funnel plot and the SPC charts, each with a text alternative', async () => {
		const labels = await watch.page
			.locator('figure.chart svg[role="img"]')
			.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label')));
		expect(labels).toHaveLength(CHARTS);
		expect(labels[0]).toMatch(/per 10,000 children aged 0 to 17 a year/);
		expect(labels[1]).toMatch(/^Against the partnership rate of/);
		expect(labels[2]).toMatch(/XmR, Making Data Count rules/);
		await screenshot(watch.page, 'districts');
		const charts = watch.page.locator('figure.chart');
		for (const [index, name] of ['rates', 'funnel', 'spc'].entries())
			await charts.nth(index).screenshot({ path: `tests/output/screenshots/districts-${name}.png` });
	});

	it('shows each district’s referrals equal to an independent count of the demo CSV', async () => {
		const { rows } = countDemo();
		const fenland = await tableRow(watch.page, 'Fenland');
		expect(fenland['Referrals']).toBe(en(referralsIn(rows, { district: 'fenland' }).length));
		const peterborough = await tableRow(watch.page, 'Peterborough');
		expect(peterborough['Referrals']).toBe(en(referralsIn(rows, { district: 'peterborough' }).length));
	});

	it('updates the numbers when the period changes, and names Fenland as high in the last 12 months', async () => {
		const { rows } = countDemo();
		await watch.page.getByRole('combobox', { name: 'Period' }).selectOption('last-12-months');
		await expect.poll(() => watch.page.url()).toContain('from=');
		const url = new URL(watch.page.url());
		const from = url.searchParams.get('from')!;
		const to = url.searchParams.get('to')!;
		const expected = referralsIn(rows, { from, to, district: 'fenland' }).length;
		await expect.poll(async () => (await tableRow(watch.page, 'Fenland'))['Referrals']).toBe(en(expected));
		await waitForCharts(watch.page, CHARTS);
		const fenland = await tableRow(watch.page, 'Fenland');
		expect(fenland['Against partnership 0–17']).toMatch(/^Higher \((95|99\.8)%\)$/);
		const titles = await watch.page.locator('figure.chart h2').allTextContents();
		expect(titles[1]).toMatch(/^Fenland .*significantly higher referral rate/);
		expect(titles[2]).toMatch(/^Fenland.*special cause variation, referrals high/);
		await screenshot(watch.page, 'districts-last-12-months');
		await watch.page
			.locator('figure.chart')
			.nth(1)
			.screenshot({ path: 'tests/output/screenshots/districts-funnel-last-12-months.png' });
	});

	it('cross-filters when a district is clicked in the chart', async () => {
		const chart = watch.page.locator('figure.chart').first();
		await chart.locator('svg[role="img"]').scrollIntoViewIfNeeded();
		const tick = chart.locator('svg text', { hasText: /^Huntingdonshire$/ }).first();
		const box = (await tick.boundingBox())!;
		const svgBox = (await chart.locator('svg[role="img"]').boundingBox())!;
		// Hover first, as a mouse user does: Plot picks the nearest point across facets on the next frame.
		const x = svgBox.x + svgBox.width * 0.3;
		const y = box.y + box.height / 2;
		await watch.page.mouse.move(x - 5, y);
		await watch.page.mouse.move(x, y);
		await watch.page.waitForTimeout(100);
		await watch.page.mouse.click(x, y);
		await expect.poll(() => watch.page.url()).toContain('district=huntingdonshire');
		await expect
			.poll(() => watch.page.locator('.filters .current').textContent())
			.toContain('Districts: Huntingdonshire');
	});

	it('reproduces a filtered view from its URL', async () => {
		const { rows } = countDemo();
		const query = 'from=2025-04-01&to=2026-03-31&gender=female';
		await watch.page.goto(new URL(`/districts/?${query}`, watch.baseUrl).href);
		await waitForCharts(watch.page, CHARTS);
		const expected = referralsIn(rows, {
			from: '2025-04-01',
			to: '2026-03-31',
			district: 'cambridge',
			gender: 'female'
		}).length;
		await expect.poll(async () => (await tableRow(watch.page, 'Cambridge'))['Referrals']).toBe(en(expected));
		await expect
			.poll(() => watch.page.locator('.filters .current').textContent())
			.toContain('Gender: Female');
		expect(new URL(watch.page.url()).search).toBe(`?${query}`);
	});

	it('publishes a known small cell perturbed in publication mode', async () => {
		const { rows } = countDemo();
		const from = '2026-07-01';
		const to = '2026-09-30';
		const districtsSmall = [
			'cambridge',
			'east_cambridgeshire',
			'fenland',
			'huntingdonshire',
			'south_cambridgeshire'
		]
			.map((code) => ({ code, n: referralsIn(rows, { from, to, district: code, gender: 'female' }).length }))
			.filter(({ n }) => n >= 1 && n <= 5);
		expect(districtsSmall.length).toBeGreaterThan(0);
		const { code, n } = districtsSmall[0]!;
		const label = code.replace(/_/g, ' ').replace(/(^|\s)\S/g, (c) => c.toUpperCase());
		await watch.page.goto(new URL(`/districts/?from=${from}&to=${to}&gender=female`, watch.baseUrl).href);
		await waitForCharts(watch.page, CHARTS);
		await expect.poll(async () => (await tableRow(watch.page, label))['Referrals']).toBe(en(n));
		await watch.page.getByRole('checkbox', { name: 'Publication mode' }).check();
		await expect.poll(() => watch.page.url()).toContain('mode=publication');
		// Publication mode perturbs every count (cell key method): a true count of 1 to 5 is published as 0 or 6.
		await expect.poll(async () => (await tableRow(watch.page, label))['Referrals']).toMatch(/^(0|6)$/);
		await screenshot(watch.page, 'districts-publication');
	});

	it('has no accessibility violations', async () => {
		await watch.page.goto(new URL('/districts/', watch.baseUrl).href);
		await waitForCharts(watch.page, CHARTS);
		expect(await runAxe(watch.page)).toEqual([]);
		await watch.page.getByRole('button', { name: 'Show as table' }).first().click();
		expect(await runAxe(watch.page)).toEqual([]);
	});

	it('makes no request to another origin and logs no errors', () => {
		expect(watch.offOrigin).toEqual([]);
		expect(watch.failedResponses).toEqual([]);
		expect(watch.consoleErrors).toEqual([]);
	});
});
