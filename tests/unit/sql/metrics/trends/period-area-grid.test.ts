import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districts } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import type { Filters } from '$lib/domain/filters';
import { referralCohortCounting, referralCounts } from '$lib/sql/cubes';
import type { Keyed } from '$lib/sql/keyed-count';
import { seriesByArea, type SeriesWindow } from '$lib/sql/metrics/trends/period-area-grid';
import { sql, type Sql } from '$lib/sql/sql';
import {
	cohortFilterFields,
	filterSet,
	indicatorConditions,
	monthStart,
	rarely
} from '../../../../helpers/filter-arbitraries';
import { demoEngine } from '../../../../helpers/page';

/**
 * Additive counts per period and area are summed from the district cells (`areaRollup`); a grouping set over
 * the rows per area gives the same rows, which these tests check by sending the same counts marked not
 * additive (`seriesByArea`'s other path).
 */
let engine: Engine;
beforeAll(async () => {
	engine = await demoEngine();
});
afterAll(() => engine.close());

const window = (grain: 'month' | 'quarter'): SeriesWindow => ({
	grain,
	first: '2021-01-01',
	last: '2026-12-31',
	areas: districts.codes
});

/** The Overview's referral counts under the filters, as the referral series asks for them. */
function referralMeasures(filters: Filters): {
	source: { from: Sql; where: Sql };
	measures: Record<string, Keyed>;
} {
	const counts = referralCounts(filters, [], referralCohortCounting);
	return {
		source: counts,
		measures: {
			referrals: counts.referrals(),
			repeat_referrals: counts.repeatReferrals(),
			looked_after: counts.referrals(sql`looked_after`),
			under_15: counts.under15()
		}
	};
}

/** Both paths' rows for the same counts, as sets (the series leaves its order to the padding reshape). */
async function bothPaths(on: Engine, filters: Filters, grain: 'month' | 'quarter') {
	const { source, measures } = referralMeasures(filters);
	const notAdditive = Object.fromEntries(
		Object.entries(measures).map(([name, keyed]) => [name, { ...keyed, additive: false }])
	);
	const rolledUp = seriesByArea(filters, source, measures, window(grain)).query;
	const grouped = seriesByArea(filters, source, notAdditive, window(grain)).query;
	expect(rolledUp.text).not.toEqual(grouped.text);
	const rows = async (query: Sql) => (await on.query(query)).map((row) => JSON.stringify(row)).sort();
	return { rolledUp: await rows(rolledUp), grouped: await rows(grouped) };
}

describe('the area rollup of additive counts', () => {
	it('gives the rows a grouping set over the rows gives, on random filters with indicator conditions', async () => {
		await fc.assert(
			fc.asyncProperty(
				filterSet(
					fc.record({
						from: fc.option(monthStart, { nil: undefined }),
						...cohortFilterFields,
						indicators: rarely(indicatorConditions(3))
					})
				),
				fc.constantFrom('month' as const, 'quarter' as const),
				async (chosen, grain) => {
					const { rolledUp, grouped } = await bothPaths(engine, chosen, grain);
					expect(rolledUp).toEqual(grouped);
				}
			),
			{ numRuns: 40, seed: 1208 }
		);
	});
});
