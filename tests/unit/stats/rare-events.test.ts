import { describe, expect, it } from 'vitest';
import { isRareEventSeries, RARE_EVENT_MEAN, xmr } from '$lib/stats';

describe('rare events', () => {
	it('are count series whose mean is under 2 a period', () => {
		expect(RARE_EVENT_MEAN).toBe(2);
		expect(isRareEventSeries([0, 0, 1, 0, 3, 0, 1, 2, 0, 0, 1, 0])).toBe(true); // mean 0.67
		expect(isRareEventSeries([2, 2, 2, 1, 3])).toBe(false); // mean exactly 2
		expect(isRareEventSeries([])).toBe(false);
	});

	it('would otherwise give special causes from a single referral and from a run of empty months', () => {
		// Why the rule exists: XmR on these counts calls one referral "above the upper limit" and seven
		// empty months a shift below the mean.
		const single = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0];
		expect(xmr(single).points[10]!.specialCauseType).toBe('Above UCL');
		expect(isRareEventSeries(single)).toBe(true);
		const empty = [1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 1, 2];
		expect(xmr(empty).points[5]!.specialCauseType).toBe('7 Points Below CL');
		expect(isRareEventSeries(empty)).toBe(true);
	});
});
