import { describe, expect, it } from 'vitest';
import { durationsTitle, summariseDurations } from '../../../../src/routes/missing/durations';
import { episodeTypesTitle, summariseEpisodeTypes } from '../../../../src/routes/missing/episode-types';
import {
	episodesByGroupTitle,
	summariseEpisodesByGroup
} from '../../../../src/routes/missing/episodes-by-group';
import {
	monthlyEpisodesTitle,
	summariseMonthlyEpisodes
} from '../../../../src/routes/missing/monthly-episodes';
import { repeatMissingTitle, summariseRepeatMissing } from '../../../../src/routes/missing/repeat-missing';
import {
	returnInterviewsTitle,
	summariseReturnInterviews
} from '../../../../src/routes/missing/return-interviews';
import { bandShares } from '../../../../src/routes/missing/band-shares';
import { interviewShares, interviewTiming } from '../../../../src/routes/missing/return-interview-shares';

const bands = (counts: Record<string, number>, publication = false) =>
	bandShares(
		Object.entries(counts).map(([band, n]) => ({ band, n })),
		{
			bands: Object.keys(counts),
			labels: {},
			band: 'band',
			count: 'n',
			publication
		}
	);

describe('monthly episodes', () => {
	const points = [
		{ month: '2024-06-01', series: 'episodes', value: 30 },
		{ month: '2024-06-01', series: 'children', value: 20 },
		{ month: '2024-07-01', series: 'episodes', value: 45 },
		{ month: '2024-07-01', series: 'children', value: 25 }
	];
	it('states totals from the headline counts and the busiest month', () => {
		expect(monthlyEpisodesTitle(points)).toBe('The busiest month was July 2024, with 45 missing episodes');
		expect(summariseMonthlyEpisodes(points, { episodes: 75, children: 31 })).toBe(
			'75 missing or away episodes involving 31 different children between June 2024 and July 2024; the busiest month was July 2024, with 45 episodes.'
		);
	});
	it('puts the noun in the singular when a filter leaves one episode or one child, and never compares a month with itself', () => {
		const one = [
			{ month: '2024-06-01', series: 'episodes', value: 1 },
			{ month: '2024-06-01', series: 'children', value: 1 }
		];
		expect(monthlyEpisodesTitle(one)).toBe('The busiest month was June 2024, with 1 missing episode');
		expect(summariseMonthlyEpisodes(one, { episodes: 1, children: 1 })).toBe(
			'1 missing or away episode involving 1 different child in June 2024; the busiest month was June 2024, with 1 episode.'
		);
		const { rows, total } = bands({
			same_day: 1,
			one_to_two: 0,
			three_to_seven: 0,
			over_seven: 0,
			still_missing: 0
		});
		expect(summariseDurations(rows, total)).toMatch(/^Of 1 episode, 1 \(100\.0%\) ended the same day/);
		const single = bands({ '1': 1, '2-4': 0, '5-9': 0, '10+': 0 });
		expect(summariseRepeatMissing(single.rows, single.total)).toMatch(/^Of 1 child who went missing/);
	});
	it('says when counts are suppressed, and when there is nothing', () => {
		expect(
			summariseMonthlyEpisodes([{ month: '2024-06-01', series: 'episodes', value: null }], {
				episodes: 4,
				children: null
			})
		).toBe(
			'4 missing or away episodes involving c (suppressed) different children in June 2024 (months with small counts suppressed).'
		);
		expect(summariseMonthlyEpisodes([], { episodes: 0, children: 0 })).toBe(
			'No missing episodes match the current filters.'
		);
	});
});

describe('episodes by group', () => {
	it('ranks groups with shares', () => {
		const points = [
			{ label: 'Fenland', value: 10 },
			{ label: 'Fenland', value: 20 },
			{ label: 'Cambridge', value: 10 }
		];
		expect(episodesByGroupTitle(points, 'district')).toBe(
			'Fenland has the most missing episodes: 30 (75.0%)'
		);
		expect(summariseEpisodesByGroup(points)).toBe(
			'Missing or away episodes in the period: Fenland 30 (75.0%), Cambridge 10 (25.0%).'
		);
	});
	it('gives lower bounds when cells are suppressed', () => {
		const points = [
			{ label: 'Fenland', value: 20 },
			{ label: 'Cambridge', value: null }
		];
		expect(summariseEpisodesByGroup(points)).toBe(
			'Missing or away episodes in the period: Fenland at least 20, Cambridge at least 0 (small monthly counts suppressed).'
		);
	});
});

