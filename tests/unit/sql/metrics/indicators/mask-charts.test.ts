import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { districts, genders, indicatorColumns, interventionKinds } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import { referralFacts } from '$lib/sql/derived';
import { filterPredicate, referralColumns } from '$lib/sql/filters';
import { indicatorCombinations } from '$lib/sql/metrics/indicators/combinations';
import { indicatorsPerReferral } from '$lib/sql/metrics/indicators/indicators-per-referral';
import { indicatorMaskCharts, maskChartRows, type MaskChart } from '$lib/sql/metrics/indicators/mask-charts';
import { indicatorPairs, type IndicatorPair } from '$lib/sql/metrics/indicators/pairs';
import { sql, type Sql } from '$lib/sql/sql';
import { publishRows } from '$lib/publication/publish-rows';
import {
	filterSet,
	indicatorConditions,
	onFacts,
	rarely,
	some
} from '../../../../helpers/filter-arbitraries';
import { demoEngine } from '../../../../helpers/page';
import { engineForFile } from '../../../../helpers/file-engine';

/**
 * The combinations, pairs and indicators per referral as one query (issue 14): each chart's rows taken out of
 * the merged answer equal its own query's over the facts (a plain count for indicators per referral), keys
 * and order included, and publish to the same figures, on random filters (the district filter alone, which
 * the mask cube answers, and filters that read the facts).
 */
const engine = engineForFile(demoEngine);

const filters: fc.Arbitrary<Filters> = filterSet(
	fc.record({
		districts: some(districts.codes),
		from: rarely(fc.constantFrom('2023-01-01', '2024-02-14')),
		genders: rarely(fc.subarray([...genders.codes], { minLength: 1 })),
		ageFrom: rarely(fc.integer({ min: 10, max: 16 })),
		interventions: rarely(fc.subarray([...interventionKinds.codes], { minLength: 1 })),
		indicators: rarely(indicatorConditions(2))
	})
);

/** Referrals by how many indicators are present, counted and keyed row by row over the facts. */
const plainPerReferral = (chosen: Filters): Sql =>
	sql`SELECT CAST(indicator_count AS INTEGER) AS indicators, count(*) AS referrals, CAST(sum(record_key) % 256 AS INTEGER) AS "referrals:key"
FROM ${referralFacts}
WHERE ${filterPredicate(chosen, referralColumns)}
GROUP BY ALL
ORDER BY indicators`.publishing('indicators');

/**
 * Every pair's counts and keys tallied in JavaScript from the facts' rows (present mask and record key), with
 * no SQL of the pairs query's: its zeros, its order (a before b in the contract's order) and its keys.
 */
async function tallyPairs(chosen: Filters): Promise<(IndicatorPair & Record<string, unknown>)[]> {
	const rows = await engine.query<{ mask: number; key: number }>(
		sql`SELECT CAST(present_mask AS INTEGER) AS mask, CAST(record_key AS INTEGER) AS key FROM ${referralFacts} WHERE ${filterPredicate(chosen, referralColumns)}`
	);
	const tally = (holds: (mask: number) => boolean) => {
		const held = rows.filter((row) => holds(row.mask));
		return [held.length, held.reduce((sum, row) => sum + row.key, 0) % 256] as const;
	};
	const bit = (column: string) => 1 << indicatorColumns.indexOf(column as (typeof indicatorColumns)[number]);
	const [referrals, referralsKey] = tally(() => true);
	return indicatorColumns.flatMap((a, index) =>
		indicatorColumns.slice(index + 1).map((b) => {
			const [both, bothKey] = tally((mask) => (mask & (bit(a) | bit(b))) === (bit(a) | bit(b)));
			const [aPresent, aKey] = tally((mask) => (mask & bit(a)) !== 0);
			const [bPresent, bKey] = tally((mask) => (mask & bit(b)) !== 0);
			return {
				referrals,
				'referrals:key': referralsKey,
				a,
				b,
				both,
				'both:key': bothKey,
				a_present: aPresent,
				'a_present:key': aKey,
				b_present: bPresent,
				'b_present:key': bKey
			};
		})
	);
}

const charts: [MaskChart, (chosen: Filters) => Sql][] = [
	['combinations', (chosen) => indicatorCombinations(onFacts(chosen))],
	['pairs', (chosen) => indicatorPairs(onFacts(chosen))],
	['perReferral', plainPerReferral]
];

describe('indicatorMaskCharts', () => {
	it('gives each chart the rows, keys and order of its own query over the facts, on random filters', async () => {
		await fc.assert(
			fc.asyncProperty(filters, async (chosen) => {
				const merged = indicatorMaskCharts(chosen);
				const rows = await engine.query(merged);
				for (const [chart, own] of charts) {
					const expected = await engine.query(own(chosen));
					expect(expected.length).toBeGreaterThan(0);
					expect(maskChartRows(rows, chart)).toEqual(expected);
					// Publication is row by row: the chart's rows publish as its own query's do.
					expect(
						maskChartRows(publishRows(rows, { on: true, dimensions: merged.dimensions }), chart)
					).toEqual(publishRows(expected, { on: true, dimensions: own(chosen).dimensions }));
				}
			}),
			{ numRuns: 25, seed: 1407 }
		);
	});

	it('counts every pair as a tally of the facts rows does, keys and zeros included, on random filters', async () => {
		await fc.assert(
			fc.asyncProperty(filters, async (chosen) => {
				expect(await engine.query(indicatorPairs(chosen))).toEqual(await tallyPairs(chosen));
			}),
			{ numRuns: 25, seed: 1409 }
		);
		// No referral at all: every pair still has its row, with zeros.
		const none: Filters = { from: '2099-01-01', to: '2099-12-30' };
		expect(await engine.query(indicatorPairs(none))).toEqual(await tallyPairs(none));
	});

	it('counts indicators per referral as a plain count over the facts does', async () => {
		for (const chosen of [{}, { districts: ['fenland'] }, { interventions: ['deter'] }] as Filters[])
			expect(await engine.query(indicatorsPerReferral(chosen))).toEqual(
				await engine.query(plainPerReferral(chosen))
			);
	});

	it('leaves a chart undefined until the answer comes', () => {
		expect(maskChartRows(undefined, 'pairs')).toBeUndefined();
	});
});
