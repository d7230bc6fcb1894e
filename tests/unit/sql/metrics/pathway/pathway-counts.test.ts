import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { districts, interventionKinds, pathwayStages } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import { cubesOfOneScan, pathwayProfileCells, pathwayStageCells, type Cube } from '$lib/sql/cubes';
import { referralFacts } from '$lib/sql/derived';
import { filterPredicate, referralColumns } from '$lib/sql/filters';
import {
	interventionByAgeBand,
	interventionByIndicatorCount
} from '$lib/sql/metrics/pathway/intervention-mix';
import { nrmReferrals } from '$lib/sql/metrics/pathway/nrm-referrals';
import {
	pathwayCounts,
	pathwayMerged,
	pathwayPart,
	pathwayRows,
	type PathwayPart
} from '$lib/sql/metrics/pathway/pathway-counts';
import { referralHeadline } from '$lib/sql/metrics/headline';
import { rereferralAfterIntervention } from '$lib/sql/metrics/pathway/rereferral-after-intervention';
import { pathwayFunnel } from '$lib/sql/metrics/pathway/pathway-funnel';
import { publishRows } from '$lib/publication/publish-rows';
import { ident, join, sql, type Sql } from '$lib/sql/sql';
import {
	filterSet,
	indicatorConditions,
	monthStart,
	onFacts,
	rarely,
	some
} from '../../../../helpers/filter-arbitraries';
import { demoEngine } from '../../../../helpers/page';
import { engineForFile } from '../../../../helpers/file-engine';

/**
 * The Pathway page's queries as one (issue 14): each part's rows (the headline, seven charts, re-referral)
 * taken out of the merged answer equal its own query's, keys and order included, and publish to the same
 * figures, on random filters: those the cubes and per-child tables answer (districts, whole months,
 * single-year age, intervention, stage) and those that send the page to the facts (indicator conditions,
 * repeat, a period that is not whole months), where the merged query reads the facts rows that pass once
 * for the charts and groups them by child once for the headline and re-referral.
 */
const engine = engineForFile(demoEngine);

const filters: fc.Arbitrary<Filters> = filterSet(
	fc.record({
		districts: some(districts.codes),
		from: rarely(fc.oneof(monthStart, fc.constantFrom('2023-02-14', '2024-05-20'))),
		ageFrom: rarely(fc.integer({ min: 10, max: 16 })),
		interventions: rarely(
			fc.subarray([...interventionKinds.codes, 'not_recorded' as const], { minLength: 1 })
		),
		stages: rarely(fc.subarray([...pathwayStages.codes, 'not_recorded' as const], { minLength: 1 })),
		repeat: rarely(fc.boolean()),
		nrm: rarely(fc.boolean()),
		indicators: fc.option(indicatorConditions(2), { nil: undefined })
	})
);

/** Each part's own query, as the page asked them one by one before they were merged. */
const ownQueries: [PathwayPart, (chosen: Filters) => Sql][] = [
	['headline', (chosen) => referralHeadline(chosen)],
	['rereferral', (chosen) => rereferralAfterIntervention(chosen)],
	['funnel', (chosen) => pathwayFunnel(chosen)],
	['district', (chosen) => pathwayFunnel(chosen, 'district')],
	['quarter', (chosen) => pathwayFunnel(chosen, 'quarter')],
	['age', (chosen) => interventionByAgeBand(chosen)],
	['indicatorCount', (chosen) => interventionByIndicatorCount(chosen)],
	['nrm', (chosen) => nrmReferrals(chosen, { byQuarter: false })],
	['nrmQuarter', (chosen) => nrmReferrals(chosen, { byQuarter: true })]
];

/**
 * Merged (`pathwayMerged`), each part's rows taken out of the page's one query equal its own query's and
 * publish alike; else each part is asked by its own query.
 */
async function expectEachPartAsItsOwn(chosen: Filters): Promise<void> {
	const merged = pathwayCounts(chosen);
	if (merged === undefined) {
		for (const [part, own] of ownQueries)
			expect(pathwayPart(chosen, part)?.text, part).toBe(own(chosen).text);
		return;
	}
	const rows = await engine.query(merged);
	for (const [part, own] of ownQueries) {
		expect(pathwayPart(chosen, part), part).toBeUndefined();
		const expected = await engine.query(own(chosen));
		expect(pathwayRows(rows, part), part).toEqual(expected);
		// Publication is row by row: the part's rows publish as its own query's do.
		expect(pathwayRows(publishRows(rows, { on: true, dimensions: merged.dimensions }), part), part).toEqual(
			publishRows(expected, { on: true, dimensions: own(chosen).dimensions })
		);
	}
}

describe('pathwayCounts', () => {
	it('gives each part the rows, keys and order of its own query, on random filters', async () => {
		await fc.assert(fc.asyncProperty(filters, expectEachPartAsItsOwn), { numRuns: 30, seed: 1413 });
	}, 120_000);

	it('counts from one scan of the facts and one grouping by child, as each part from the facts, with the filters sent there', async () => {
		await fc.assert(
			fc.asyncProperty(filters, (chosen) => expectEachPartAsItsOwn(onFacts(chosen))),
			{ numRuns: 15, seed: 1414 }
		);
	}, 120_000);

	it('counts from one scan under an indicator filter and a district, the district chart showing every district', async () => {
		const chosen: Filters = {
			districts: ['fenland'],
			indicators: { conditions: { ind_drugs: 'present' }, match: 'all' }
		};
		const merged = pathwayCounts(chosen)!;
		expect(merged.text).toContain('GROUPING SETS');
		expect(merged.text).toContain('passing_children');
		await expectEachPartAsItsOwn(chosen);
		const byDistrict = pathwayRows<{ group: string }>(await engine.query(merged), 'district');
		expect(new Set(byDistrict?.map((row) => row.group)).size).toBeGreaterThan(1);
	});

	it('asks each part on its own where the cubes and per-child tables answer', () => {
		for (const chosen of [
			{},
			{ districts: ['fenland'] },
			{ ageFrom: 13, stages: ['central_list'] }
		] as Filters[]) {
			expect(pathwayMerged(chosen)).toBe(false);
			expect(pathwayCounts(chosen)).toBeUndefined();
		}
		expect(pathwayMerged({ repeat: true })).toBe(true);
	});

	it('leaves a part undefined until the answer comes', () => {
		expect(pathwayRows(undefined, 'funnel')).toBeUndefined();
	});
});

describe('cubesOfOneScan', () => {
	/** A cube's cells summed from the facts on their own, as a built cube's are. */
	const ownCells = (cube: Cube, where: Sql) =>
		sql`SELECT ${join(cube.dimensions.map((name) => ident(name)))}, count(*) AS "rows", sum(record_key) AS "rows:key_sum"
FROM ${referralFacts}
WHERE ${where}
GROUP BY ALL
ORDER BY ALL`;

	it('gives each cube the cells of the facts rows that pass, as its own GROUP BY does', async () => {
		const where = filterPredicate(
			{ indicators: { conditions: { ind_missing: 'present' }, match: 'all' }, ageFrom: 12 },
			referralColumns
		);
		for (const cube of [pathwayStageCells, pathwayProfileCells]) {
			const cells = await engine.query(
				sql`WITH ${cubesOfOneScan([pathwayStageCells, pathwayProfileCells], where)}
SELECT ${join(cube.dimensions.map((name) => ident(name)))}, "rows", "rows:key_sum" FROM ${cube.table} ORDER BY ALL`
			);
			expect(cells.length).toBeGreaterThan(10);
			expect(cells).toEqual(await engine.query(ownCells(cube, where)));
		}
	});
});
