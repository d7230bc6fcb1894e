import { describe, expect, it } from 'vitest';
import { gammaDensity, regularizedGammaP, regularizedGammaQ } from '$lib/stats';
import { relativeError } from '../../helpers/reference';

/** Pr(Poisson(μ) ≤ k − 1) by direct summation, which equals Q(k, μ) for whole k. */
function poissonCdfBelow(k: number, mu: number): number {
	let term = Math.exp(-mu);
	let sum = 0;
	for (let i = 0; i < k; i++) {
		sum += term;
		term *= mu / (i + 1);
	}
	return sum;
}

describe('regularizedGammaP / regularizedGammaQ', () => {
	it('match the closed form P(1, x) = 1 − e^−x', () => {
		for (const x of [1e-8, 0.01, 0.5, 1, 2, 10, 40]) {
			expect(relativeError(regularizedGammaP(1, x), -Math.expm1(-x))).toBeLessThan(1e-13);
			expect(relativeError(regularizedGammaQ(1, x), Math.exp(-x))).toBeLessThan(1e-13);
		}
	});

	it('match Poisson sums for whole shapes (both tails, both algorithms)', () => {
		for (const k of [1, 2, 5, 10, 30])
			for (const mu of [0.3, 2, 7.5, 12, 25, 60]) {
				expect(relativeError(regularizedGammaQ(k, mu), poissonCdfBelow(k, mu))).toBeLessThan(1e-12);
			}
	});

	it('keep P + Q = 1 and handle the ends of the range', () => {
		for (const a of [0.1, 0.5, 3, 20, 150, 1e4])
			for (const x of [0.01, a / 2, a, a + 1, 2 * a]) {
				expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 13);
			}
		expect(regularizedGammaP(2, 0)).toBe(0);
		expect(regularizedGammaQ(2, 0)).toBe(1);
		expect(regularizedGammaP(2, Infinity)).toBe(1);
	});

	it('stay accurate for large shapes (Loader saddle-point prefactor), e.g. P(a, a) → ½ + 1/(3√(2πa))', () => {
		const a = 1e6;
		const approx = 0.5 + 1 / (3 * Math.sqrt(2 * Math.PI * a));
		expect(Math.abs(regularizedGammaP(a, a) - approx)).toBeLessThan(1e-9);
	});

	it('gives the density as the derivative of P', () => {
		const [a, x, h] = [3.5, 2.2, 1e-6];
		const numeric = (regularizedGammaP(a, x + h) - regularizedGammaP(a, x - h)) / (2 * h);
		expect(gammaDensity(a, x)).toBeCloseTo(numeric, 8);
	});

	it('rejects a shape ≤ 0 and a negative x', () => {
		expect(() => regularizedGammaP(0, 1)).toThrow(RangeError);
		expect(() => regularizedGammaQ(1, -1)).toThrow(RangeError);
	});
});
