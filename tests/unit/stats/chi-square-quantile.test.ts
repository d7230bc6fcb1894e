import { afterAll, describe, expect, it } from 'vitest';
import { chiSquareQuantile } from '$lib/stats';
import { expectCloseToReference, reportReferenceErrors } from '../../helpers/reference';

afterAll(() => reportReferenceErrors('chi-square-quantile'));

describe('chiSquareQuantile', () => {
	it('at 1 df is z² for the two-sided z of the domain README (95%: 1.959963985², 99.8%: 3.090232306²)', () => {
		expectCloseToReference(
			chiSquareQuantile(0.95, 1),
			1.959963985 ** 2,
			1e-9,
			'chi-square quantile (1 df, z²)'
		);
		expectCloseToReference(
			chiSquareQuantile(0.998, 1),
			3.090232306 ** 2,
			1e-9,
			'chi-square quantile (1 df, z²)'
		);
	});

	it('at 2 df is −2 ln(1 − p) (an exponential)', () => {
		for (const p of [0.025, 0.5, 0.975]) expect(chiSquareQuantile(p, 2)).toBeCloseTo(-2 * Math.log1p(-p), 12);
	});

	it('rejects df ≤ 0', () => {
		expect(() => chiSquareQuantile(0.5, 0)).toThrow(RangeError);
	});
});
