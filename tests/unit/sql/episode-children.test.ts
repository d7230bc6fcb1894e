import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBands, districts, genders } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import { agesUnder, episodeChildAges } from '$lib/sql/episode-child-ages';
import { episodeChildrenAnswer, episodeChildrenTable } from '$lib/sql/episode-children';
import { episodeHeadline } from '$lib/sql/metrics/headline';
import { episodeSexes } from '$lib/sql/metrics/missing/episode-sexes';
import { episodeTypes } from '$lib/sql/metrics/missing/episode-types';
import { repeatMissing } from '$lib/sql/metrics/missing/repeat-missing';
import { sql, type Sql } from '$lib/sql/sql';
import { engineWith, episode } from '../../helpers/engine';
import { demoEngine } from '../../helpers/page';
import { filterSet, onFacts, rarely, some } from '../../helpers/filter-arbitraries';
import { engineForFile } from '../../helpers/file-engine';

/**
 * The episode children table (issue 14) against the facts path: the Missing page's headline, episodes and
 * children by type and by sex, and repeat missing give the rows and cell keys the facts give, on random
 * filters of which most are ones the table answers.
 */
const engine = engineForFile(demoEngine);

const filters: fc.Arbitrary<Filters> = filterSet(
	fc.record({
		districts: fc.option(fc.subarray([...districts.codes]), { nil: undefined }),
		lookedAfter: fc.option(fc.boolean(), { nil: undefined }),
		// Filters episodes do not have: the table answers them by ignoring them, as the facts do.
		genders: some(genders.codes),
		repeat: rarely(fc.boolean()),
		// Ages: the episode child ages table answers them (any bands, empty or not, with any range).
		ageBands: fc.option(fc.subarray([...ageBands.codes]), { nil: undefined }),
		ageFrom: fc.option(fc.integer({ min: 0, max: 24 }), { nil: undefined }),
		ageTo: fc.option(fc.integer({ min: 0, max: 24 }), { nil: undefined }),
		// A filter only the facts answer.
		from: rarely(fc.constantFrom('2023-01-01', '2024-02-14'))
	})
);

const metrics: [string, (chosen: Filters) => Sql][] = [
	['the headline', episodeHeadline],
	['episodes and children by type', episodeTypes],
	['episodes and children by sex', episodeSexes],
	['repeat missing', repeatMissing]
];

describe('the episode children table', () => {
	it.each(metrics)('gives %s as the facts do, on random filters', async (_, metric) => {
		let answered = 0;
		let byAge = 0;
		await fc.assert(
			fc.asyncProperty(filters, async (chosen) => {
				const query = metric(chosen);
				const fromTables = [episodeChildrenTable, episodeChildAges].some((table) =>
					query.text.includes(table.text)
				);
				if (fromTables) answered++;
				if (query.text.includes(episodeChildAges.text)) byAge++;
				expect(fromTables).toBe(episodeChildrenAnswer(chosen));
				expect(await engine.query(query)).toEqual(await engine.query(metric(onFacts(chosen))));
			}),
			{ numRuns: 60, seed: 1417 }
		);
		expect(answered).toBeGreaterThan(30);
		expect(byAge).toBeGreaterThan(20);
	});

	it('holds pure cells and children in several cells on the demo, so both halves are counted', async () => {
		const [row] = await engine.query<{ pure: number; others: number; children: number }>(
			sql`SELECT count(*) FILTER (WHERE pure) AS pure, count(*) FILTER (WHERE NOT pure) AS others,
				sum(children) FILTER (WHERE pure) + count(DISTINCT child_key) AS children
			FROM ${episodeChildrenTable}`
		);
		const [facts] = await engine.query<{ children: number }>(
			sql`SELECT count(DISTINCT child_key) AS children FROM episode_facts`
		);
		expect(row!.pure).toBeGreaterThan(0);
		expect(row!.others).toBeGreaterThan(0);
		expect(row!.children).toBe(facts!.children);
	});

	it('answers district, looked-after and age filters only, among those episodes have', () => {
		expect(episodeChildrenAnswer({})).toBe(true);
		expect(episodeChildrenAnswer({ districts: ['fenland'], lookedAfter: true, genders: ['male'] })).toBe(
			true
		);
		expect(episodeChildrenAnswer({ from: '2024-01-01' })).toBe(false);
		expect(episodeChildrenAnswer({ to: '2024-01-31' })).toBe(false);
		expect(episodeChildrenAnswer({ ageBands: ['17'] })).toBe(true);
		expect(episodeChildrenAnswer({ ageTo: 15, districts: ['fenland'] })).toBe(true);
		expect(episodeChildrenAnswer({ ageTo: 15, from: '2024-01-01' })).toBe(false);
	});

	it('keeps the ages of the bands and the single-year range together', () => {
		expect(agesUnder({ ageBands: ['10-12', '15-16'], ageFrom: 12 })).toEqual([12, 15, 16]);
		expect(agesUnder({ ageTo: 2 })).toEqual([0, 1, 2]);
		expect(agesUnder({ ageBands: ['0-9'], ageFrom: 13 })).toEqual([]);
		expect(agesUnder({})).toHaveLength(25);
	});

	it('counts a child with episodes in two districts and of several types and sexes once in each group', async () => {
		const own = await engineWith({
			missing_episodes: [
				episode({ episode_id: 'E1', child_id: 'C1', district: 'fenland', sex: null }),
				episode({ episode_id: 'E2', child_id: 'C1', district: 'peterborough', sex: 'not_recorded' }),
				episode({ episode_id: 'E3', child_id: 'C1', district: 'peterborough', episode_type: 'away' }),
				episode({ episode_id: 'E4', child_id: 'C2', district: 'fenland', sex: 'female' }),
				episode({ episode_id: 'E5', child_id: 'C2', district: 'fenland', sex: null })
			]
		});
		try {
			const [table] = await own.query<{ pure: number; others: number }>(
				sql`SELECT count(*) FILTER (WHERE pure) AS pure, count(*) FILTER (WHERE NOT pure) AS others
				FROM ${episodeChildrenTable}`
			);
			expect(table).toEqual({ pure: 1, others: 2 });
			for (const chosen of [{}, { districts: ['peterborough'] }, { districts: ['fenland'] }] as Filters[]) {
				for (const [, metric] of metrics)
					expect(await own.query(metric(chosen))).toEqual(await own.query(metric(onFacts(chosen))));
			}
			expect(await own.query(episodeSexes({}))).toEqual([
				{
					sex: 'female',
					episodes: 1,
					children: 1,
					'episodes:key': expect.any(Number),
					'children:key': expect.any(Number)
				},
				{
					sex: 'not_recorded',
					episodes: 4,
					children: 2,
					'episodes:key': expect.any(Number),
					'children:key': expect.any(Number)
				}
			]);
			expect(
				(await own.query<{ band: string; children: number }>(repeatMissing({}))).map(({ band, children }) => [
					band,
					children
				])
			).toEqual([['2-4', 2]]);
		} finally {
			await own.close();
		}
	});
});
