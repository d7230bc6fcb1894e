import { describe, expect, it } from 'vitest';
import {
	districtFunnelTitle,
	districtRatesTitle,
	summariseDistrictFunnel,
	summariseDistrictRates
} from '../../../../src/routes/districts/district-rates';
import { describeSignificance } from '../../../../src/routes/districts/describe-significance';
import type { DistrictComparison, DistrictStat } from '../../../../src/routes/districts/district-comparison';

const stat = (districtLabel: string, overrides: Partial<DistrictStat>): DistrictStat => ({
	district: districtLabel.toLowerCase(),
	districtLabel,
	referrals: 10,
	children: 10,
	referrals_0_17: 10,
	referrals_10_17: 10,
	person_years_0_17: 1000,
	person_years_10_17: 500,
	rate_0_17: 10,
	lower_0_17: 5,
	upper_0_17: 15,
	rate_10_17: 20,
	lower_10_17: 10,
	upper_10_17: 30,
	significance_0_17: 'Not significant',
	significance_10_17: 'Not significant',
	repeat_referrals: 1,
	repeat_share: 0.1,
	looked_after: 1,
	looked_after_known: 10,
	looked_after_share: 0.1,
	selected: false,
	ons_years: null,
	...overrides
});

const comparison = (rows: DistrictStat[]): DistrictComparison => ({
	baseline_0_17: 22.34,
	baseline_10_17: 48.2,
	total_0_17: 100,
	total_10_17: 90,
	rows
});

const demo = comparison([
	stat('Fenland', {
		rate_0_17: 60.04,
		lower_0_17: 49.8,
		upper_0_17: 71.66,
		significance_0_17: 'High (0.001)'
	}),
	stat('Cambridge', { rate_0_17: 22.5, significance_0_17: 'Not significant' }),
	stat('Huntingdonshire', { rate_0_17: 14.02, significance_0_17: 'Low (0.025)' }),
	stat('Peterborough', { rate_0_17: 31.2, significance_0_17: 'High (0.025)' })
]);

describe('district rate summaries', () => {
	it('names the highest and lowest rates with the interval and the partnership rate', () => {
		expect(summariseDistrictRates(demo)).toBe(
			'Fenland has the highest referral rate, 60.0 per 10,000 children aged 0 to 17 a year (95% interval 49.8 to 71.7), from 10 referrals, and Huntingdonshire the lowest, 14.0; the partnership rate is 22.3.'
		);
		expect(districtRatesTitle(demo)).toBe(
			'Fenland has the highest referral rate: 60.0 per 10,000 children a year (10 referrals)'
		);
	});

	it('names the largest district by its rate, with its count beside it, not the district with most referrals', () => {
		// Peterborough has most referrals (a large population); Fenland the highest rate.
		const sizes = comparison([
			stat('Peterborough', { referrals: 900, referrals_0_17: 880, rate_0_17: 26.6 }),
			stat('Fenland', {
				referrals: 300,
				referrals_0_17: 295,
				rate_0_17: 31.4,
				lower_0_17: 28,
				upper_0_17: 35.2
			})
		]);
		expect(districtRatesTitle(sizes)).toBe(
			'Fenland has the highest referral rate: 31.4 per 10,000 children a year (295 referrals)'
		);
		expect(summariseDistrictRates(sizes)).toMatch(
			/^Fenland has the highest referral rate, 31\.4 .* from 295 referrals, and Peterborough the lowest, 26\.6/
		);
		// A withheld count is not printed beside the rate.
		const withheld = comparison([stat('Fenland', { referrals_0_17: null, rate_0_17: 31.4 })]);
		expect(districtRatesTitle(withheld)).toBe(
			'Fenland has the highest referral rate: 31.4 per 10,000 children a year'
		);
	});

	it('groups districts by their funnel position', () => {
		expect(summariseDistrictFunnel(demo)).toBe(
			'Against the partnership rate of 22.3 per 10,000 children aged 0 to 17 a year, Fenland is significantly higher (beyond the 99.8% limit); Peterborough is higher (beyond the 95% but within the 99.8% limit); Huntingdonshire is lower (beyond the 95% but within the 99.8% limit); Cambridge is within the 95% limits.'
		);
		expect(districtFunnelTitle(demo)).toBe(
			'Fenland and Peterborough have significantly higher referral rates than the partnership'
		);
	});

	it('says when no district differs, and when districts are suppressed', () => {
		const calm = comparison([stat('Fenland', {}), stat('Cambridge', {})]);
		expect(districtFunnelTitle(calm)).toBe(
			'No district’s referral rate differs significantly from the partnership’s'
		);
		const hidden = comparison([
			stat('Fenland', {}),
			stat('Cambridge', {
				rate_0_17: null,
				lower_0_17: null,
				upper_0_17: null,
				significance_0_17: null,
				suppressed: { rate_0_17: 'c' }
			})
		]);
		expect(summariseDistrictRates(hidden)).toContain('(1 district suppressed: small numbers)');
		expect(summariseDistrictFunnel(hidden)).toContain('1 district suppressed (small numbers)');
	});

	it('has an empty state', () => {
		expect(summariseDistrictRates(comparison([]))).toBe('No rate can be shown for children aged 0 to 17.');
		expect(summariseDistrictFunnel({ ...comparison([]), baseline_0_17: null })).toBe(
			'The partnership rate cannot be shown for the current filters.'
		);
	});

	it('describes significance labels in words', () => {
		expect(describeSignificance('High (0.001)')).toBe('Higher (beyond 99.8% limit)');
		expect(describeSignificance('Low (0.025)')).toBe('Lower (beyond 95% limit)');
		expect(describeSignificance('Not significant')).toBe('Similar (within 95% limits)');
		expect(describeSignificance(null)).toBe('Not calculated');
	});
});
