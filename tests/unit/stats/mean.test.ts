import { describe, expect, it } from 'vitest';
import { mean } from '$lib/stats';

describe('mean', () => {
	it('is exact for a constant series, so no point is wrongly off the centre line', () => {
		expect(mean([0.1, 0.1, 0.1])).toBe(0.1);
		expect(mean(new Array(49).fill(0.7))).toBe(0.7);
	});

	it('averages, and is NaN for an empty list', () => {
		expect(mean([1, 2, 3, 4])).toBe(2.5);
		expect(mean([])).toBeNaN();
	});
});
