import { cambridgeshireAndPeterborough } from '$lib/contract';
import { describe, expect, it } from 'vitest';
import { episodeSeries, type EpisodeSeriesRow } from '$lib/sql/metrics/overview/episode-series';
import {
	episodeWindowCounts,
	referralWindowCounts,
	type EpisodeWindowRow,
	type ReferralWindowRow
} from '$lib/sql/metrics/overview/window-counts';
import fc from 'fast-check';
import type { Filters } from '$lib/domain/filters';
import { referralFacts } from '$lib/sql/derived';
import { filterPredicate, referralColumns } from '$lib/sql/filters';
import { childCount, keyedAs, rowCount, type Keyed } from '$lib/sql/keyed-count';
import type { CountWindow } from '$lib/sql/metrics/overview/window-counts';
import { join, literal, sql } from '$lib/sql/sql';
import { answer } from '../../../../helpers/answer';
import { cohortFilterFields, filterSet, indicatorConditions } from '../../../../helpers/filter-arbitraries';
import { demoEngine } from '../../../../helpers/page';
import { engineWith, episode, referral } from '../../../../helpers/engine';
import { engineForFile } from '../../../../helpers/file-engine';

const sixDistricts = cambridgeshireAndPeterborough.enumeration.codes;

// Hand-counted fixture: three referrals in January–March 2024 (child A twice), one in April; episodes:
// A twice in January (Fenland), B once in February (Cambridge), A once in April (Cambridge).
const rows = [
	referral({
		referral_id: 'R1',
		child_id: 'A',
		referral_date: '2024-01-05',
		district: 'fenland',
		age_at_referral: 14,
		looked_after: true
	}),
	referral({
		referral_id: 'R2',
		child_id: 'A',
		referral_date: '2024-03-10',
		district: 'fenland',
		age_at_referral: 14,
		looked_after: true
	}),
	referral({
		referral_id: 'R3',
		child_id: "B'",
		referral_date: '2024-03-31',
		district: 'cambridge',
		age_at_referral: 16,
		looked_after: null
	}),
	referral({
		referral_id: 'R4',
		child_id: 'C',
		referral_date: '2024-04-01',
		district: 'cambridge',
		age_at_referral: 17,
		looked_after: false,
		gender: 'female'
	})
];
const episodes = [
	episode({
		episode_id: 'E1',
		child_id: 'A',
		start_date: '2024-01-10',
		end_date: '2024-01-11',
		district: 'fenland'
	}),
	episode({
		episode_id: 'E2',
		child_id: 'A',
		start_date: '2024-01-20',
		end_date: '2024-01-21',
		district: 'fenland'
	}),
	episode({
		episode_id: 'E3',
		child_id: "B'",
		start_date: '2024-02-01',
		end_date: '2024-02-02',
		district: 'cambridge'
	}),
	episode({
		episode_id: 'E4',
		child_id: 'A',
		start_date: '2024-04-02',
		end_date: '2024-04-03',
		district: 'cambridge'
	})
];
const windows = [
	{ name: 'current', from: '2024-04-01', to: '2024-06-30' },
	{ name: 'previous', from: '2024-01-01', to: '2024-03-31' },
	{ name: 'year_ago', from: '2023-04-01', to: '2023-06-30' }
];

const engine = engineForFile(() => engineWith({ referrals: rows, missing_episodes: episodes }));

