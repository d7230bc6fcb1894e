import { describe, expect, it } from 'vitest';
import { followUpNotYet } from '$lib/summaries/follow-up-not-yet';

describe('followUpNotYet', () => {
	it('names the quarter, when its first children reach 12 months, and the latest quarter followed up', () => {
		// Data to 15 November 2026: referrals up to 15 November 2025 have a year after them, so October–
		// December 2025 is only partly followed up and July–September 2025 is the latest whole quarter.
		expect(followUpNotYet({ first: '2026-07-01', last: '2026-09-30' }, '2026-11-15')).toBe(
			'Re-referral within 12 months cannot be known yet for July–September 2026: the first children referred then reach 12 months in July 2027. The latest quarter with a full year of follow-up is July–September 2025.'
		);
	});

	it('counts a quarter as followed up when the data end exactly a year after its last day', () => {
		expect(followUpNotYet({ first: '2026-10-01', last: '2026-12-31' }, '2026-12-31')).toContain(
			'The latest quarter with a full year of follow-up is October–December 2025.'
		);
	});

	it('names a span that is not a quarter by its days', () => {
		expect(followUpNotYet({ first: '2026-08-15', last: '2026-11-15' }, '2026-11-15')).toContain(
			'cannot be known yet for 15 August 2026 to 15 November 2026: the first children referred then reach 12 months in August 2027.'
		);
	});
});
