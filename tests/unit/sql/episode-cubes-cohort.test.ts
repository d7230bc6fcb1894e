import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBands, districts } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import { childrenIn, episodeChildCubes, type ChildCube } from '$lib/sql/child-cubes';
import { episodeCounts, episodeCube, episodeKindCube, rowCounts, type Cube } from '$lib/sql/cubes';
import { episodeFacts } from '$lib/sql/derived';
import { episodeColumns, filterPredicate } from '$lib/sql/filters';
import { keyedAs, rowCount } from '$lib/sql/keyed-count';
import { rateQuery, type RatePeriod } from '$lib/sql/metrics/districts/rate-query';
import { districtEpisodeRates } from '$lib/sql/metrics/missing/district-episode-rates';
import { monthlyEpisodes } from '$lib/sql/metrics/missing/monthly-episodes';
import { ident, join, sql, Sql } from '$lib/sql/sql';
import { engineWith, episode } from '../../helpers/engine';
import { filterSet, some } from '../../helpers/filter-arbitraries';
import { demoEngine } from '../../helpers/page';
import { engineForFile } from '../../helpers/file-engine';

/**
 * The Missing page's cohort filters without the episode facts (issue 14): the episode cubes keep the single
 * year of age at the start, and a period that starts or ends within a month (a quarter, for the quarter
 * child cube) is the cubes' whole months plus the part months' rows from the facts. On random filters of
 * every kind episodes have (any day as either end, single years, bands, districts, looked-after), every
 * measure of the cubes and the children per period equal a plain count over the facts, with the same cell
 * keys.
 */
const engine = engineForFile(demoEngine);