describe('referralWindowCounts', () => {
	it('counts each window for all districts and each district; empty windows are zeros', async () => {
		const result = await answer<ReferralWindowRow>(engine, referralWindowCounts({}, windows, sixDistricts));
		expect(result).toHaveLength(3 * 7);
		const row = (span: string, area: string) => {
			const { span: _s, area: _a, ...rest } = result.find((r) => r.span === span && r.area === area)!;
			return rest;
		};
		expect(row('previous', 'all')).toEqual({
			referrals: 3,
			children: 2,
			repeat_referrals: 1,
			looked_after: 2,
			looked_after_known: 2,
			under_15: 2
		});
		expect(row('previous', 'fenland')).toMatchObject({ referrals: 2, children: 1, repeat_referrals: 1 });
		expect(row('previous', 'cambridge')).toMatchObject({ referrals: 1, looked_after_known: 0, under_15: 0 });
		expect(row('current', 'all')).toEqual({
			referrals: 1,
			children: 1,
			repeat_referrals: 0,
			looked_after: 0,
			looked_after_known: 1,
			under_15: 0
		});
		expect(row('year_ago', 'all')).toMatchObject({ referrals: 0, children: 0 });
	});

	it('ignores the period filter (the windows are the periods) but applies the others', async () => {
		const result = await answer<ReferralWindowRow>(
			engine,
			referralWindowCounts(
				{ from: '2024-04-01', to: '2024-04-30', districts: ['cambridge'], genders: ['male'] },
				windows,
				sixDistricts
			)
		);
		expect(result.map((row) => `${row.span}|${row.area}|${row.referrals}`)).toEqual([
			'current|all|0',
			'current|cambridge|0',
			'previous|all|1',
			'previous|cambridge|1',
			'year_ago|all|0',
			'year_ago|cambridge|0'
		]);
	});
});

describe('episodeWindowCounts', () => {
	it('counts episodes and distinct children missing per window and area', async () => {
		const result = await answer<EpisodeWindowRow>(engine, episodeWindowCounts({}, windows, sixDistricts));
		const all = result.filter((row) => row.area === 'all');
		expect(all).toEqual([
			{ span: 'current', area: 'all', episodes: 1, children_missing: 1 },
			{ span: 'previous', area: 'all', episodes: 3, children_missing: 2 },
			{ span: 'year_ago', area: 'all', episodes: 0, children_missing: 0 }
		]);
		expect(result.find((row) => row.span === 'previous' && row.area === 'fenland')).toMatchObject({
			episodes: 2,
			children_missing: 1
		});
	});
});

describe('episodeSeries', () => {
	it('counts episodes by start month, with zero months, per area', async () => {
		const result = await answer<EpisodeSeriesRow>(
			engine,
			episodeSeries({}, { grain: 'month', first: '2024-01-01', last: '2024-04-30', areas: sixDistricts })
		);
		expect(result).toHaveLength(4 * 7);
		expect(result.filter((row) => row.area === 'all')).toEqual([
			{ period: '2024-01-01', area: 'all', episodes: 2 },
			{ period: '2024-02-01', area: 'all', episodes: 1 },
			{ period: '2024-03-01', area: 'all', episodes: 0 },
			{ period: '2024-04-01', area: 'all', episodes: 1 }
		]);
	});

	it('queries only the cells something fell in, and leaves the zeros to its fillPeriods reshape', async () => {
		const spec = episodeSeries(
			{},
			{ grain: 'month', first: '2024-01-01', last: '2024-04-30', areas: sixDistricts }
		);
		const cells = await answer<EpisodeSeriesRow>(engine, spec.query);
		expect(cells.length).toBeLessThan(4 * 7);
		expect(cells.every((row) => row.episodes > 0)).toBe(true);
		expect(spec.reshape.name).toBe('fillPeriods');
		expect(spec.reshape.options.keys.area).toHaveLength(7);
		expect(spec.reshape.options.keys.area[0]).toBe('all');
	});

	it('counts quarters and applies the episode filters', async () => {
		const result = await answer<EpisodeSeriesRow>(
			engine,
			episodeSeries(
				{ districts: ['fenland'] },
				{ grain: 'quarter', first: '2024-01-01', last: '2024-04-30', areas: sixDistricts }
			)
		);
		expect(result).toEqual([
			{ period: '2024-01-01', area: 'all', episodes: 2 },
			{ period: '2024-01-01', area: 'fenland', episodes: 2 },
			{ period: '2024-04-01', area: 'all', episodes: 0 },
			{ period: '2024-04-01', area: 'fenland', episodes: 0 }
		]);
	});
});

