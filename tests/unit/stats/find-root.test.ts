import { describe, expect, it } from 'vitest';
import { findRoot } from '$lib/stats';

describe('findRoot', () => {
	it('finds known roots to full precision', () => {
		expect(findRoot((x) => x * x - 2, 0, 2)).toBeCloseTo(Math.SQRT2, 14);
		expect(findRoot((x) => Math.cos(x) - x, 0, 1)).toBeCloseTo(0.7390851332151607, 14);
		expect(findRoot((x) => Math.exp(x) - 1e6, 0, 100)).toBeCloseTo(Math.log(1e6), 12);
	});

	it('returns an end that is itself a root and rejects a bracket without a sign change', () => {
		expect(findRoot((x) => x - 3, 3, 5)).toBe(3);
		expect(() => findRoot((x) => x * x + 1, -1, 1)).toThrow(RangeError);
	});
});
