import { describe, expect, it } from 'vitest';
import { ageProfileView } from '$lib/summaries/age-profile';

const year = (year: number, referrals: number, younger: number, mean: number) => ({
	year,
	referrals,
	younger,
	mean_age: mean,
	sd_age: 1.5,
	median_age: Math.round(mean)
});
const range = { first: '2021-11-02', last: '2024-11-15' };

describe('ageProfileView', () => {
	it('says referred children are getting younger only when the trend test says so', () => {
		const view = ageProfileView(
			[
				year(2021, 200, 50, 15.4),
				year(2022, 400, 120, 15.1),
				year(2023, 400, 160, 14.8),
				year(2024, 250, 125, 14.4)
			],
			{ ...range, publication: false }
		);
		expect(view.trend.direction).toBe('rising');
		expect(view.shareTitle).toBe(
			'Referred children are getting younger: 50.0% were under 15 in 2024-25, up from 25.0% in 2021-22'
		);
		expect(view.shareSummary).toMatch(
			/^The share of referrals of children aged under 15 was 25\.0% \(95% CI 19\.5% to 31\.4%\) in 2021-22 \(part year\) and 50\.0% \(95% CI .*\) in 2024-25 \(part year\); the chi-square test for trend across 4 financial years finds a significant rise \(p < 0\.001\)\.$/
		);
		expect(view.points.map((point) => point.complete)).toEqual([false, true, true, false]);
		expect(view.points[0]!.coverage).toBe('2 November 2021 to 31 March 2022');
		// Mean 15.4 ± 1.96 × 1.5 / √200.
		expect(view.points[0]!.meanLower).toBeCloseTo(15.4 - (1.959963985 * 1.5) / Math.sqrt(200), 9);
		expect(view.meanTitle).toBe('Mean age at referral fell from 15.4 to 14.4 years');
	});

	it('reports no significant change without claiming a direction', () => {
		const view = ageProfileView(
			[year(2022, 300, 100, 15), year(2023, 300, 104, 15), year(2024, 300, 98, 15.05)],
			{ ...range, publication: false }
		);
		expect(view.shareTitle).toBe(
			'No significant change in the share of referred children under 15 (33.3% in 2022-23, 32.7% in 2024-25)'
		);
		expect(view.meanTitle).toBe(
			'Mean age at referral was 15 years in 2022-23 and 15.1 in 2024-25, not significantly different'
		);
	});
});
