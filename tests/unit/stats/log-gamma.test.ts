import { describe, expect, it } from 'vitest';
import { logGamma } from '$lib/stats';

describe('logGamma', () => {
	it('matches ln((n − 1)!) for whole numbers', () => {
		let factorial = 1;
		for (let n = 1; n <= 25; n++) {
			if (n > 1) factorial *= n - 1;
			expect(Math.abs(logGamma(n) - Math.log(factorial))).toBeLessThan(1e-13);
		}
	});

	it('matches Γ(½) = √π and Γ(3/2) = √π/2, including via the reflection formula', () => {
		expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
		expect(logGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 14);
		expect(logGamma(0.25) + logGamma(0.75)).toBeCloseTo(Math.log(Math.PI * Math.SQRT2), 13);
	});

	it('rejects x ≤ 0', () => {
		expect(() => logGamma(0)).toThrow(RangeError);
		expect(() => logGamma(-1)).toThrow(RangeError);
	});
});
