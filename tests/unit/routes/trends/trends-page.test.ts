import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import type { SpcTableRow } from '$lib/summaries/special-cause';
import { addMonths } from '$lib/domain/calendar';
import { overviewPage } from '../../../../src/routes/overview-page';
import { trendsPage } from '../../../../src/routes/trends/trends-page';
import { countBy, demoExtent, demoReferrals, latestCompleteQuarter } from '../../../e2e/independent-periods';
import { isPublishable, publishedByHand } from '../../../helpers/published';
import { demoEngine, runPage } from '../../../helpers/page';

// Counted from the CSV in plain JS, the repeat flag included: nothing here comes from the app's SQL.
const referrals = demoReferrals();
const extent = demoExtent(referrals);
/** A table's value column keyed by month (yyyy-mm) for one area label. */
const byMonth = (rows: readonly SpcTableRow[], areaLabel: string) =>
	new Map(
		rows.filter((row) => row.areaLabel === areaLabel).map((row) => [row.period.slice(0, 7), row.value])
	);
const withZeros = (counts: Map<string, number>, keys: Iterable<string>) =>
	new Map([...keys].map((key) => [key, counts.get(key) ?? 0]));

let engine: Engine;
beforeAll(async () => {
	engine = await demoEngine();
});
afterAll(() => engine?.close());

describe('trends page on the demo extract', () => {
	it('counts referrals, children and repeat referrals per month as the CSV does', async () => {
		const view = await runPage(trendsPage, engine);
		const overall = byMonth(view.referralOverall!.rows, 'All districts');
		expect(overall).toEqual(withZeros(countBy(referrals), overall.keys()));
		expect(overall.size).toBeGreaterThan(48);
		const fenland = byMonth(view.referralByDistrict!.rows, 'Fenland');
		expect(fenland).toEqual(
			withZeros(countBy(referrals.filter((row) => row.district === 'fenland')), fenland.keys())
		);
		expect(byMonth(view.repeatOverall!.rows, 'All districts')).toEqual(
			withZeros(countBy(referrals.filter((row) => row.repeat)), overall.keys())
		);
		// Children once per month, however often they were referred in it.
		const children = new Map<string, Set<string>>();
		for (const row of referrals) {
			const month = row.date.slice(0, 7);
			children.set(month, (children.get(month) ?? new Set()).add(row.child));
		}
		const childCounts = byMonth(view.childOverall!.rows, 'All districts');
		for (const [month, count] of childCounts) expect(count).toBe(children.get(month)?.size ?? 0);
		// Six districts in the by-district charts, none in the overall ones.
		expect(new Set(view.childByDistrict!.rows.map((row) => row.area)).size).toBe(6);
		expect(view.childOverall!.rows.every((row) => row.area === 'all')).toBe(true);
	});

	it('leaves the first 12 months of repeat referrals and an incomplete last month out of the limits', async () => {
		const view = await runPage(trendsPage, engine);
		const repeats = view.repeatOverall!.rows;
		expect(repeats.slice(0, 12).every((row) => row.spc.startsWith('No full 12-month look-back'))).toBe(true);
		expect(repeats[12]!.spc).not.toMatch(/look-back/);
		expect(view.repeatOverall!.caption).toMatch(/Periods before \w+ \d{4} have no full 12-month look-back/);
		expect(view.referralOverall!.caption).not.toMatch(/look-back/);
		// The demo ends mid-month (15 November 2026).
		expect(extent.last).toBe('2026-11-15');
		expect(view.referralOverall!.rows.at(-1)!.spc).toBe('Incomplete period: not used for the limits');
		expect(view.referralOverall!.caption).toMatch(
			/^Exploitation referrals to the MASH per month, all districts, /
		);
		expect(view.referralOverall!.title).toMatch(/^Referrals overall/);
		expect(view.referralByDistrict!.title).toMatch(/^Referrals in Fenland/);
	});

	it('counts financial quarters, the latest complete one as the CSV does', async () => {
		const view = await runPage(trendsPage, engine, { grain: 'quarter' });
		const { current } = latestCompleteQuarter(extent.last);
		const inQuarter = referrals.filter((row) => row.date >= current.from && row.date <= current.to);
		const row = view.referralOverall!.rows.find((one) => one.period === current.from)!;
		expect(row.value).toBe(inQuarter.length);
		const columns = view.referralOverall!.columns;
		expect(columns[0]!.label).toBe('Quarter');
		expect(columns[0]!.format!(row.period, row)).toBe(current.long);
		const children = view.childOverall!.rows.find((one) => one.period === current.from)!;
		expect(children.value).toBe(new Set(inQuarter.map((one) => one.child)).size);
		expect(view.childOverall!.caption).toMatch(
			/^Children referred \(each child counted once per period\) per quarter/
		);
	});

	it('shows one district as "selected", and a period of the filters as its own coverage', async () => {
		const filters = { districts: ['fenland' as const], from: '2025-04-01', to: '2025-09-30' };
		const view = await runPage(trendsPage, engine, { filters });
		const inside = referrals.filter(
			(row) => row.district === 'fenland' && row.date >= filters.from && row.date <= filters.to
		);
		const overall = byMonth(view.referralOverall!.rows, 'Selected districts');
		expect([...overall.keys()]).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09']);
		expect(overall).toEqual(withZeros(countBy(inside), overall.keys()));
		expect(view.referralByDistrict!.rows.every((row) => row.areaLabel === 'Fenland')).toBe(true);
		expect(view.referralOverall!.caption).toContain(
			'per month, the selected districts together, 1 April 2025 to 30 September 2025,'
		);
		expect(view.referralByDistrict!.caption).toContain('by district of the child, each with its own limits');
	});

	it('withholds small district counts in publication mode, and only those', async () => {
		const open = await runPage(trendsPage, engine);
		const published = await runPage(trendsPage, engine, { publication: true });
		const small = open.referralByDistrict!.rows.filter(
			(row) => row.value !== null && row.value >= 1 && row.value <= 5
		);
		expect(small.length).toBeGreaterThan(0);
		const shown = new Map(
			published.referralByDistrict!.rows.map((row) => [`${row.period}|${row.area}`, row])
		);
		const byHand = await publishedByHand(engine, {
			table: 'referral_facts',
			where: `referral_date >= '${published.referralByDistrict!.rows[0]!.period}'`,
			groups: ['month', 'district']
		});
		for (const row of published.referralByDistrict!.rows) {
			expect(isPublishable(row.value)).toBe(true);
			if (row.period.length === 10)
				expect(row.value).toBe(byHand.get(`${row.period}|${row.area}`)?.published ?? 0);
		}
		for (const row of small) expect(shown.get(`${row.period}|${row.area}`)!.value).not.toBe(row.value);
	});

	it('asks nothing and shows empty charts when the period chosen holds no day of the data', async () => {
		const view = await runPage(trendsPage, engine, { filters: { from: '2030-01-01', to: '2030-03-31' } });
		expect(view.hasDays).toBe(false);
		expect(view.referralRows.rows).toBeUndefined();
		expect(view.childRows.rows).toBeUndefined();
		expect(view.referralOverall!.rows).toEqual([]);
		expect(view.childByDistrict!.rows).toEqual([]);
		expect([view.referralLoading, view.childLoading]).toEqual([false, false]);
	});
});

