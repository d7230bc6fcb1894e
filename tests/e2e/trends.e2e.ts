import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import {
	countBy,
	demoExtent,
	demoReferrals,
	en,
	latestCompleteQuarter,
	monthKeys,
	monthName
} from './independent-periods';
import {
	launchBrowser,
	openPage,
	runAxe,
	screenshot,
	waitForCharts,
	waitForEngine,
	type PageWatch
} from './browser';

let browser: Browser;
let watch: PageWatch;
beforeAll(async () => {
	browser = await launchBrowser();
	watch = await openPage(browser, '/trends/');
	await waitForCharts(watch.page, 6);
});
afterAll(() => browser?.close());

/** The figures in page order: referrals, children and repeat referrals; each overall, then by district. */
const figure = (index: number) => watch.page.locator('figure.chart').nth(index);

/** Open a chart's table and read it as rows of cell texts. */
async function table(chart: Locator): Promise<string[][]> {
	await chart.getByRole('button', { name: 'Show as table' }).click();
	const rows = await chart
		.locator('table tbody tr')
		.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
	await chart.getByRole('button', { name: 'Show chart' }).click();
	return rows;
}

// Worked out from the CSV: every month of the data, and whether the last one is cut short by the extract.
const extent = demoExtent();
const months = monthKeys(extent.first, extent.last);
const lastDayOfMonth = (iso: string) =>
	new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), 0)).toISOString().slice(0, 10);
const lastMonthIncomplete = extent.last !== lastDayOfMonth(extent.last);
/** "2021-11" → "October–December 2021": the quarter containing the month, in its long form. */
const financialQuarter = (key: string) => {
	const year = Number(key.slice(0, 4));
	const first = Math.floor((Number(key.slice(5, 7)) - 1) / 3) * 3;
	const name = (month: number) =>
		new Date(Date.UTC(year, month, 1)).toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' });
	return `${name(first)}–${name(first + 2)} ${year}`;
};
const fenlandTitle = /^Referrals in Fenland have been above the mean for \d+ months in a row/;