describe('referralWindowCounts from the facts', () => {
	const demo = engineForFile(demoEngine);

	/** The counts as their definition says: each window's rows, grouped per district and all together. */
	const direct = (filters: Filters, windows: readonly CountWindow[]) => {
		const spans = windows.map(
			({ name, from, to }) => sql`(${literal(name)}, CAST(${from} AS DATE), CAST(${to} AS DATE))`
		);
		const counted: [string, Keyed][] = [
			['referrals', rowCount()],
			['children', childCount()],
			['repeat_referrals', rowCount(sql`is_repeat`)],
			['looked_after', rowCount(sql`looked_after`)],
			['looked_after_known', rowCount(sql`looked_after IS NOT NULL`)],
			['under_15', rowCount(sql`age_at_referral < 15`)]
		];
		return sql`SELECT w.name AS span,
		CASE WHEN grouping(district) = 1 THEN 'all' ELSE CAST(district AS VARCHAR) END AS area,
		${join(counted.map(([name, keyed]) => keyedAs(name, keyed)))}
	FROM ${referralFacts} r JOIN (VALUES ${join(spans)}) AS w(name, first_day, last_day)
		ON r.referral_date BETWEEN w.first_day AND w.last_day
	WHERE ${filterPredicate(filters, referralColumns, ['from', 'to'])}
	GROUP BY GROUPING SETS ((w.name, district), (w.name))`;
	};
	/** Quarters (the Overview's default), or windows of other days (solo in all the data). */
	const windowSets: CountWindow[][] = [
		[
			{ name: 'current', from: '2024-04-01', to: '2024-06-30' },
			{ name: 'previous', from: '2024-01-01', to: '2024-03-31' },
			{ name: 'year_ago', from: '2023-04-01', to: '2023-06-30' }
		],
		[
			{ name: 'current', from: '2024-02-14', to: '2024-07-20' },
			{ name: 'previous', from: '2023-09-09', to: '2024-02-13' }
		]
	];

	it('gives the direct counts, cell keys included, on random filters with indicator conditions', async () => {
		await fc.assert(
			fc.asyncProperty(
				filterSet(fc.record({ ...cohortFilterFields, indicators: indicatorConditions(3) })),
				fc.constantFrom(...windowSets),
				async (chosen, windows) => {
					const query = referralWindowCounts(chosen, windows, sixDistricts);
					expect(query.text).toContain(referralFacts.text);
					const answered = (await demo.query<ReferralWindowRow>(query)).filter((row) => row.referrals > 0);
					const expected = await demo.query<ReferralWindowRow>(direct(chosen, windows));
					const sorted = (rows: object[]) => rows.map((row) => JSON.stringify(row)).sort();
					expect(sorted(answered)).toEqual(sorted(expected));
				}
			),
			{ numRuns: 30, seed: 812 }
		);
	});

	it('counts a child referred in two districts of one window once in all and once in each', async () => {
		const own = await engineWith({
			referrals: [
				referral({ referral_id: 'R1', child_id: 'A', referral_date: '2024-01-05', district: 'fenland' }),
				referral({ referral_id: 'R2', child_id: 'A', referral_date: '2024-02-05', district: 'cambridge' }),
				referral({ referral_id: 'R3', child_id: 'B', referral_date: '2024-02-09', district: 'fenland' })
			]
		});
		try {
			// A window of other days than a quarter: the facts answer it.
			const windows = [{ name: 'current', from: '2024-01-02', to: '2024-03-30' }];
			const counted = await answer<ReferralWindowRow>(own, referralWindowCounts({}, windows, sixDistricts));
			const children = Object.fromEntries(counted.map((row) => [row.area, row.children]));
			expect(children).toMatchObject({ all: 2, fenland: 2, cambridge: 1 });
		} finally {
			await own.close();
		}
	});
});
