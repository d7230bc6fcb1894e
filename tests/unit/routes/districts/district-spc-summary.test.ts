import { describe, expect, it } from 'vitest';
import {
	districtSpcTitle,
	summariseDistrictSpc
} from '../../../../src/routes/districts/district-spc-summary';
import type { DistrictSpc } from '../../../../src/routes/districts/district-spc';

const series = (districtLabel: string, overrides: Partial<DistrictSpc>): DistrictSpc => ({
	district: districtLabel.toLowerCase(),
	districtLabel,
	points: [],
	variation: null,
	recentHigh: 0,
	recentLow: 0,
	recentMonths: 12,
	recentAboveLimit: 0,
	provisional: false,
	rare: false,
	...overrides
});

describe('district SPC summaries', () => {
	it('names districts with recent special-cause months, most first', () => {
		const items = [
			series('Cambridge', {}),
			series('Peterborough', { recentHigh: 2 }),
			series('Fenland', { recentHigh: 9, recentAboveLimit: 3 }),
			series('Huntingdonshire', { recentLow: 1 })
		];
		expect(districtSpcTitle(items)).toBe(
			'Fenland and Peterborough: special cause variation, referrals high in recent months'
		);
		expect(summariseDistrictSpc(items)).toBe(
			'Fenland had 9 of its last 12 complete months flagged high, 3 above the upper process limit; Peterborough had 2 of its last 12 complete months flagged high; Huntingdonshire had 1 of its last 12 complete months flagged low; Cambridge shows only common cause variation in the last 12 complete months (XmR, Making Data Count rules).'
		);
	});

	it('says when every district shows common cause variation only', () => {
		const items = [series('Cambridge', {}), series('Fenland', {})];
		expect(districtSpcTitle(items)).toBe(
			'Monthly referrals in every district show common cause variation only in recent months'
		);
		expect(summariseDistrictSpc(items)).toBe(
			'Every district shows only common cause variation in the last 12 complete months (XmR, Making Data Count rules).'
		);
		expect(summariseDistrictSpc([])).toBe('No referrals match the current filters.');
	});
});

describe('rare events on the district SPC', () => {
	it('names the districts with too few referrals for a verdict instead of calling them common cause', () => {
		const text = summariseDistrictSpc([series('Cambridge', {}), series('Fenland', { rare: true })]);
		expect(text).toContain('Cambridge shows only common cause variation');
		expect(text).toContain(
			'Fenland has too few referrals for an SPC verdict (rare events: a mean under 2 a month)'
		);
		expect(districtSpcTitle([series('Fenland', { rare: true })])).toBe(
			'No district shows special cause variation in recent months where referrals are frequent enough for SPC'
		);
	});
});
