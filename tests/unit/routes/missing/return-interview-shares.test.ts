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

	it('withholds a share over a published denominator under 10 in publication mode, and caps it at 100%', () => {
		// Published counts (perturbed independently): 12 held of 11 accepted can happen.
		const steps = interviewShares(
			{
				returned: 40,
				offer_recorded: 40,
				offered: 30,
				accepted: 11,
				held: 12,
				timed: 0,
				within_72_hours: 12,
				within_2_days: 10
			},
			{ publication: true }
		);
		expect(steps[0]).toMatchObject({ numerator: 30, denominator: 40, share: 30 / 40 });
		expect(steps[2]).toMatchObject({ numerator: 12, denominator: 11, share: 1 });
		const few = interviewShares(
			{
				returned: 9,
				offer_recorded: 9,
				offered: 8,
				accepted: 6,
				held: 6,
				timed: 0,
				within_72_hours: 6,
				within_2_days: 5
			},
			{ publication: true }
		);
		expect(few[1]).toMatchObject({ numerator: 6, denominator: 8, share: null, suppressed: { share: 'c' } });
		// Outside publication mode the same counts give their shares.
		expect(
			interviewShares(
				{
					returned: 9,
					offer_recorded: 9,
					offered: 8,
					accepted: 6,
					held: 6,
					timed: 0,
					within_72_hours: 6,
					within_2_days: 5
				},
				{ publication: false }
			)[1]!.share
		).toBe(6 / 8);
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
