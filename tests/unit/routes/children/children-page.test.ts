import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import { childrenPage } from '../../../../src/routes/children/children-page';
import { demoEngine, demoRows, runPage } from '../../../helpers/page';
import { isPublishable, publishedByHand } from '../../../helpers/published';

// Independent counts of the demo CSV, in plain JS.
const { referrals } = demoRows();
const tally = <Row>(rows: readonly Row[], key: (row: Row) => string) => {
	const counts = new Map<string, number>();
	for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
	return counts;
};
/** "2024-25" for a day in April 2024 to March 2025. */
const financialYear = (day: string) => {
	const year = Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < 4 ? 1 : 0);
	return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
};
/** The first day of the calendar quarter of a day. */
const quarterOf = (day: string) => {
	const month = Number(day.slice(5, 7));
	return `${day.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
};

let engine: Engine;
beforeAll(async () => {
	engine = await demoEngine();
});
afterAll(() => engine?.close());

describe('children page on the demo extract', () => {
	it('tables age and gender, ethnic group and referral source as the CSV counts them', async () => {
		const view = await runPage(childrenPage, engine);
		const pyramid = new Map(view.pyramidChart.rows.map((row) => [`${row.age}|${row.gender}`, row.referrals]));
		const expected = tally(
			referrals.filter((row) => row.gender === 'male' || row.gender === 'female'),
			(row) => `${row.age_at_referral}|${row.gender}`
		);
		for (const [key, count] of expected) expect(pyramid.get(key)).toBe(count);
		expect([...pyramid.values()].reduce<number>((sum, n) => sum + (n ?? 0), 0)).toBe(
			[...expected.values()].reduce((sum, n) => sum + n, 0)
		);
		// Referrals with another recorded gender are counted in words, not drawn.
		const others = referrals.filter((row) => row.gender !== 'male' && row.gender !== 'female').length;
		expect(others).toBeGreaterThan(0);
		expect(view.pyramidChart.caption).toContain(`${others} referrals`);

		const ethnicity = tally(referrals, (row) => row.ethnicity!);
		for (const row of view.ethnicityChart.rows) {
			expect(row.referrals).toBe(ethnicity.get(row.ethnicity) ?? 0);
			expect(row.share).toBeCloseTo((ethnicity.get(row.ethnicity) ?? 0) / referrals.length, 12);
		}
		const sources = tally(referrals, (row) => row.referral_source!);
		expect(new Map(view.sourceChart.rows.map((row) => [row.source, row.referrals]))).toEqual(sources);
		// Most referrals first.
		expect(view.sourceChart.rows[0]!.source).toBe([...sources].sort((a, b) => b[1] - a[1])[0]![0]);
		expect(view.ethnicityChart.caption).toContain('1 November 2021 to 15 November 2026');
	});

	it('counts the age profile per financial year and the looked-after share per quarter', async () => {
		const view = await runPage(childrenPage, engine);
		const byYear = tally(referrals, (row) => financialYear(row.referral_date!));
		const youngerByYear = tally(
			referrals.filter((row) => Number(row.age_at_referral) < 15),
			(row) => financialYear(row.referral_date!)
		);
		const years = view.ageShareChart.rows;
		expect(years.map((row) => row.period)).toEqual([...byYear.keys()].sort());
		for (const row of years) {
			expect(row.referrals).toBe(byYear.get(row.period));
			expect(row.younger).toBe(youngerByYear.get(row.period) ?? 0);
		}
		// The first and last financial years of the demo are part years.
		expect([years[0]!.complete, years[1]!.complete, years.at(-1)!.complete]).toEqual([false, true, false]);
		expect(view.ageMeanChart.rows).toBe(view.ageShareChart.rows);
		const ages = referrals
			.filter((row) => financialYear(row.referral_date!) === years[1]!.period)
			.map((row) => Number(row.age_at_referral));
		expect(years[1]!.mean).toBeCloseTo(ages.reduce((sum, age) => sum + age, 0) / ages.length, 9);

		const known = referrals.filter((row) => row.looked_after === 'true' || row.looked_after === 'false');
		const knownByQuarter = tally(known, (row) => quarterOf(row.referral_date!));
		const lookedAfterByQuarter = tally(
			known.filter((row) => row.looked_after === 'true'),
			(row) => quarterOf(row.referral_date!)
		);
		for (const row of view.lookedAfterChart.rows) {
			expect(row.known).toBe(knownByQuarter.get(row.quarter) ?? 0);
			expect(row.looked_after).toBe(lookedAfterByQuarter.get(row.quarter) ?? 0);
		}
		expect(view.lookedAfterChart.rows).toHaveLength(knownByQuarter.size);
	});

	it('follows the filters: a district and a financial year', async () => {
		const filters = { districts: ['peterborough' as const], from: '2024-04-01', to: '2025-03-31' };
		const view = await runPage(childrenPage, engine, { filters });
		const inside = referrals.filter(
			(row) =>
				row.district === 'peterborough' &&
				row.referral_date! >= filters.from &&
				row.referral_date! <= filters.to
		);
		expect(view.ageShareChart.rows.map((row) => [row.period, row.referrals, row.complete])).toEqual([
			['2024-25', inside.length, true]
		]);
		expect(view.lookedAfterChart.rows.map((row) => row.quarter)).toEqual([
			'2024-04-01',
			'2024-07-01',
			'2024-10-01',
			'2025-01-01'
		]);
		expect(view.sourceChart.rows.reduce((sum, row) => sum + (row.referrals ?? 0), 0)).toBe(inside.length);
		expect(view.period).toBe('1 April 2024 to 31 March 2025');
		expect(view.lookedAfterChart.caption).toContain('per calendar quarter, 1 April 2024 to 31 March 2025,');
	});

	it('publishes every pyramid cell as ptable(true count, cell key), with no count of 1 to 5 left', async () => {
		const open = await runPage(childrenPage, engine);
		const published = await runPage(childrenPage, engine, { publication: true });
		const byHand = await publishedByHand(engine, {
			table: 'referral_facts',
			groups: ['age_at_referral', 'gender']
		});
		const small = open.pyramidChart.rows.filter(
			(row) => row.referrals !== null && row.referrals >= 1 && row.referrals <= 5
		);
		expect(small.length).toBeGreaterThan(0);
		for (const row of published.pyramidChart.rows) {
			const cell = byHand.get(`${row.age}|${row.gender}`);
			expect(row.referrals).toBe(cell?.published ?? 0);
			expect(isPublishable(row.referrals)).toBe(true);
		}
		// Most small cells move (to 0 or 6): a reader of the pyramid cannot tell which are real.
		const moved = small.filter(
			(row) =>
				published.pyramidChart.rows.find((one) => one.age === row.age && one.gender === row.gender)!
					.referrals !== row.referrals
		);
		expect(moved.length).toBe(small.length);
		expect(open.pyramidChart.rows.every((row) => row.referrals !== null)).toBe(true);
		// Shares of ethnic groups and sources come from the published counts.
		const ethnicGroups = await publishedByHand(engine, {
			table: 'referral_facts',
			groups: ["COALESCE(CAST(ethnicity AS VARCHAR), 'unknown')"]
		});
		for (const row of published.ethnicityChart.rows)
			expect(row.referrals).toBe(ethnicGroups.get(row.ethnicity)?.published ?? 0);
		// Mean and median ages are computed from individual ages: withheld, and the page says so.
		expect(published.ageMeanChart.rows.every((row) => row.mean === null && row.median === null)).toBe(true);
		expect(published.ageMeanChart.summary).toContain('not published in publication mode');
	});

	it("no longer gives Fenland's true small count by differencing the pyramid sentence (issue 9)", async () => {
		const filters = { districts: ['fenland' as const] };
		const open = await runPage(childrenPage, engine, { filters });
		const published = await runPage(childrenPage, engine, { filters, publication: true });
		const numbers = (text: string) =>
			[...text.matchAll(/(\d[\d,]*) (?:referrals|\()/g)].map((m) => Number(m[1]!.replaceAll(',', '')));
		// "Of 282 referrals, 251 (…) were of boys and 29 (…) were of girls …": 282 − 251 − 29 = 2 in the true data.
		const [total, boys, girls] = numbers(open.pyramid.summary);
		const others = total! - boys! - girls!;
		expect(others).toBeGreaterThanOrEqual(1);
		expect(others).toBeLessThanOrEqual(5);
		const [pTotal, pBoys, pGirls] = numbers(published.pyramid.summary);
		expect(pTotal! - pBoys! - pGirls!).not.toBe(others);
	});

	it('says so when no referral matches, and shows no age or care chart before any data', async () => {
		const none = await runPage(childrenPage, engine, { filters: { from: '2030-01-01', to: '2030-03-31' } });
		expect(none.pyramidChart.title).toBe('No referrals match the current filters');
		expect(none.pyramidChart.rows).toEqual([]);
		// An engine with nothing loaded: no extent, so no period to mark part years against.
		const empty = { query: async () => [] } as unknown as Engine;
		const unloaded = await runPage(childrenPage, empty);
		expect(unloaded.ages).toBeUndefined();
		expect([
			unloaded.ageShareChart.title,
			unloaded.ageMeanChart.title,
			unloaded.lookedAfterChart.title
		]).toEqual(['Age profile', 'Mean age at referral', 'Looked-after children']);
		expect(unloaded.lookedAfterChart.rows).toEqual([]);
		expect(unloaded.period).toBe('');
	});
});
