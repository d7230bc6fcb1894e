import { describe, expect, it } from 'vitest';
import { episodeDurations, type DurationBandRow } from '$lib/sql/metrics/missing/duration-bands';
import { episodeExtent, type EpisodeExtent } from '$lib/sql/metrics/missing/episode-extent';
import { episodeSexes, type EpisodeSexRow } from '$lib/sql/metrics/missing/episode-sexes';
import { episodeTypes, type EpisodeTypeRow } from '$lib/sql/metrics/missing/episode-types';
import { monthlyEpisodes, type MonthlyEpisodeCount } from '$lib/sql/metrics/missing/monthly-episodes';
import {
	monthlyEpisodesByDistrict,
	monthlyEpisodesByLookedAfter,
	type MonthlyGroupCount
} from '$lib/sql/metrics/missing/monthly-episodes-by-group';
import { repeatMissing, type RepeatMissingRow } from '$lib/sql/metrics/missing/repeat-missing';
import { returnInterviews, type ReturnInterviewRow } from '$lib/sql/metrics/missing/return-interviews';
import { seasonality, type SeasonalityRow } from '$lib/sql/metrics/missing/seasonality';
import { engineWith, episode } from '../../../../helpers/engine';
import { answer } from '../../../../helpers/answer';
import { engineForFile } from '../../../../helpers/file-engine';

// Hand-counted fixture: child A (Fenland, looked after) has 5 episodes, B (Cambridge, not looked after) 2,
// C'q (Cambridge, status and sex not recorded) 1. Durations and return home interviews as commented.
const A = { child_id: 'A', district: 'fenland', looked_after: true, sex: 'female' };
const B = { child_id: 'B', district: 'cambridge', looked_after: false, sex: 'male' };
const C = { child_id: "C'q", district: 'cambridge', looked_after: null };
const episodes = [
	// same day; interview 2 days after return: within 72 hours
	episode({
		...A,
		episode_id: 'E1',
		start_date: '2024-01-10',
		end_date: '2024-01-10',
		rhi_date: '2024-01-12'
	}),
	// 2 days; interview 5 days after: not within 72 hours
	episode({
		...A,
		episode_id: 'E2',
		start_date: '2024-01-20',
		end_date: '2024-01-22',
		rhi_date: '2024-01-27'
	}),
	// away, 5 days; offered, declined
	episode({
		...A,
		episode_id: 'E3',
		episode_type: 'away',
		start_date: '2024-02-05',
		end_date: '2024-02-10',
		rhi_accepted: false,
		rhi_date: null
	}),
	// 14 days; accepted, no date recorded
	episode({ ...A, episode_id: 'E4', start_date: '2024-07-01', end_date: '2024-07-15', rhi_date: null }),
	// still missing
	episode({
		...A,
		episode_id: 'E5',
		start_date: '2024-07-20',
		end_date: null,
		rhi_offered: null,
		rhi_accepted: null,
		rhi_date: null
	}),
	// 1 day; not offered
	episode({
		...B,
		episode_id: 'E6',
		start_date: '2024-07-03',
		end_date: '2024-07-04',
		rhi_offered: false,
		rhi_accepted: null,
		rhi_date: null
	}),
	// 1 day; interview 3 days after: within 72 hours
	episode({
		...B,
		episode_id: 'E7',
		start_date: '2024-08-10',
		end_date: '2024-08-11',
		rhi_date: '2024-08-14'
	}),
	// same day; interview the same day
	episode({
		...C,
		episode_id: 'E8',
		start_date: '2024-01-05',
		end_date: '2024-01-05',
		rhi_date: '2024-01-05'
	})
];

const engine = engineForFile(() => engineWith({ missing_episodes: episodes }));

