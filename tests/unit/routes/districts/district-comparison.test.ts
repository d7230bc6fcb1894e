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
		const { rows: stats, baseline_0_17, baseline_10_17 } = compareDistricts(rows, {});
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
		const { rows: stats } = compareDistricts(rows, {});
		expect(stats.map((stat) => stat.significance_0_17)).toEqual([
			'Low (0.001)',
			'High (0.001)',
			'Low (0.001)'
		]);
	});

	it('computes repeat and looked-after shares and marks selected districts', () => {
		const { rows: stats } = compareDistricts(rows, { selected: ['fenland'] });
		const fenland = stats.find((stat) => stat.district === 'fenland')!;
		expect(fenland.repeat_share).toBeCloseTo(25 / 125, 12);
		expect(fenland.looked_after_share).toBeCloseTo(0.3, 12);
		expect(stats.map((stat) => stat.selected)).toEqual([false, true, false]);
	});

	it('gives no rate where there is no population', () => {
		const comparison = compareDistricts([row('fenland', { person_years_0_17: 0 })], {});
		expect(comparison.rows[0]!.rate_0_17).toBeNull();
		expect(comparison.rows[0]!.significance_0_17).toBeNull();
		expect(comparison.baseline_0_17).toBeNull();
	});
});
