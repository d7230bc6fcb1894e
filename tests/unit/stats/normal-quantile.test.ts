import { afterAll, describe, expect, it } from 'vitest';
import { normalQuantile, regularizedGammaP, zForConfidence } from '$lib/stats';
import { expectCloseToReference, reportReferenceErrors } from '../../helpers/reference';

afterAll(() => reportReferenceErrors('normal-quantile'));

describe('normalQuantile', () => {
	it('gives the z values in the Sightline domain README §4 (1.959963985, 3.090232306)', () => {
		expectCloseToReference(zForConfidence(0.95), 1.959963985, 1e-9, 'normal quantile (domain README z)');
		expectCloseToReference(zForConfidence(0.998), 3.090232306, 1e-9, 'normal quantile (domain README z)');
	});

	it('matches standard normal table values (R qnorm, 16 significant figures)', () => {
		const table: [number, number][] = [
			[0.9, 1.2815515655446004],
			[0.95, 1.6448536269514722],
			[0.975, 1.959963984540054],
			[0.99, 2.3263478740408408],
			[0.995, 2.5758293035489004],
			[0.999, 3.090232306167813],
			[0.9995, 3.2905267314918945]
		];
		for (const [p, z] of table) {
			expectCloseToReference(normalQuantile(p), z, 1e-9, 'normal quantile (R qnorm table)');
			expectCloseToReference(normalQuantile(1 - p), -z, 1e-9, 'normal quantile (R qnorm table)');
		}
	});

	it('agrees with an independent algorithm: P(½, z²/2) = 1 − 2(1 − Φ(z)) in the far tails', () => {
		for (const tail of [0.025, 1e-3, 1e-6, 1e-10]) {
			const z = normalQuantile(1 - tail);
			expect(regularizedGammaP(0.5, (z * z) / 2)).toBeCloseTo(1 - 2 * tail, 12);
		}
	});

	it('is 0 at the median, infinite at 0 and 1, and rejects p outside [0, 1]', () => {
		expect(normalQuantile(0.5)).toBe(0);
		expect(normalQuantile(0)).toBe(-Infinity);
		expect(normalQuantile(1)).toBe(Infinity);
		expect(() => normalQuantile(-0.1)).toThrow(RangeError);
		expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
	});
});
