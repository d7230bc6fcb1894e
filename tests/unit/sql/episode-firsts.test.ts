import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { districts, genders } from '$lib/contract';
import { addDays } from '$lib/domain/calendar';
import type { Filters } from '$lib/domain/filters';
import { episodeFirstsAnswer, episodeFirstsTable, episodeMixedTable } from '$lib/sql/episode-firsts';
import { episodeHeadline, episodeHeadlineOnFacts } from '$lib/sql/metrics/headline';
import { episodeSexes, episodeSexesOnFacts } from '$lib/sql/metrics/missing/episode-sexes';
import { episodeTypes, episodeTypesOnFacts } from '$lib/sql/metrics/missing/episode-types';
import { sql, type Sql } from '$lib/sql/sql';
import { engineWith, episode } from '../../helpers/engine';
import { demoEngine } from '../../helpers/page';
import { filterSet, indicatorConditions, rarely, some } from '../../helpers/filter-arbitraries';
import { engineForFile } from '../../helpers/file-engine';

/**
 * The episode firsts table (issue 14) against the facts: under a period of any days, the Missing page's
 * headline and its episodes and children by type and by sex give the rows and cell keys the facts give.
 */
const engine = engineForFile(demoEngine);

/** A day of the demo's episodes (November 2021 to November 2026), or a little either side. */
const day = fc.integer({ min: -40, max: 1900 }).map((offset) => addDays('2021-11-01', offset));

/**
 * A period: any two days, a part month alone, whole months, or one end open; days near a month's start or
 * end often, so a part month holds few days or a whole one is missed by a day.
 */
const period = fc.oneof(
	fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
	day.map((from) => ({ from, to: addDays(from, 9) })),
	day.map((from) => ({ from: `${from.slice(0, 8)}01`, to: addDays(`${from.slice(0, 8)}01`, 400) })),
	day.map((from) => ({ from })),
	day.map((to) => ({ to })),
	day.map((from) => ({ from: addDays(`${from.slice(0, 8)}01`, -1), to: addDays(from, 200) }))
);

const filters: fc.Arbitrary<Filters> = fc
	.tuple(
		period,
		filterSet(
			fc.record({
				districts: fc.option(fc.subarray([...districts.codes]), { nil: undefined }),
				lookedAfter: fc.option(fc.boolean(), { nil: undefined }),
				// Filters episodes do not have: ignored, as the facts ignore them.
				genders: some(genders.codes),
				indicators: rarely(indicatorConditions(3)),
				// An age filter only the facts answer under a period.
				ageFrom: rarely(fc.integer({ min: 10, max: 16 }))
			})
		)
	)
	.map(([days, chosen]) => ({ ...chosen, ...days }));

const metrics: [string, (chosen: Filters) => Sql, (chosen: Filters) => Sql][] = [
	['the headline', episodeHeadline, episodeHeadlineOnFacts],
	['episodes and children by type', episodeTypes, episodeTypesOnFacts],
	['episodes and children by sex', episodeSexes, episodeSexesOnFacts]
];

