import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { countDemo } from './independent-count';
import {
	countBy,
	countReferrals,
	demoEpisodes,
	demoReferrals,
	en,
	monthName,
	percent
} from './independent-periods';
import { launchBrowser, openPage, runAxe, screenshot, waitForCharts, type PageWatch } from './browser';

// The demo extract ends on 15 November 2026: with no period filter the overview shows the latest complete
// financial quarter, Q2 2026-27 (July to September 2026).
const quarter = ['2026-07-01', '2026-09-30'] as const;

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
		await expect
			.poll(() => watch.page.getByTestId('period-heading').textContent())
			.toContain('Q2 2026-27 (July to September 2026)');
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
		const previous = countReferrals(demoReferrals(), '2026-04-01', '2026-06-30');
		expect(comparisons[0]).toContain('Against the previous quarter');
		expect(comparisons[0]).toContain(`(Q1 2026-27): ${en(previous.referrals)}`);
		expect(comparisons[1]).toContain('(Q2 2025-26)');
		for (const text of comparisons)
			expect(text).toMatch(/significantly higher|significantly lower|not significantly different/);
		// Missing episodes: the summer quarter against the spring one.
		const episodes = demoEpisodes();
		const q2 = episodes.filter((row) => row.date >= '2026-07-01' && row.date <= '2026-09-30').length;
		const q1 = episodes.filter((row) => row.date >= '2026-04-01' && row.date <= '2026-06-30').length;
		expect(comparisons[10]).toContain(`(Q1 2026-27): ${en(q1)}`);
		expect(comparisons[10]).toContain('significantly higher');
		expect(q2).toBeGreaterThan(q1);
	});

	it('draws an SPC sparkline for every headline, each with its text', async () => {
		const sparklines = watch.page.locator('dl.headlines svg[role="img"]');
		await expect.poll(() => sparklines.count()).toBe(6);
		expect(await sparklines.first().getAttribute('aria-label')).toMatch(
			/^Monthly referrals, November 2021 to November 2026: /
		);
	});

	it('names the planted signals in the signals panel', async () => {
		const panel = watch.page.getByTestId('signals-panel');
		await expect.poll(() => panel.getAttribute('aria-busy')).toBe('false');
		const running = await watch.page.getByTestId('signals-running').textContent();
		// A rising district.
		expect(running).toMatch(
			/Referrals in Fenland have been above the mean \(5\.0 a month\) for 9 months in a row, since February 2026 \(special cause: shift/
		);
		// The summer peak in missing episodes: beyond the upper limit, and a significant change on the spring.
		const during = await watch.page.getByTestId('signals-during').textContent();
		expect(during).toMatch(
			/Missing episodes overall were above the upper limit \(92\.7\) in July 2026 \(126\) and August 2026 \(112\)/
		);
		const changes = await watch.page.getByTestId('signals-changes').textContent();
		expect(changes).toMatch(
			/Missing episodes overall were significantly higher in Q2 2026-27 \(304\) than in the previous quarter, Q1 2026-27 \(221\)/
		);
		// A younger age profile.
		expect(during).toMatch(
			/The share of referrals for children under 15 overall was above the mean \(38\.4%\) for 10 months in a row/
		);
		await watch.page.getByText(/^Earlier special causes/).click();
		expect(await watch.page.getByTestId('signals-earlier').textContent()).toMatch(
			/The share of referrals for children under 15 overall was below the mean/
		);
		await screenshot(watch.page, 'overview-signals');
	});

	it('shows data-as-at and the source', async () => {
		const text = await watch.page.getByTestId('as-at').textContent();
		expect(text).toContain('Data as at 15 November 2026');
		expect(text).toContain('Synthetic demo data: referrals.csv (2,400 rows');
	});

	it('draws referrals by district as XmR small multiples, with the same numbers as a table', async () => {
		const figure = watch.page.locator('figure.chart').first();
		expect(await figure.locator('h2').textContent()).toBe(
			'Referrals in Fenland have been above the mean for 9 months in a row'
		);
		expect(await figure.locator('.summary').textContent()).toContain(
			'Fenland: special cause, 9 months above the mean since February 2026.'
		);
		await figure.getByRole('button', { name: 'Show as table' }).click();
		const rows = figure.locator('table tbody tr');
		expect(await rows.count()).toBe(61 * 6);
		const cells = await rows.locator('td:nth-child(3)').allTextContents();
		expect(cells.reduce((sum, cell) => sum + Number(cell.replaceAll(',', '')), 0)).toBe(
			countDemo().referrals
		);
		const november = rows.filter({ hasText: 'November 2026' }).first();
		expect(await november.locator('td').last().textContent()).toBe(
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

	it('suppresses a known small cell in publication mode', async () => {
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
		await expect.poll(() => row.locator('td').nth(2).textContent()).toBe('c');
		expect(await row.locator('td').last().textContent()).toBe('SPC not shown: counts suppressed');
		expect(await figure.locator('.summary').textContent()).toContain('counts suppressed in publication mode');
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
