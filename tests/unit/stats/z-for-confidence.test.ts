import { describe, expect, it } from 'vitest';
import { assertConfidence, zForConfidence } from '$lib/stats';

describe('zForConfidence', () => {
	it('increases with the confidence level', () => {
		expect(zForConfidence(0.9)).toBeLessThan(zForConfidence(0.95));
		expect(zForConfidence(0.95)).toBeLessThan(zForConfidence(0.998));
	});

	it('accepts fractions only, so 95 or 99.8 cannot be confused with 0.95 or 0.998', () => {
		for (const bad of [0, 1, 95, 99.8, -0.5, Number.NaN]) {
			expect(() => zForConfidence(bad)).toThrow(RangeError);
			expect(() => assertConfidence(bad)).toThrow(RangeError);
		}
	});
});