describe('the episode firsts table', () => {
	it.each(metrics)('gives %s as the facts do, under random periods', async (_, metric, onFacts) => {
		let answered = 0;
		let whole = 0;
		await fc.assert(
			fc.asyncProperty(filters, async (chosen) => {
				const query = metric(chosen);
				// A period within one month reads no whole month's cells, but always the other children's table.
				const fromTable = query.text.includes(episodeMixedTable.text);
				if (query.text.includes(episodeFirstsTable.text)) whole++;
				expect(fromTable).toBe(episodeFirstsAnswer(chosen));
				if (fromTable) answered++;
				expect(await engine.query(query)).toEqual(await engine.query(onFacts(chosen)));
			}),
			{ numRuns: 60, seed: 1418 }
		);
		expect(answered).toBeGreaterThan(40);
		expect(whole).toBeGreaterThan(25);
	});

	it('counts a child once by their first episode in the period, wherever the period cuts a month', async () => {
		const own = await engineWith({
			missing_episodes: [
				// C1: before the period's first day, in its first (part) month, then in a whole month.
				episode({ episode_id: 'E1', child_id: 'C1', start_date: '2024-03-05' }),
				episode({ episode_id: 'E2', child_id: 'C1', start_date: '2024-03-20', episode_type: 'away' }),
				episode({ episode_id: 'E3', child_id: 'C1', start_date: '2024-04-10' }),
				// C2: before the period's first day, then only in a whole month (found by the earlier one's next).
				episode({ episode_id: 'E4', child_id: 'C2', start_date: '2024-03-02', sex: 'female' }),
				episode({ episode_id: 'E5', child_id: 'C2', start_date: '2024-05-02', sex: 'female' }),
				// C3: in two districts, so counted distinct from the other children's table.
				episode({ episode_id: 'E6', child_id: 'C3', start_date: '2024-04-01', district: 'peterborough' }),
				episode({ episode_id: 'E7', child_id: 'C3', start_date: '2024-06-11' }),
				// C4: on the period's last day, after an episode of the same month.
				episode({ episode_id: 'E8', child_id: 'C4', start_date: '2024-06-03' }),
				episode({ episode_id: 'E9', child_id: 'C4', start_date: '2024-06-14', episode_type: 'away' }),
				// C5 and C6 (in two districts): no sex, then "not recorded", which the page counts as one.
				episode({ episode_id: 'E10', child_id: 'C5', start_date: '2024-03-10', sex: null }),
				episode({ episode_id: 'E11', child_id: 'C5', start_date: '2024-05-10', sex: 'not_recorded' }),
				episode({ episode_id: 'E12', child_id: 'C6', start_date: '2024-04-10', sex: null }),
				episode({
					episode_id: 'E13',
					child_id: 'C6',
					start_date: '2024-05-10',
					sex: 'not_recorded',
					district: 'peterborough'
				})
			]
		});
		try {
			const sexes = await own.query<{ sex: string; children: number }>(
				episodeSexes({ from: '2024-03-14', to: '2024-06-14' })
			);
			expect(sexes.map(({ sex, children }) => [sex, children])).toEqual([
				['female', 1],
				['not_recorded', 5]
			]);
			const [mixed] = await own.query<{ rows: number }>(
				sql`SELECT count(*) AS rows FROM ${episodeMixedTable}`
			);
			expect(mixed!.rows).toBe(4);
			for (const chosen of [
				{ from: '2024-03-14', to: '2024-06-14' },
				{ from: '2024-03-14', to: '2024-06-14', districts: ['fenland'] },
				{ from: '2024-03-06', to: '2024-06-13' },
				{ from: '2024-03-14' },
				{ to: '2024-04-09' },
				{ from: '2024-03-21', to: '2024-03-31' },
				{ from: '2024-04-01', to: '2024-05-31', lookedAfter: false }
			] as Filters[])
				for (const [, metric, onFacts] of metrics) {
					expect(episodeFirstsAnswer(chosen)).toBe(true);
					expect(await own.query(metric(chosen))).toEqual(await own.query(onFacts(chosen)));
				}
			const [headline] = await own.query<{ children_missing: number }>(
				episodeHeadline({ from: '2024-03-14', to: '2024-06-14' })
			);
			expect(headline!.children_missing).toBe(6);
		} finally {
			await own.close();
		}
	});

	it('answers a period with district and looked-after filters, not an age or no period', () => {
		expect(episodeFirstsAnswer({})).toBe(false);
		expect(episodeFirstsAnswer({ districts: ['fenland'] })).toBe(false);
		expect(episodeFirstsAnswer({ from: '2024-01-14' })).toBe(true);
		expect(episodeFirstsAnswer({ to: '2024-01-14', districts: ['fenland'], lookedAfter: true })).toBe(true);
		expect(episodeFirstsAnswer({ from: '2024-01-01', genders: ['male'] })).toBe(true);
		expect(episodeFirstsAnswer({ from: '2024-01-01', ageFrom: 13 })).toBe(false);
		expect(episodeFirstsAnswer({ from: '2024-01-01', ageBands: ['17'] })).toBe(false);
	});
});