describe('trends on the demo extract', () => {
	it('draws six XmR charts with active titles', async () => {
		expect(await watch.page.locator('figure.chart svg[role="img"]').count()).toBe(6);
		const titles = await watch.page.locator('figure.chart h2').allTextContents();
		expect(titles[0]).toMatch(/^Referrals overall/);
		expect(titles[1]).toMatch(fenlandTitle);
		expect(await figure(1).locator('.summary').textContent()).toMatch(
			/Fenland: special cause, \d+ months above the mean since [A-Z][a-z]+ \d{4}\./
		);
	});

	it('counts referrals per month as an independent count does, and marks the incomplete last month', async () => {
		const expected = countBy(demoReferrals());
		const rows = await table(figure(0));
		expect(rows.map((row) => row[0])).toEqual(months.map(monthName));
		expect(rows.map((row) => row[2])).toEqual(months.map((month) => en(expected.get(month) ?? 0)));
		expect(rows.at(-1)![6] === 'Incomplete period: not used for the limits').toBe(lastMonthIncomplete);
		const complete = lastMonthIncomplete ? months.slice(0, -1) : months;
		expect(rows[complete.length - 1]![6]).not.toMatch(/Incomplete/);
		// The mean line is the mean of the complete months only.
		const mean = complete.reduce((sum, month) => sum + (expected.get(month) ?? 0), 0) / complete.length;
		expect(rows[0]![3]).toBe(
			mean.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
		);
	});

	it('counts repeat referrals independently and leaves months without a 12-month look-back out of the limits', async () => {
		const expected = countBy(demoReferrals().filter((row) => row.repeat));
		const rows = await table(figure(4));
		expect(rows.map((row) => row[2])).toEqual(months.map((month) => en(expected.get(month) ?? 0)));
		expect(
			rows.slice(0, 12).every((row) => row[6] === 'No full 12-month look-back: not used for the limits')
		).toBe(true);
		expect(rows[12]![6]).not.toMatch(/look-back/);
	});

	it('switches to financial quarters, marking the partial first and last quarters', async () => {
		await watch.page.getByRole('radio', { name: /Quarterly/ }).check();
		await expect.poll(() => watch.page.url()).toContain('grain=quarter');
		await expect
			.poll(() => figure(0).locator('.summary').textContent())
			.toContain('a quarter, process limits');
		await waitForCharts(watch.page, 6);
		const rows = await table(figure(0));
		const incomplete = 'Incomplete period: not used for the limits';
		const startsQuarter = (key: string) => (Number(key.slice(5, 7)) - 1) % 3 === 0;
		expect(rows[0]![0]).toBe(financialQuarter(months[0]!));
		expect(rows[0]![6] === incomplete).toBe(!startsQuarter(months[0]!) || extent.first.slice(8) !== '01');
		expect(rows.at(-1)![0]).toBe(financialQuarter(months.at(-1)!));
		const lastMonth = Number(extent.last.slice(5, 7));
		const quarterEnd = lastDayOfMonth(
			`${extent.last.slice(0, 5)}${String(lastMonth + ((3 - (lastMonth % 3)) % 3)).padStart(2, '0')}-01`
		);
		expect(rows.at(-1)![6] === incomplete).toBe(extent.last < quarterEnd);
		// The latest complete quarter, counted independently: referrals, and children once per quarter.
		const { current } = latestCompleteQuarter(extent.last);
		const inQuarter = demoReferrals().filter((row) => row.date >= current.from && row.date <= current.to);
		expect(rows.find((row) => row[0] === current.long)![2]).toBe(en(inQuarter.length));
		const children = await table(figure(2));
		expect(children.find((row) => row[0] === current.long)![2]).toBe(
			en(new Set(inQuarter.map((row) => row.child)).size)
		);
		await screenshot(watch.page, 'trends-quarterly');
		expect(await runAxe(watch.page)).toEqual([]);
		// The grain is in the URL: opening the link again shows quarters.
		await watch.page.goto(watch.page.url());
		await waitForCharts(watch.page, 6);
		expect(await watch.page.getByRole('radio', { name: /Quarterly/ }).isChecked()).toBe(true);
		expect((await table(figure(0)))[0]![0]).toBe(financialQuarter(months[0]!));
		await watch.page.getByRole('radio', { name: /Monthly/ }).check();
		await expect.poll(() => watch.page.url()).not.toContain('grain=');
		await waitForCharts(watch.page, 6);
	});

	it('cross-filters by district when a district panel is clicked', async () => {
		const label = figure(1).locator('svg[role="img"] text', { hasText: /^Peterborough$/ });
		await label.scrollIntoViewIfNeeded();
		const box = (await label.boundingBox())!;
		await watch.page.mouse.move(box.x + 150, box.y + 60);
		await watch.page.mouse.click(box.x + 150, box.y + 60);
		await expect.poll(() => watch.page.url()).toContain('district=peterborough');
		await waitForCharts(watch.page, 6);
		const expected = countBy(demoReferrals().filter((row) => row.district === 'peterborough'));
		await expect
			.poll(async () => (await table(figure(0))).map((row) => row[2]))
			.toEqual(months.map((month) => en(expected.get(month) ?? 0)));
	});

	it('changes a known number when a filter is chosen in the filter bar', async () => {
		await watch.page.goto(new URL('/trends/', watch.baseUrl).href);
		await waitForCharts(watch.page, 6);
		await watch.page.getByRole('combobox', { name: /^Looked after/ }).selectOption('yes');
		await expect.poll(() => watch.page.url()).toContain('looked-after=yes');
		const expected = countBy(demoReferrals().filter((row) => row.lookedAfter === 'true'));
		await expect.poll(async () => (await table(figure(0)))[0]![2]).toBe(en(expected.get(months[0]!) ?? 0));
	});

	it('redraws the charts below the screen on a filter change without painting them until they are in view', async () => {
		await watch.page.goto(new URL('/trends/', watch.baseUrl).href);
		await waitForCharts(watch.page, 6);
		const last = figure(5);
		// Not rendered: the browser skips the style, layout and paint of what a figure far off screen holds.
		const rendered = () =>
			last.locator('svg[role="img"]').evaluate((svg) => svg.checkVisibility({ contentVisibilityAuto: true }));
		await expect.poll(rendered).toBe(false);
		// Skipped, it holds the size it was laid out at, so the page is as tall as it is drawn (no placeholder).
		const pageHeights = () =>
			watch.page.evaluate(() => {
				const height = () => document.documentElement.scrollHeight;
				const skipping = height();
				const shown = document.createElement('style');
				shown.textContent = 'figure.chart { content-visibility: visible !important; }';
				document.head.append(shown);
				const whole = height();
				shown.remove();
				return [skipping, whole];
			});
		const [skipping, whole] = await pageHeights();
		expect(skipping).toBe(whole);
		await last.locator('svg[role="img"]').evaluate((svg) => svg.setAttribute('data-before-change', ''));
		await watch.page.getByRole('combobox', { name: /^Looked after/ }).selectOption('yes');
		await expect.poll(() => watch.page.url()).toContain('looked-after=yes');
		await waitForCharts(watch.page, 6);
		// Yet its drawing is new, at the width of the charts on screen.
		expect(await last.locator('svg[role="img"][data-before-change]').count()).toBe(0);
		const widthOf = (chart: Locator) => chart.locator('svg[role="img"]').getAttribute('width');
		expect(await widthOf(last)).toBe(await widthOf(figure(0)));
		expect(await rendered()).toBe(false);
		// In view, it is shown whole: the figure is as tall as when it is never skipped, not a placeholder.
		await last.scrollIntoViewIfNeeded();
		await expect.poll(rendered).toBe(true);
		const [shown, wholeFigure] = await last.evaluate((node: HTMLElement) => {
			const height = () => node.getBoundingClientRect().height;
			const before = height();
			node.style.contentVisibility = 'visible';
			const after = height();
			node.style.contentVisibility = '';
			return [before, after];
		});
		expect(shown).toBe(wholeFigure);
	});

	it('reproduces a filtered view from its URL, with numbers matching an independent count', async () => {
		await watch.page.goto(new URL('/trends/?district=fenland&age=13-14&from=2024-01-01', watch.baseUrl).href);
		await waitForCharts(watch.page, 6);
		await expect
			.poll(() => watch.page.locator('.filters .current').textContent())
			.toContain('Districts: Fenland');
		const rows = demoReferrals().filter(
			(row) => row.district === 'fenland' && row.age >= 13 && row.age <= 14 && row.date >= '2024-01-01'
		);
		const expected = countBy(rows);
		const shown = await table(figure(0));
		expect(shown.map((row) => row[0])).toEqual(months.filter((month) => month >= '2024-01').map(monthName));
		expect(shown.map((row) => row[2])).toEqual(
			months.filter((month) => month >= '2024-01').map((month) => en(expected.get(month) ?? 0))
		);
		expect(shown[0]![1]).toBe('Selected districts');
	});

	it('publishes a known small cell perturbed in publication mode', async () => {
		const byMonth = countBy(demoReferrals().filter((row) => row.district === 'fenland'));
		const [month, value] = [...byMonth.entries()].find(([, n]) => n >= 1 && n <= 5)!;
		expect(value).toBeLessThanOrEqual(5);
		await watch.page.goto(new URL('/trends/?mode=publication', watch.baseUrl).href);
		await waitForCharts(watch.page, 6);
		const rows = await table(figure(1));
		const cell = rows.find((row) => row[0] === monthName(month) && row[1] === 'Fenland')!;
		// Publication mode perturbs every count (cell key method): a true count of 1 to 5 is published as 0 or 6.
		expect(['0', '6']).toContain(cell[2]);
		await screenshot(watch.page, 'trends-publication');
		expect(await runAxe(watch.page)).toEqual([]);
	});

	it('shows an empty state when the filters select no day of the data', async () => {
		await watch.page.goto(new URL('/trends/?from=2027-01-01', watch.baseUrl).href);
		await waitForEngine(watch.page);
		await expect
			.poll(() => watch.page.getByTestId('data-banner').textContent(), { timeout: 90_000 })
			.toContain('Referrals from');
		await expect
			.poll(() => watch.page.locator('figure.chart .empty').allTextContents())
			.toEqual(Array(6).fill('No data matches the current filters.'));
	});

	it('has no accessibility violations', async () => {
		await watch.page.goto(new URL('/trends/', watch.baseUrl).href);
		await waitForCharts(watch.page, 6);
		expect(await runAxe(watch.page)).toEqual([]);
	});

	it('makes no request to another origin and logs no errors', async () => {
		await screenshot(watch.page, 'trends');
		expect(watch.offOrigin).toEqual([]);
		expect(watch.failedResponses).toEqual([]);
		expect(watch.consoleErrors).toEqual([]);
	});
});