describe('one XmR limit rule on every page', () => {
	it('gives Trends with a quarter chosen the limits and verdict the Overview gives for the same link (Fenland)', async () => {
		const { from, to } = latestCompleteQuarter(extent.last).current;
		const filters = { districts: ['fenland' as const], from, to };
		const trends = await runPage(trendsPage, engine, { filters });
		const overview = await runPage(overviewPage, engine, { filters });
		const shown = trends.referralTrend!.series.find((one) => one.area === 'fenland')!;
		const whole = overview.spc!.referrals.find((one) => one.area === 'fenland')!;
		// The quarter's three months are shown, judged against every complete month since the data start.
		expect(shown.points.map((point) => point.period.slice(0, 7))).toEqual(
			[0, 1, 2].map((k) => addMonths(from, k).slice(0, 7))
		);
		expect(shown.xmr!.periods[0]!.baselineLength).toBeGreaterThan(12);
		expect(shown.xmr!.periods[0]!.mean).toBe(whole.xmr!.periods[0]!.mean);
		expect(shown.xmr!.periods[0]!.upl).toBe(whole.xmr!.periods[0]!.upl);
		for (const point of shown.points) {
			const same = whole.points.find((one) => one.period === point.period)!;
			expect([point.specialCause, point.upl], point.period).toEqual([same.specialCause, same.upl]);
		}
		// The special causes still running in Fenland's referrals are the same sentences on both pages.
		const running = (signals: readonly { area: string; current: boolean; measure: string; text: string }[]) =>
			signals
				.filter((one) => one.area === 'fenland' && one.current && one.measure === 'referrals')
				.map((one) => one.text)
				.sort();
		expect(running(overview.spcSignals).length).toBeGreaterThan(0);
		expect(running(trends.referralTrend!.signals)).toEqual(running(overview.spcSignals));
	});
});
