import { describe, expect, it } from 'vitest';
import { comparisonVerdict } from '$lib/stats';

describe('comparisonVerdict', () => {
	it('is higher or lower only when the whole interval is on one side of the null value', () => {
		expect(comparisonVerdict(1.1, 2, 1)).toBe('significantly higher');
		expect(comparisonVerdict(0.2, 0.9, 1)).toBe('significantly lower');
		expect(comparisonVerdict(0.9, 1.2, 1)).toBe('not significantly different');
		expect(comparisonVerdict(-0.1, 0.3, 0)).toBe('not significantly different');
		expect(comparisonVerdict(0, 0.3, 0)).toBe('not significantly different');
	});
});
