import { afterAll, describe, expect, it } from 'vitest';
import { xmrLimits } from '$lib/stats';
import { expectCloseToReference, reportReferenceErrors } from '../../helpers/reference';
import { screened, xmrExamples } from '../../helpers/xmr-examples';

afterAll(() => reportReferenceErrors('xmr-limits'));

describe('xmrLimits', () => {
	it.each(xmrExamples)('matches NHSRplotthedots for %s (mean, MR̄, limits, near limits)', (_, example) => {
		const limits = xmrLimits(example.input, { screenOutliers: screened(example) });
		const label = 'XmR mean, MR̄, limits and near limits';
		expectCloseToReference(limits.mean, example.mean, 1e-9, label);
		expectCloseToReference(limits.meanMovingRange, example.mean_mr, 1e-9, label);
		expectCloseToReference(limits.lpl, example.lpl, 1e-9, label);
		expectCloseToReference(limits.upl, example.upl, 1e-9, label);
		expectCloseToReference(limits.nearLpl, example.near_lpl, 1e-9, label);
		expectCloseToReference(limits.nearUpl, example.near_upl, 1e-9, label);
	});

	it('screens only when asked: the 10 in the deviations vignette inflates MR̄ unless screened', () => {
		const values = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];
		const unscreened = xmrLimits(values);
		expect(unscreened.screened.some(Boolean)).toBe(false);
		expect(unscreened.meanMovingRange).toBeCloseTo(32 / 17, 14);
		const withScreening = xmrLimits(values, { screenOutliers: true });
		expect(withScreening.screened).toEqual(values.map((_, i) => i === 4 || i === 5));
		expect(withScreening.meanMovingRange).toBe(1);
	});

	it('gives moving ranges with none for the first point', () => {
		expect(xmrLimits([3, 5, 4]).movingRanges).toEqual([null, 2, 1]);
	});

	it('has no limits for a single point and zero-width limits for a constant series (even when screening)', () => {
		const one = xmrLimits([7]);
		expect(one).toMatchObject({ mean: 7, meanMovingRange: null, lpl: null, upl: null });
		for (const screenOutliers of [false, true]) {
			const flat = xmrLimits([4, 4, 4, 4], { screenOutliers });
			expect(flat).toMatchObject({ mean: 4, meanMovingRange: 0, lpl: 4, upl: 4, nearLpl: 4, nearUpl: 4 });
		}
		expect(xmrLimits([]).meanMovingRange).toBeNull();
	});
});
