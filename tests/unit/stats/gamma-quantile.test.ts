import { describe, expect, it } from 'vitest';
import { gammaQuantile, regularizedGammaP } from '$lib/stats';
import { relativeError } from '../../helpers/reference';

describe('gammaQuantile', () => {
	it('matches the closed form qgamma(p, 1) = −ln(1 − p)', () => {
		for (const p of [1e-9, 0.001, 0.025, 0.5, 0.975, 0.999, 1 - 1e-9]) {
			expect(relativeError(gammaQuantile(p, 1), -Math.log1p(-p))).toBeLessThan(1e-12);
		}
	});

	it('inverts P(shape, x) across shapes and tails', () => {
		for (const shape of [0.05, 0.5, 1, 2.5, 10, 11, 100, 5000])
			for (const p of [1e-6, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999]) {
				const x = gammaQuantile(p, shape);
				expect(relativeError(regularizedGammaP(shape, x), p)).toBeLessThan(1e-10);
			}
	});

	it('returns 0 and Infinity at p = 0 and 1 and rejects bad arguments', () => {
		expect(gammaQuantile(0, 2)).toBe(0);
		expect(gammaQuantile(1, 2)).toBe(Infinity);
		expect(() => gammaQuantile(0.5, 0)).toThrow(RangeError);
		expect(() => gammaQuantile(1.5, 1)).toThrow(RangeError);
	});
});
