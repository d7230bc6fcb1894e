import { describe, expect, it } from 'vitest';
import type { DistrictRateRow } from '$lib/sql/metrics/districts/district-rates';
import { rateWithInterval } from '$lib/stats';
import { compareDistricts } from '../../../../src/routes/districts/district-comparison';

const row = (district: string, overrides: Partial<DistrictRateRow>): DistrictRateRow => ({
	district,
	referrals: 0,
	children: 0,
	referrals_0_17: 0,
	referrals_10_17: 0,
	repeat_referrals: 0,
	looked_after: 0,
	looked_after_known: 0,
	person_years_0_17: 20_000,
	person_years_10_17: 9_000,
	ons_years: null,
	...overrides
});

// Partnership 0–17: (120 + 40 + 40) / 60,000 = 33.3 per 10,000. Fenland's 120 in 20,000 (60 per 10,000) is far
// beyond the 99.8% limit; Cambridge's 40 (20 per 10,000) is far below it.
const rows = [
	row('cambridge', {
		referrals: 42,
		children: 30,
		referrals_0_17: 40,
		referrals_10_17: 38,
		repeat_referrals: 10,
		looked_after: 5,
		looked_after_known: 40
	}),
	row('fenland', {
		referrals: 125,
		children: 90,
		referrals_0_17: 120,
		referrals_10_17: 110,
		repeat_referrals: 25,
		looked_after: 30,
		looked_after_known: 100
	}),
	row('peterborough', {
		referrals: 3,
		children: 3,
		referrals_0_17: 40,
		referrals_10_17: 30,
		repeat_referrals: 1,
		looked_after: 2,
		looked_after_known: 3,
		person_years_0_17: 20_000,
		ons_years: '2023'
	})
];

describe('compareDistricts', () => {
	it('gives each district its rate and interval per 10,000 children a year', () => {
		const { rows: stats, baseline_0_17, baseline_10_17 } = compareDistricts(rows, { publication: false });
		const fenland = stats.find((stat) => stat.district === 'fenland')!;
		const expected = rateWithInterval(120, 20_000);
		expect(fenland.rate_0_17).toBeCloseTo(60, 12);
		expect(fenland.lower_0_17).toBe(expected.lower);
		expect(fenland.upper_0_17).toBe(expected.upper);
		expect(fenland.districtLabel).toBe('Fenland');
		expect(baseline_0_17).toBeCloseTo((200 / 60_000) * 10_000, 12);
		expect(baseline_10_17).toBeCloseTo((178 / 27_000) * 10_000, 12);
	});

	it('labels funnel significance against the partnership', () => {
		const { rows: stats } = compareDistricts(rows, { publication: false });
		expect(stats.map((stat) => stat.significance_0_17)).toEqual([
			'Low (0.001)',
			'High (0.001)',
			'Low (0.001)'
		]);
	});

	it('computes repeat and looked-after shares and marks selected districts', () => {
		const { rows: stats } = compareDistricts(rows, { publication: false, selected: ['fenland'] });
		const fenland = stats.find((stat) => stat.district === 'fenland')!;
		expect(fenland.repeat_share).toBeCloseTo(25 / 125, 12);
		expect(fenland.looked_after_share).toBeCloseTo(0.3, 12);
		expect(stats.map((stat) => stat.selected)).toEqual([false, true, false]);
	});

	it('in publication mode suppresses small counts and everything derived from them', () => {
		const { rows: stats, baseline_0_17 } = compareDistricts(rows, { publication: true });
		const peterborough = stats.find((stat) => stat.district === 'peterborough')!;
		expect(peterborough.referrals).toBeNull();
		expect(peterborough.suppressed?.referrals).toBe('c');
		// Its repeat share comes from a suppressed denominator (3 referrals) and a suppressed numerator (1).
		expect(peterborough.repeat_share).toBeNull();
		expect(peterborough.looked_after_share).toBeNull();
		// 40 referrals aged 0–17 is not small: its rate and significance stay.
		expect(peterborough.rate_0_17).not.toBeNull();
		// Secondary suppression: the smallest other referral count goes too, so the total cannot reveal 3.
		const cambridge = stats.find((stat) => stat.district === 'cambridge')!;
		expect(cambridge.referrals).toBeNull();
		expect(cambridge.repeat_share).toBeNull();
		expect(baseline_0_17).not.toBeNull();
	});

	it('suppresses the partnership rate when its own numerator is small', () => {
		const small = [row('cambridge', { referrals_0_17: 2 }), row('fenland', { referrals_0_17: 0 })];
		const comparison = compareDistricts(small, { publication: true });
		expect(comparison.baseline_0_17).toBeNull();
		expect(comparison.total_0_17).toBeNull();
		expect(comparison.rows[0]!.rate_0_17).toBeNull();
		expect(comparison.rows[0]!.significance_0_17).toBeNull();
		expect(comparison.rows[0]!.suppressed?.significance_0_17).toBe('c');
	});

	it('gives no rate where there is no population', () => {
		const comparison = compareDistricts([row('fenland', { person_years_0_17: 0 })], { publication: false });
		expect(comparison.rows[0]!.rate_0_17).toBeNull();
		expect(comparison.rows[0]!.significance_0_17).toBeNull();
		expect(comparison.baseline_0_17).toBeNull();
	});
});
