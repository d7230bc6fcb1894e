import { describe, expect, it } from 'vitest';
import { formatDecimal } from '$lib/format/number';
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

	it('returns the correctly rounded mean of whole-number counts, so 59.55 prints as 59.6', () => {
		// 20 monthly counts summing to 1,191: the mean is 59.55 exactly. The correcting pass used to return
		// 59.54999999999999, which printed as 59.5.
		const counts = [19, 101, 8, 52, 23, 17, 2, 6, 34, 8, 26, 20, 116, 80, 101, 75, 89, 49, 33, 332];
		expect(counts.reduce((a, b) => a + b)).toBe(1191);
		expect(mean(counts)).toBe(59.55);
		expect(formatDecimal(mean(counts))).toBe('59.6');
	});
});