describe('repeat missing', () => {
	it('gives the shares missing twice or more and five times or more with intervals', () => {
		const { rows, total } = bands({ '1': 50, '2-4': 30, '5-9': 15, '10+': 5 });
		expect(repeatMissingTitle(rows, total)).toBe('50.0% of children who went missing did so twice or more');
		expect(summariseRepeatMissing(rows, total)).toBe(
			'Of 100 children who went missing or away in the period, 50 (50.0%, 95% interval 40.4% to 59.6%) went missing twice or more and 20 (20.0%, 95% interval 13.3% to 28.9%) five times or more.'
		);
	});

	it('does not give a figure built on a withheld band', () => {
		// In publication mode the counts arrive perturbed; a band can only be withheld by its caller.
		const { rows, total } = bands({ '1': 50, '2-4': 30, '5-9': 15, '10+': 3 });
		const withheld = rows.map((row) => (row.band === '10+' ? { ...row, count: null } : row));
		expect(summariseRepeatMissing(withheld, total)).toContain('the number five times or more is suppressed');
	});
});

describe('durations', () => {
	it('states the short, long and open episodes', () => {
		const { rows, total } = bands({
			same_day: 40,
			one_to_two: 40,
			three_to_seven: 15,
			over_seven: 4,
			still_missing: 1
		});
		expect(durationsTitle(rows, total)).toBe('80.0% of missing episodes ended within 2 days');
		expect(summariseDurations(rows, total)).toBe(
			'Of 100 episodes, 40 (40.0%) ended the same day and 40 (40.0%) after 1 or 2 days; 4 lasted more than a week, and 1 is still open (no return date).'
		);
	});
});

describe('return interviews', () => {
	const counts = { returned: 100, offer_recorded: 100, offered: 90, accepted: 60, held: 50 };

	it('states each step with its interval, and what "within 72 hours" counted with dates alone', () => {
		const row = { ...counts, timed: 0, within_72_hours: 45, within_2_days: 30 };
		const steps = interviewShares(row, { publication: false });
		expect(interviewTiming(row)).toBe('dates');
		expect(returnInterviewsTitle(steps, 'dates')).toBe(
			'75.0% of accepted return home interviews were held within 72 hours (on the day of return or one of the next three days; 50.0% within two days)'
		);
		expect(summariseReturnInterviews(steps, 'dates')).toBe(
			'A return home interview was offered after 90.0% (95% interval 82.6% to 94.5%) of returns, accepted in 66.7% (95% interval 56.4% to 75.5%) of offers, held on the day of return or one of the next three days in 75.0% (95% interval 62.8% to 84.2%) of accepted interviews, and on the day of return or one of the next two days in 50.0% (95% interval 37.7% to 62.3%).'
		);
		expect(summariseReturnInterviews([], 'dates')).toBe(
			'No returns from missing episodes match the current filters.'
		);
	});

	it('says the hours are exact when every accepted interview has both times, with no strict figure', () => {
		const row = { ...counts, timed: 50, within_72_hours: 40, within_2_days: 40 };
		const steps = interviewShares(row, { publication: false });
		expect(interviewTiming(row)).toBe('hours');
		expect(interviewTiming({ timed: 20, held: 50 })).toBe('mixed');
		expect(returnInterviewsTitle(steps, 'hours')).toBe(
			'66.7% of accepted return home interviews were held within 72 hours (exact hours from the recorded times)'
		);
		expect(summariseReturnInterviews(steps, 'hours')).toContain(
			'held within 72 hours of the recorded return time in 66.7%'
		);
		expect(summariseReturnInterviews(steps, 'hours')).not.toContain('next two days');
	});

	it('says "none" where there is nothing to take a share of: "c" only ever means withheld', () => {
		// Offers were made but none accepted: the later shares have no base, and nothing is withheld.
		const row = { ...counts, accepted: 0, held: 0, timed: 0, within_72_hours: 0, within_2_days: 0 };
		const steps = interviewShares(row, { publication: false });
		const sentence = summariseReturnInterviews(steps, 'dates');
		expect(sentence).toContain(
			'held on the day of return or one of the next three days in none (no interviews accepted)'
		);
		expect(sentence).not.toMatch(/\bc\b/);
	});
});

describe('episode types', () => {
	it('gives episodes and children by type', () => {
		const { rows } = bands({ missing: 85, away: 15 });
		expect(episodeTypesTitle(rows)).toBe(
			'85.0% of episodes were missing; the rest were away from placement without authorisation'
		);
		expect(
			summariseEpisodeTypes(
				rows,
				new Map([
					['missing', 40],
					['away', null]
				])
			)
		).toBe(
			'Episodes by type: 85 (85.0%) missing, involving 40 children; 15 (15.0%) away without authorisation, involving c children.'
		);
	});
});
