import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { countDemo } from './independent-count';
import {
	countBy,
	countReferrals,
	dayName,
	demoEpisodes,
	demoExtent,
	demoReferrals,
	en,
	latestCompleteQuarter,
	monthKeys,
	monthName,
	percent
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

// With no period filter the overview shows the latest complete quarter of the data (July–September 2026
// for an extract ending on 15 November 2026), worked out here from the CSV.
const extent = demoExtent();
const quarters = latestCompleteQuarter(extent.last);
const quarter = [quarters.current.from, quarters.current.to] as const;
const quarterHeading = quarters.current.long;
const months = monthKeys(extent.first, extent.last);

let browser: Browser;
let watch: PageWatch;
beforeAll(async () => {
	browser = await launchBrowser();
	watch = await openPage(browser, '/');
	await waitForCharts(watch.page);
});
afterAll(() => browser?.close());

const headlineValues = (page: Page) => page.getByTestId('headline-value').allTextContents();
/** Wait until the headlines have loaded (no "…" left). */
const settled = async (page: Page) => {
	await expect.poll(async () => (await headlineValues(page)).some((value) => value === '…')).toBe(false);
	return headlineValues(page);
};

describe('overview on the demo extract', () => {
	it('shows the latest complete quarter, with headline numbers equal to an independent count', async () => {
		await expect.poll(() => watch.page.getByTestId('period-heading').textContent()).toContain(quarterHeading);
		const counts = countReferrals(demoReferrals(), ...quarter);
		const episodes = demoEpisodes().filter((row) => row.date >= quarter[0] && row.date <= quarter[1]);
		expect(await settled(watch.page)).toEqual([
			en(counts.referrals),
			en(counts.children),
			percent(counts.repeats, counts.referrals),
			percent(counts.lookedAfter, counts.lookedAfterKnown),
			percent(counts.under15, counts.referrals),
			en(episodes.length)
		]);
	});

	it('compares each headline with the previous quarter and a year earlier, with a verdict', async () => {
		const comparisons = await watch.page.getByTestId('headline-comparison').allTextContents();
		expect(comparisons).toHaveLength(12);
		const previous = countReferrals(demoReferrals(), quarters.previous.from, quarters.previous.to);
		const yearAgo = countReferrals(demoReferrals(), quarters.yearAgo.from, quarters.yearAgo.to);
		expect(comparisons[0]).toMatch(
			new RegExp(
				`^Against the previous quarter\\s*\\(${quarters.previous.long}\\): ${en(previous.referrals)}`
			)
		);
		expect(comparisons[1]).toMatch(
			new RegExp(
				`^Against the same quarter a year earlier\\s*\\(${quarters.yearAgo.long}\\): ${en(yearAgo.referrals)}`
			)
		);
		for (const text of comparisons)
			expect(text).toMatch(/significantly higher|significantly lower|not significantly different/);
		// Missing episodes against the previous quarter, counted independently.
		const episodes = demoEpisodes();
		const before = episodes.filter(
			(row) => row.date >= quarters.previous.from && row.date <= quarters.previous.to
		);
		expect(comparisons[10]).toContain(`(${quarters.previous.long}): ${en(before.length)}`);
	});

	it('draws an SPC sparkline for every headline, each with its text', async () => {
		const sparklines = watch.page.locator('dl.headlines svg[role="img"]');
		await expect.poll(() => sparklines.count()).toBe(6);
		expect(await sparklines.first().getAttribute('aria-label')).toMatch(
			new RegExp(`^Monthly referrals, ${monthName(months[0]!)} to ${monthName(months.at(-1)!)}: `)
		);
	});

	it('names the planted signals in the signals panel', async () => {
		const panel = watch.page.getByTestId('signals-panel');
		await expect.poll(() => panel.getAttribute('aria-busy')).toBe('false');
		const text = await panel.textContent();
		// A rising district: a shift above the mean still running.
		expect(await watch.page.getByTestId('signals-running').textContent()).toMatch(
			/Referrals in Fenland have been above the mean \([\d.]+ a month\) for \d+ months in a row, since [A-Z][a-z]+ \d{4} \(special cause: shift/
		);
		// The summer peak in missing episodes: summer months beyond the upper limit.
		const items = await panel.locator('li').allTextContents();
		expect(
			items.filter(
				(item) =>
					item.includes('Missing episodes overall') &&
					/(above|beyond) the upper limit/.test(item) &&
					/June|July|August/.test(item)
			)
		).not.toEqual([]);
		// A younger age profile: the share aged under 15 above its mean.
		expect(text).toMatch(
			/The share of referrals for children under 15 overall (has been|was) above the mean \([\d.]+%\) for \d+ months in a row/
		);
		await watch.page.getByText(/^Earlier special causes/).click();
		expect(await watch.page.getByTestId('signals-earlier').textContent()).toMatch(
			/The share of referrals for children under 15 overall was below the mean/
		);
		// Every period change listed is a significant one, with its interval.
		const changes = await watch.page.getByTestId('signals-changes').locator('li').allTextContents();
		for (const change of changes)
			expect(change).toMatch(/significantly (higher|lower) in .*95% confidence interval/);
		await screenshot(watch.page, 'overview-signals');
	});

	it('shows data-as-at and the source', async () => {
		const text = await watch.page.getByTestId('as-at').textContent();
		expect(text).toContain(`Data as at ${dayName(extent.last)}`);
		expect(text).toContain('Synthetic demo data: referrals.csv (2,400 rows');
	});

	it('draws referrals by district as XmR small multiples, with the same numbers as a table', async () => {
		const figure = watch.page.locator('figure.chart').first();
		expect(await figure.locator('h2').textContent()).toMatch(
			/^Referrals in Fenland have been above the mean for \d+ months in a row/
		);
		expect(await figure.locator('.summary').textContent()).toMatch(
			/Fenland: special cause, \d+ months above the mean since [A-Z][a-z]+ \d{4}/
		);
		await figure.getByRole('button', { name: 'Show as table' }).click();
		const rows = figure.locator('table tbody tr');
		expect(await rows.count()).toBe(months.length * 6);
		const cells = await rows.locator('td:nth-child(3)').allTextContents();
		expect(cells.reduce((sum, cell) => sum + Number(cell.replaceAll(',', '')), 0)).toBe(
			countDemo().referrals
		);
		const lastMonth = rows.filter({ hasText: monthName(months.at(-1)!) }).first();
		expect(await lastMonth.locator('td').last().textContent()).toBe(
			'Incomplete period: not used for the limits'
		);
		await figure.getByRole('button', { name: 'Show chart' }).click();
		await waitForCharts(watch.page);
	});

	it('cross-filters by district when a district panel is clicked', async () => {
		const label = watch.page.locator('figure.chart svg[role="img"] text', { hasText: /^Fenland$/ });
		await label.scrollIntoViewIfNeeded();
		const box = (await label.boundingBox())!;
		await watch.page.mouse.move(box.x + 120, box.y + 60);
		await watch.page.mouse.click(box.x + 120, box.y + 60);
		await expect.poll(() => watch.page.url()).toContain('district=fenland');
		const fenland = demoReferrals().filter((row) => row.district === 'fenland');
		await expect
			.poll(async () => (await settled(watch.page))[0])
			.toBe(en(countReferrals(fenland, ...quarter).referrals));
	});

	it('reproduces a filtered view from its URL, with numbers matching an independent count', async () => {
		const rows = demoReferrals().filter((row) => row.district === 'fenland' && row.gender === 'female');
		await watch.page.goto(new URL('/?district=fenland&gender=female', watch.baseUrl).href);
		await waitForCharts(watch.page);
		const counts = countReferrals(rows, ...quarter);
		const [referrals, children] = await settled(watch.page);
		expect(referrals).toBe(en(counts.referrals));
		expect(children).toBe(en(counts.children));
		await expect
			.poll(() => watch.page.locator('.filters .current').textContent())
			.toContain('Districts: Fenland');
	});

	it('changes the numbers when a filter is chosen in the filter bar', async () => {
		await watch.page.goto(new URL('/', watch.baseUrl).href);
		await waitForCharts(watch.page);
		await watch.page.getByRole('combobox', { name: /^Looked after/ }).selectOption('yes');
		await expect.poll(() => watch.page.url()).toContain('looked-after=yes');
		const lookedAfter = demoReferrals().filter((row) => row.lookedAfter === 'true');
		await expect
			.poll(async () => (await settled(watch.page))[0])
			.toBe(en(countReferrals(lookedAfter, ...quarter).referrals));
	});

	it('lets the period filter decide the period compared', async () => {
		await watch.page.goto(new URL('/?from=2025-11-01&to=2026-10-31', watch.baseUrl).href);
		await waitForCharts(watch.page);
		await expect
			.poll(() => watch.page.getByTestId('period-heading').textContent())
			.toBe('November 2025 to October 2026');
		const counts = countReferrals(demoReferrals(), '2025-11-01', '2026-10-31');
		expect((await settled(watch.page))[0]).toBe(en(counts.referrals));
		const previous = countReferrals(demoReferrals(), '2024-11-01', '2025-10-31');
		expect(await watch.page.getByTestId('headline-comparison').first().textContent()).toMatch(
			new RegExp(
				`Against the previous 12 months\\s*\\(November 2024 to October 2025\\): ${en(previous.referrals)}`
			)
		);
	});

	it('says so when the filters select no day of the data', async () => {
		await watch.page.goto(new URL('/?from=2027-01-01', watch.baseUrl).href);
		await waitForEngine(watch.page);
		await expect
			.poll(() => watch.page.getByTestId('data-banner').textContent(), { timeout: 90_000 })
			.toContain('Referrals from');
		await expect
			.poll(() => watch.page.getByText('No day in the data matches the period chosen.').count())
			.toBe(1);
		expect(await headlineValues(watch.page)).toEqual(Array(6).fill('–'));
		// The XmR chart still shows the history up to the end of the data.
		await waitForCharts(watch.page);
	});

	it('publishes a known small cell perturbed in publication mode', async () => {
		const byMonth = countBy(demoReferrals().filter((row) => row.district === 'east_cambridgeshire'));
		const [month, value] = [...byMonth.entries()].find(([, n]) => n >= 1 && n <= 5)!;
		expect(value).toBeLessThanOrEqual(5);
		await watch.page.goto(new URL('/?mode=publication', watch.baseUrl).href);
		await waitForCharts(watch.page);
		const figure = watch.page.locator('figure.chart').first();
		await figure.getByRole('button', { name: 'Show as table' }).click();
		const row = figure
			.locator('table tbody tr')
			.filter({ has: watch.page.getByRole('cell', { name: monthName(month), exact: true }) })
			.filter({ has: watch.page.getByRole('cell', { name: 'East Cambridgeshire', exact: true }) });
		// Publication mode perturbs every count (cell key method): a true count of 1 to 5 is published as 0 or 6.
		await expect.poll(() => row.locator('td').nth(2).textContent()).toMatch(/^(0|6)$/);
		await screenshot(watch.page, 'overview-publication-table');
		await figure.getByRole('button', { name: 'Show chart' }).click();
		await waitForCharts(watch.page);
		await screenshot(watch.page, 'overview-publication');
	});

	it('has no accessibility violations', async () => {
		expect(await runAxe(watch.page)).toEqual([]);
		await watch.page.goto(new URL('/', watch.baseUrl).href);
		await waitForCharts(watch.page);
		await settled(watch.page);
		expect(await runAxe(watch.page)).toEqual([]);
	});

	it('makes no request to another origin and logs no errors', async () => {
		await screenshot(watch.page, 'overview');
		expect(watch.offOrigin).toEqual([]);
		expect(watch.failedResponses).toEqual([]);
		expect(watch.consoleErrors).toEqual([]);
	});
});
