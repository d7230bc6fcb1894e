import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBands, districts, genders, interventionKinds } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import { referralFacts } from '$lib/sql/derived';
import { filterPredicate, referralColumns } from '$lib/sql/filters';
import {
	childCountsBy,
	conditionCells,
	keyedAs,
	rowCount,
	summedCount,
	type SoloPeriod
} from '$lib/sql/keyed-count';
import { ident, join, Sql, sql } from '$lib/sql/sql';
import { demoEngine } from '../../helpers/page';
import { filterSet, indicatorConditions, monthStart, rarely, some } from '../../helpers/filter-arbitraries';
import { engineForFile } from '../../helpers/file-engine';

/**
 * The facts path's counts in two steps (issue 14: under an indicator filter every page counts the facts)
 * against the plain aggregates they replace, on random filters with indicator conditions: distinct children
 * from one row per child and group (`childCountsBy`) against `count(DISTINCT …)`, and row counts from their
 * cells by condition (`conditionCells`) against `count(*) FILTER (…)`, each with its key.
 */
const engine = engineForFile(demoEngine);

const filters: fc.Arbitrary<Filters> = filterSet(
	fc.record({
		from: fc.option(monthStart, { nil: undefined }),
		districts: some(districts.codes),
		ageBands: rarely(fc.subarray([...ageBands.codes], { minLength: 1 })),
		genders: rarely(fc.subarray([...genders.codes], { minLength: 1 })),
		interventions: rarely(fc.subarray([...interventionKinds.codes], { minLength: 1 })),
		indicators: fc.option(indicatorConditions(3), { nil: undefined })
	})
);

/** The facts with the quarter as a column, to group by it as the window counts group by their span. */
const factsWithQuarter = sql`(SELECT *, CAST(date_trunc('quarter', month) AS VARCHAR) AS quarter FROM ${referralFacts})`;

describe('childCountsBy', () => {
	const groupings: [SoloPeriod, string[][]][] = [
		['all', [['district'], []]],
		['quarter', [['quarter', 'district'], ['quarter']]],
		['month', [['month']]],
		['all', [[]]]
	];
	it.each(groupings)(
		'gives the count and key of a plain distinct count, solo in %s, grouped by %j, on random filters',
		async (solo, sets) => {
			let counted = 0;
			await fc.assert(
				fc.asyncProperty(filters, async (chosen) => {
					const where = filterPredicate(chosen, referralColumns);
					const columns = [...new Set(sets.flat())];
					const select = columns.length > 0 ? sql`${join(columns.map((one) => ident(one)))}, ` : sql``;
					const groupingSets = join(sets.map((set) => sql`(${join(set.map((one) => ident(one)))})`));
					const grouping =
						columns.length > 0 ? sql`grouping(${join(columns.map((one) => ident(one)))})` : sql`0`;
					const order = new Sql(
						columns
							.map((_, index) => `${index + 1}`)
							.concat(`${columns.length + 1}`)
							.join(', ')
					);
					const split = await engine.query(
						sql`SELECT ${select}"grouping", ${keyedAs('children', summedCount(ident('children'), ident('children:key_sum')))}
						FROM ${childCountsBy(factsWithQuarter, where, sets, 'children', solo)}
						GROUP BY ALL ORDER BY ${order}`
					);
					const plain = await engine.query(
						sql`SELECT ${select}${grouping} AS "grouping", count(DISTINCT child_key) AS children,
							CAST(COALESCE(sum(DISTINCT child_cell_hash), 0) % 256 AS INTEGER) AS "children:key"
						FROM ${factsWithQuarter} WHERE ${where}
						GROUP BY GROUPING SETS (${groupingSets}) ORDER BY ${order}`
					);
					// A total over no rows is a row of zeros or none, as the query is written: only children counted compare.
					const someChildren = (rows: object[]) =>
						rows.filter((row) => (row as { children: number }).children > 0);
					expect(someChildren(split)).toEqual(someChildren(plain));
					counted += plain.length;
				}),
				{ numRuns: 12, seed: 5151 }
			);
			// Guards the equality against filters that all match nothing.
			expect(counted).toBeGreaterThan(10);
		}
	);
});

describe('conditionCells', () => {
	it('gives the counts and keys of row counts with FILTER, per district, on random filters', async () => {
		const counted = [
			['referrals', rowCount()],
			['repeat_referrals', rowCount(sql`is_repeat`)],
			['looked_after', rowCount(sql`looked_after`)],
			['looked_after_known', rowCount(sql`looked_after IS NOT NULL`)],
			['referrals_10_17', rowCount(sql`age_at_referral BETWEEN 10 AND 17`)]
		] as const;
		const byCondition = conditionCells(counted)!;
		let answered = 0;
		await fc.assert(
			fc.asyncProperty(filters, async (chosen) => {
				const where = filterPredicate(chosen, referralColumns);
				const cells = await engine.query(
					sql`SELECT CAST(district AS VARCHAR) AS district, ${join(byCondition.counts.map(([name, keyed]) => keyedAs(name, keyed)))}
					FROM (SELECT district, ${byCondition.cells} FROM ${referralFacts} WHERE ${where} GROUP BY ALL)
					GROUP BY 1 ORDER BY 1`
				);
				const plain = await engine.query(
					sql`SELECT CAST(district AS VARCHAR) AS district, ${join(counted.map(([name, keyed]) => keyedAs(name, keyed)))}
					FROM ${referralFacts} WHERE ${where}
					GROUP BY 1 ORDER BY 1`
				);
				expect(cells).toEqual(plain);
				answered += plain.length;
			}),
			{ numRuns: 20, seed: 6161 }
		);
		expect(answered).toBeGreaterThan(10);
	});

	it('declines counts that are not row counts', () => {
		expect(conditionCells([['children', summedCount(ident('rows'), ident('rows:key_sum'))]])).toBeUndefined();
	});
});
