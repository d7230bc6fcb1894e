import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { countDemo } from './independent-count';
import { launchBrowser, openPage, runAxe, screenshot, waitForCharts, type PageWatch } from './browser';

const en = (value: number) => value.toLocaleString('en-GB');
const percent = (part: number, whole: number) =>
	`${(Math.round((part / whole) * 1000) / 10).toLocaleString('en-GB', { minimumFractionDigits: 1 })}%`;

let browser: Browser;
let watch: PageWatch;
beforeAll(async () => {
	browser = await launchBrowser();
	watch = await openPage(browser, '/');
	await waitForCharts(watch.page);
});
afterAll(() => browser?.close());

describe('overview on the demo extract', () => {
	it('shows headline numbers equal to an independent count of the demo CSV', async () => {
		const expected = countDemo();
		const values = await watch.page.getByTestId('headline-value').allTextContents();
		expect(values).toEqual([
			en(expected.referrals),
			en(expected.children),
			percent(expected.repeats, expected.referrals),
			percent(expected.lookedAfter, expected.lookedAfterKnown),
			en(expected.episodes)
		]);
	});

	it('names the data shown in the banner', async () => {
		const banner = await watch.page.getByTestId('data-banner').textContent();
		expect(banner).toContain('Synthetic demo data');
		expect(banner).toContain('referrals.csv');
	});

	it('draws the chart with an accessible name and offers the same numbers as a table', async () => {
		const label = await watch.page.locator('figure.chart svg[role="img"]').first().getAttribute('aria-label');
		expect(label).toMatch(/referrals across 6 districts/);
		await watch.page.getByRole('button', { name: 'Show as table' }).first().click();
		const rows = await watch.page.locator('figure.chart table tbody tr').count();
		expect(rows).toBeGreaterThan(6 * 12 * 4);
		const total = await watch.page
			.locator('figure.chart table tbody tr td:last-child')
			.allTextContents()
			.then((cells) => cells.reduce((sum, cell) => sum + Number(cell.replaceAll(',', '')), 0));
		expect(total).toBe(countDemo().referrals);
		await watch.page.getByRole('button', { name: 'Show chart' }).first().click();
		await waitForCharts(watch.page);
	});

	it('reproduces a filtered view from its URL, with numbers matching an independent count', async () => {
		const fenland = countDemo().rows.filter((row) => row.district === 'fenland' && row.gender === 'female');
		await watch.page.goto(new URL('/?district=fenland&gender=female', watch.baseUrl).href);
		await waitForCharts(watch.page);
		const [referrals, children] = await watch.page.getByTestId('headline-value').allTextContents();
		expect(referrals).toBe(en(fenland.length));
		expect(children).toBe(en(new Set(fenland.map((row) => row.child_id)).size));
		await expect
			.poll(() => watch.page.locator('.filters .current').textContent())
			.toContain('Districts: Fenland');
	});

	it('changes the numbers when a filter is chosen in the filter bar', async () => {
		await watch.page.goto(new URL('/', watch.baseUrl).href);
		await waitForCharts(watch.page);
		await watch.page.getByRole('combobox', { name: /^Looked after/ }).selectOption('yes');
		await expect.poll(() => watch.page.url()).toContain('looked-after=yes');
		const expected = countDemo().lookedAfter;
		await expect
			.poll(() => watch.page.getByTestId('headline-value').first().textContent())
			.toBe(en(expected));
	});

	it('suppresses a known small cell in publication mode', async () => {
		const { byMonthDistrict } = countDemo();
		const [key, value] = [...byMonthDistrict.entries()].find(([, n]) => n >= 1 && n <= 5)!;
		expect(value).toBeLessThanOrEqual(5);
		const [month, district] = key.split('|') as [string, string];
		const monthLabel = new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', {
			month: 'long',
			year: 'numeric',
			timeZone: 'UTC'
		});
		const districtLabel = district.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
		await watch.page.goto(new URL('/?mode=publication', watch.baseUrl).href);
		await waitForCharts(watch.page);
		await watch.page.getByRole('button', { name: 'Show as table' }).first().click();
		const row = watch.page
			.locator('figure.chart table tbody tr')
			.filter({ has: watch.page.getByRole('cell', { name: monthLabel, exact: true }) })
			.filter({ has: watch.page.getByRole('cell', { name: new RegExp(`^${districtLabel}$`, 'i') }) });
		await expect.poll(() => row.locator('td').last().textContent()).toBe('c');
		await screenshot(watch.page, 'overview-publication-table');
		await watch.page.getByRole('button', { name: 'Show chart' }).first().click();
		await waitForCharts(watch.page);
	});

	it('has no accessibility violations', async () => {
		const violations = await runAxe(watch.page);
		expect(violations).toEqual([]);
	});

	it('makes no request to another origin and logs no errors', async () => {
		await screenshot(watch.page, 'overview');
		expect(watch.offOrigin).toEqual([]);
		expect(watch.failedResponses).toEqual([]);
		expect(watch.consoleErrors).toEqual([]);
	});
});