/** Any day of the demo's years (and a little beyond), so a period may start or end mid-month. */
const day = fc
	.record({
		year: fc.integer({ min: 2020, max: 2027 }),
		month: fc.integer({ min: 1, max: 12 }),
		date: fc.constantFrom(1, 2, 14, 28, 29, 30, 31)
	})
	.map(({ year, month, date }) => {
		const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
		return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(date, last)).padStart(2, '0')}`;
	});

const cohorts: fc.Arbitrary<Filters> = filterSet(
	fc.record({
		from: fc.option(day, { nil: undefined }),
		to: fc.option(day, { nil: undefined }),
		ageFrom: fc.option(fc.integer({ min: 8, max: 18 }), { nil: undefined }),
		ageTo: fc.option(fc.integer({ min: 12, max: 20 }), { nil: undefined }),
		ageBands: some(ageBands.codes),
		districts: some(districts.codes),
		lookedAfter: fc.option(fc.boolean(), { nil: undefined })
	})
);

/** A count and its cell key per measure of the cube, summed per row of the facts as the cube sums them. */
const factsMeasures = (cube: Cube) =>
	join(
		cube.measures.map(
			(one) =>
				sql`CAST(COALESCE(sum(${one.perRow}), 0) AS BIGINT) AS ${ident(one.name)}, CAST(COALESCE(sum((${one.perRow}) * record_key), 0) % 256 AS INTEGER) AS ${ident(`${one.name}:key`)}`
		)
	);

const grouping = (names: readonly string[]) =>
	join(names.map((name) => sql`CAST(${ident(name)} AS VARCHAR) AS ${ident(name)}`));

describe('the episode cubes under cohort filters', () => {
	it.each<[string, Cube, (filters: Filters) => { from: Sql; where: Sql; sum: (name: string) => Sql }]>([
		[
			'the episode cube',
			episodeCube,
			(filters) => {
				const counts = episodeCounts(filters);
				return {
					from: counts.from,
					where: counts.where,
					sum: (name) =>
						name === 'rows'
							? keyedAs(name, counts.episodes())
							: name.startsWith('duration_')
								? keyedAs(name, counts.inDurationBand(name.slice(9) as never))
								: keyedAs(name, counts.returnInterviews(name as never))
				};
			}
		],
		[
			'the episode kind cube',
			episodeKindCube,
			(filters) => {
				const counts = rowCounts(episodeKindCube, filters);
				return { from: counts.from, where: counts.where, sum: (name) => keyedAs(name, counts.rows()) };
			}
		]
	])('%s gives every measure as the facts do, per cell, on random filters', async (_, cube, countsOf) => {
		const groups =
			cube === episodeKindCube ? ['month', 'episode_type', 'sex'] : ['month', 'district', 'age_band'];
		let overPeriod = 0;
		await fc.assert(
			fc.asyncProperty(cohorts, async (chosen) => {
				const counts = countsOf(chosen);
				// Every filter episodes have is answered without the facts but for the part months' days.
				expect(counts.from).not.toEqual(episodeFacts);
				if (counts.from.text.includes('UNION ALL')) overPeriod++;
				const fromCube = await engine.query(
					sql`SELECT ${grouping(groups)}, ${join(cube.measures.map((one) => counts.sum(one.name)))}
					FROM ${counts.from} WHERE ${counts.where} GROUP BY ALL ORDER BY ALL`
				);
				const fromFacts = await engine.query(
					sql`SELECT ${grouping(groups)}, ${factsMeasures(cube)}
					FROM ${episodeFacts} WHERE ${filterPredicate(chosen, episodeColumns)} GROUP BY ALL ORDER BY ALL`
				);
				expect(fromCube).toEqual(fromFacts);
			}),
			{ numRuns: 40, seed: 1419 }
		);
		// The property is about the part months too: many of the random periods must have had them.
		expect(overPeriod).toBeGreaterThan(10);
	});

	it.each(Object.values(episodeChildCubes).map((cube) => [cube.table.text, cube] as const))(
		'%s gives the children per period and district as the facts do, on random filters',
		async (_, cube: ChildCube) => {
			const period = new Sql(cube.grain === 'month' ? 'month' : "date_trunc('quarter', month)");
			let overPeriod = 0;
			await fc.assert(
				fc.asyncProperty(cohorts, async (chosen) => {
					const children = childrenIn(cube, chosen);
					expect(children.from).not.toEqual(episodeFacts);
					if (children.from.text.includes('UNION ALL')) overPeriod++;
					const fromCube = await engine.query(
						sql`SELECT CAST(${period} AS VARCHAR) AS period, CAST(district AS VARCHAR) AS district,
							${keyedAs('children', children.children)}
						FROM ${children.from} WHERE ${children.where} GROUP BY GROUPING SETS ((1, 2), (1)) ORDER BY ALL`
					);
					const fromFacts = await engine.query(
						sql`SELECT CAST(${period} AS VARCHAR) AS period, CAST(district AS VARCHAR) AS district,
							count(DISTINCT child_key) AS children, CAST(sum(DISTINCT child_cell_hash) % 256 AS INTEGER) AS "children:key"
						FROM ${episodeFacts} WHERE ${filterPredicate(chosen, episodeColumns)} GROUP BY GROUPING SETS ((1, 2), (1)) ORDER BY ALL`
					);
					expect(fromCube).toEqual(fromFacts);
				}),
				{ numRuns: 30, seed: 1420 }
			);
			expect(overPeriod).toBeGreaterThan(10);
		}
	);

	it('gives the district episode rates as the facts do, over any period, on random filters', async () => {
		// The facts path as it was: the rate query over the episode facts with the filters' own predicate.
		const fromFacts = (chosen: Filters, period: RatePeriod) =>
			rateQuery({
				period,
				source: { from: episodeFacts, date: 'start_date' },
				where: filterPredicate(chosen, episodeColumns, ['districts', 'ageBands', 'from', 'to']),
				counted: [
					['episodes', rowCount()],
					['episodes_0_17', rowCount(sql`age_at_start BETWEEN 0 AND 17`)]
				],
				exposure: [sql`sum(p.children * s.fraction) AS person_years_0_17`],
				exposureColumns: [sql`e.person_years_0_17`]
			});
		await fc.assert(
			fc.asyncProperty(cohorts, day, day, async (chosen, a, b) => {
				const period = a <= b ? { from: a, to: b } : { from: b, to: a };
				expect(await engine.query(districtEpisodeRates(chosen, period))).toEqual(
					await engine.query(fromFacts(chosen, period))
				);
			}),
			{ numRuns: 25, seed: 1423 }
		);
	});

	it('counts a part month by its days in the period, and a single year by that year', async () => {
		// C1 goes missing on 5 and 25 March at 14 and on 20 March at 15; C2 on 12 March and in April at 13.
		// From 10 March, March holds two of C1's episodes and C2's one: a cube read for all of March would
		// count four episodes, and a child cube three children if it counted C1 twice.
		const away = (episode_id: string, child_id: string, start_date: string, age_at_start: number) =>
			episode({ episode_id, child_id, start_date, end_date: start_date, rhi_date: start_date, age_at_start });
		const own = await engineWith({
			missing_episodes: [
				away('E1', 'C1', '2024-03-05', 14),
				away('E2', 'C1', '2024-03-20', 15),
				away('E3', 'C1', '2024-03-25', 15),
				away('E4', 'C2', '2024-03-12', 13),
				away('E5', 'C2', '2024-04-02', 13)
			]
		});
		try {
			const series = async (filters: Filters) =>
				(
					await own.query<{ month: string; series: string; count: number }>(
						sql`SELECT month, series, count FROM (${monthlyEpisodes(filters)}) ORDER BY month, series`
					)
				).map(({ month, series, count }) => `${month} ${series} ${count}`);
			expect(await series({ from: '2024-03-10' })).toEqual([
				'2024-03-01 children 2',
				'2024-03-01 episodes 3',
				'2024-04-01 children 1',
				'2024-04-01 episodes 1'
			]);
			expect(await series({ from: '2024-03-10', to: '2024-03-22', ageFrom: 15 })).toEqual([
				'2024-03-01 children 1',
				'2024-03-01 episodes 1'
			]);
			expect(await series({ ageFrom: 14, ageTo: 14 })).toEqual([
				'2024-03-01 children 1',
				'2024-03-01 episodes 1'
			]);
		} finally {
			await own.close();
		}
	});
});
