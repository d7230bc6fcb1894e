import { describe, expect, it } from 'vitest';
import { summariseMonthlyByDistrict } from '$lib/summaries/monthly-by-district';

describe('summariseMonthlyByDistrict', () => {
	it('states the total, period and busiest district from the numbers', () => {
		const text = summariseMonthlyByDistrict([
			{ month: '2024-01-01', districtLabel: 'Fenland', referrals: 3 },
			{ month: '2024-02-01', districtLabel: 'Fenland', referrals: 5 },
			{ month: '2024-01-01', districtLabel: 'Cambridge', referrals: 12 }
		]);
		expect(text).toBe(
			'20 referrals across 2 districts between January 2024 and February 2024; Cambridge had the most, 12 (60.0%).'
		);
	});

	it('never implies an exact total when cells are suppressed', () => {
		const text = summariseMonthlyByDistrict([
			{ month: '2024-01-01', districtLabel: 'Fenland', referrals: null },
			{ month: '2024-01-01', districtLabel: 'Cambridge', referrals: 12 }
		]);
		expect(text).toContain('at least 12 referrals');
		expect(text).toContain('small counts suppressed');
	});

	it('has an empty state', () => {
		expect(summariseMonthlyByDistrict([])).toBe('No referrals match the current filters.');
	});
});
