import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '$lib/stats';
import { interviewShares } from '../../../../src/routes/missing/return-interview-shares';

const row = {
	returned: 120,
	offer_recorded: 110,
	offered: 100,
	accepted: 60,
	held: 50,
	timed: 0,
	within_72_hours: 45,
	within_2_days: 36
};

describe('interviewShares', () => {
	it('gives offered, accepted and within-72-hours shares out of the right denominators', () => {
		const steps = interviewShares(row, { publication: false });
		expect(steps.map((step) => [step.step, step.numerator, step.denominator])).toEqual([
			['offered', 100, 110],
			['accepted', 60, 100],
			['within_72_hours', 45, 60],
			['within_2_days', 36, 60]
		]);
		expect(steps[2]!.share).toBe(0.75);
		expect(steps[2]!.lower).toBe(wilsonInterval(45, 60)!.lower);
	});

	it('suppresses a share whose numerator or denominator is small in publication mode', () => {
		const steps = interviewShares(
			{
				returned: 9,
				offer_recorded: 9,
				offered: 8,
				accepted: 4,
				held: 4,
				timed: 0,
				within_72_hours: 3,
				within_2_days: 2
			},
			{ publication: true }
		);
		expect(steps[0]).toMatchObject({ numerator: 8, denominator: 9 });
		expect(steps[1]).toMatchObject({
			numerator: null,
			denominator: 8,
			share: null,
			suppressed: { numerator: 'c' }
		});
		expect(steps[2]).toMatchObject({ numerator: null, denominator: null, share: null });
	});

	it('gives nothing without data, and no share for a zero denominator', () => {
		expect(interviewShares(undefined, { publication: false })).toEqual([]);
		const steps = interviewShares(
			{
				returned: 0,
				offer_recorded: 0,
				offered: 0,
				accepted: 0,
				held: 0,
				timed: 0,
				within_72_hours: 0,
				within_2_days: 0
			},
			{ publication: false }
		);
		expect(steps.every((step) => step.share === null)).toBe(true);
	});
});