describe('missing episode metrics', () => {
	it('gives the first and last episode start', async () => {
		expect(await answer<EpisodeExtent>(engine, episodeExtent())).toEqual([
			{ first_start: '2024-01-05', last_start: '2024-08-10' }
		]);
	});

	it('counts episodes and children per month', async () => {
		expect(await answer<MonthlyEpisodeCount>(engine, monthlyEpisodes({}))).toEqual([
			{ month: '2024-01-01', series: 'children', count: 2 },
			{ month: '2024-01-01', series: 'episodes', count: 3 },
			{ month: '2024-02-01', series: 'children', count: 1 },
			{ month: '2024-02-01', series: 'episodes', count: 1 },
			{ month: '2024-07-01', series: 'children', count: 2 },
			{ month: '2024-07-01', series: 'episodes', count: 3 },
			{ month: '2024-08-01', series: 'children', count: 1 },
			{ month: '2024-08-01', series: 'episodes', count: 1 }
		]);
	});

	it('counts episodes per month by district, ignoring the district filter', async () => {
		const rows = await answer<MonthlyGroupCount>(
			engine,
			monthlyEpisodesByDistrict({ districts: ['fenland'], from: '2024-07-01' })
		);
		expect(rows).toEqual([
			{ month: '2024-07-01', group: 'cambridge', episodes: 1 },
			{ month: '2024-07-01', group: 'fenland', episodes: 2 },
			{ month: '2024-08-01', group: 'cambridge', episodes: 1 }
		]);
	});

	it('counts episodes per month by looked-after status, keeping unrecorded status apart', async () => {
		expect(
			await answer<MonthlyGroupCount>(engine, monthlyEpisodesByLookedAfter({ to: '2024-02-29' }))
		).toEqual([
			{ month: '2024-01-01', group: 'looked_after', episodes: 2 },
			{ month: '2024-01-01', group: 'not_recorded', episodes: 1 },
			{ month: '2024-02-01', group: 'looked_after', episodes: 1 }
		]);
	});

	it('counts episodes and children by sex, an episode with none as not recorded', async () => {
		expect(await answer<EpisodeSexRow>(engine, episodeSexes({}))).toEqual([
			{ sex: 'female', episodes: 5, children: 1 },
			{ sex: 'male', episodes: 2, children: 1 },
			{ sex: 'not_recorded', episodes: 1, children: 1 }
		]);
	});

	it('bands children by their number of episodes', async () => {
		expect(await answer<RepeatMissingRow>(engine, repeatMissing({}))).toEqual([
			{ band: '1', children: 1 },
			{ band: '2-4', children: 1 },
			{ band: '5-9', children: 1 }
		]);
		// From July: A has E4 and E5, B has E6 and E7.
		expect(await answer<RepeatMissingRow>(engine, repeatMissing({ from: '2024-07-01' }))).toEqual([
			{ band: '2-4', children: 2 }
		]);
	});

	it('bands episodes by duration in whole days', async () => {
		const rows = await answer<DurationBandRow>(engine, episodeDurations({}));
		expect(Object.fromEntries(rows.map((row) => [row.band, row.episodes]))).toEqual({
			same_day: 2,
			one_to_two: 3,
			three_to_seven: 1,
			over_seven: 1,
			still_missing: 1
		});
	});

	it('counts return home interviews offered, accepted and held within 72 hours', async () => {
		expect(await answer<ReturnInterviewRow>(engine, returnInterviews({}))).toEqual([
			// Dates only: E1 (2 days), E7 (3 days) and E8 (same day) within 72 hours; E7 not within 2 days.
			{
				returned: 7,
				offer_recorded: 7,
				offered: 6,
				accepted: 5,
				held: 4,
				timed: 0,
				within_72_hours: 3,
				within_2_days: 2
			}
		]);
		expect(await answer<ReturnInterviewRow>(engine, returnInterviews({ lookedAfter: true }))).toEqual([
			{
				returned: 4,
				offer_recorded: 4,
				offered: 4,
				accepted: 3,
				held: 2,
				timed: 0,
				within_72_hours: 1,
				within_2_days: 1
			}
		]);
	});

	it('measures exact hours where the return and interview times are both recorded', async () => {
		const timed = await engineWith({
			missing_episodes: [
				// 3 days later but 71 hours: within 72 hours, and within the strict reading too (hours decide).
				episode({
					episode_id: 'T1',
					end_date: '2024-03-01',
					return_time: 1320,
					rhi_date: '2024-03-04',
					rhi_time: 1260
				}),
				// 3 days later but 73 hours: not within 72 hours, though the date rule would count it.
				episode({
					episode_id: 'T2',
					end_date: '2024-03-01',
					return_time: 480,
					rhi_date: '2024-03-04',
					rhi_time: 540
				}),
				// The same day but before the return: never counted.
				episode({
					episode_id: 'T3',
					end_date: '2024-03-10',
					return_time: 1410,
					rhi_date: '2024-03-10',
					rhi_time: 600
				}),
				// Only the return time: the date rule applies (3 days: within 72 hours, not within 2 days).
				episode({ episode_id: 'T4', end_date: '2024-03-20', return_time: 600, rhi_date: '2024-03-23' }),
				// Exactly 72 hours as UTC clock times, across the clocks going forward on 31 March: counted.
				episode({
					episode_id: 'T5',
					end_date: '2024-03-30',
					return_time: 720,
					rhi_date: '2024-04-02',
					rhi_time: 720
				})
			]
		});
		try {
			expect(await answer<ReturnInterviewRow>(timed, returnInterviews({}))).toEqual([
				{
					returned: 5,
					offer_recorded: 5,
					offered: 5,
					accepted: 5,
					held: 5,
					timed: 4,
					within_72_hours: 3,
					within_2_days: 2
				}
			]);
		} finally {
			await timed.close();
		}
	});

	it('counts episodes and children by type', async () => {
		expect(await answer<EpisodeTypeRow>(engine, episodeTypes({}))).toEqual([
			{ episode_type: 'missing', episodes: 7, children: 3 },
			{ episode_type: 'away', episodes: 1, children: 1 }
		]);
	});

	it('gives episodes per year and calendar month with the share of each month in the period', async () => {
		const rows = await answer<SeasonalityRow>(engine, seasonality({}));
		expect(rows.map((row) => [row.month, row.episodes, row.days_covered, row.days_in_month])).toEqual([
			[1, 3, 27, 31],
			[2, 1, 29, 29],
			[3, 0, 31, 31],
			[4, 0, 30, 30],
			[5, 0, 31, 31],
			[6, 0, 30, 30],
			[7, 3, 31, 31],
			[8, 1, 10, 31]
		]);
		expect(rows.every((row) => row.year === 2024)).toBe(true);
		expect(
			await answer<SeasonalityRow>(engine, seasonality({ from: '2024-07-01', to: '2024-07-31' }))
		).toEqual([{ year: 2024, month: 7, episodes: 3, days_covered: 31, days_in_month: 31 }]);
	});
});
