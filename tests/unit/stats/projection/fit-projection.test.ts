import { describe, expect, it } from 'vitest';
import { fitProjection, growthRate, negativeBinomialGlm } from '$lib/stats/projection';
import { asSeries, referenceNames, referenceSeries } from './reference-fixture';

/**
 * The model against R 4.2.2 / MASS 7.3-58 (tests/fixtures/projection/make-reference.R, which also writes the
 * interval method out again in R). Tolerances: the coefficients, their standard errors, the Pearson θ and
 * the point projections are the same algorithm to convergence (1e-10 on the deviance), so 1e-6 relative;
 * the ML θ to 1e-4 relative (its Newton steps stop at ε^¼); the intervals are quantiles of two different
 * simulations (R: 400,000 draws; here 40,000 with another generator), so within 4% or 2 counts, whichever
 * is larger, and 8% in the 97.5% tail of the overdispersed series (a t with 7 df on the dispersion).
 */
const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe.each(referenceNames)('fitProjection on the reference series %s', (name) => {
	const ref = referenceSeries(name);
	const fit = fitProjection(asSeries(ref), {
		quarters: ref.horizon,
		fitYears: 100,
		draws: 40_000,
		seed: 7
	})!;

	it('fits the family R fits, with its coefficients, standard errors, θ and log-likelihood', () => {
		expect(fit.regression.family).toBe(ref.family === 'nb' ? 'negative-binomial' : 'poisson');
		fit.regression.coefficients.forEach((value, i) =>
			expect(relative(value, ref.coefficients[i]!)).toBeLessThan(1e-6)
		);
		fit.regression.covariance.forEach((row, i) =>
			expect(relative(Math.sqrt(row[i]!), ref.standardErrors[i]!)).toBeLessThan(1e-6)
		);
		if (ref.theta === null) expect(fit.regression.theta).toBe(Infinity);
		else {
			expect(relative(fit.regression.theta, ref.theta)).toBeLessThan(1e-4);
			expect(relative(fit.regression.thetaSe!, ref.thetaSe!)).toBeLessThan(1e-4);
		}
		expect(relative(fit.regression.twoLogLik, ref.twoLogLik)).toBeLessThan(1e-8);
	});

	it('gives R’s growth rate and, from the ML covariance, R’s 95% interval', () => {
		const ml = growthRate(fit.regression.coefficients, fit.regression.covariance);
		expect(relative(ml.rate + 1, ref.growth[0] + 1)).toBeLessThan(1e-6);
		expect(relative(ml.lower95 + 1, ref.growth[1] + 1)).toBeLessThan(1e-6);
		expect(relative(ml.upper95 + 1, ref.growth[2] + 1)).toBeLessThan(1e-6);
		expect(fit.growth.rate).toBe(ml.rate);
	});

	it('gives R’s df-corrected Pearson θ, and the growth interval at that θ', () => {
		if (ref.predictiveTheta === null) expect(fit.predictiveTheta).toBe(Infinity);
		else expect(relative(fit.predictiveTheta, ref.predictiveTheta)).toBeLessThan(1e-6);
		expect(relative(fit.growth.lower95 + 1, ref.predictiveGrowth[1] + 1)).toBeLessThan(1e-6);
		expect(relative(fit.growth.upper95 + 1, ref.predictiveGrowth[2] + 1)).toBeLessThan(1e-6);
	});

	it('projects R’s means, and prediction intervals within simulation error of R’s', () => {
		const close = (actual: number, expected: number, share = 0.04) =>
			expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.max(2, share * expected));
		const tail = name === 'quarterly-overdispersed' ? 0.08 : 0.04;
		fit.quarters.forEach((quarter, i) => {
			expect(relative(quarter.point, ref.pointByQuarter[i]!)).toBeLessThan(1e-6);
			const [q025, q10, q90, q975] = ref.quantilesByQuarter[i]!;
			close(quarter.lower95, q025!);
			close(quarter.lower80, q10!);
			close(quarter.upper80, q90!);
			close(quarter.upper95, q975!, tail);
		});
		expect(relative(fit.nextYear.point, ref.pointYear)).toBeLessThan(1e-6);
		const [q025, q10, q90, q975] = ref.quantilesYear;
		close(fit.nextYear.lower95, q025!);
		close(fit.nextYear.lower80, q10!);
		close(fit.nextYear.upper80, q90!);
		close(fit.nextYear.upper95, q975!, tail);
	});
});

describe('negativeBinomialGlm', () => {
	it('returns null for a design it cannot fit (collinear columns)', () => {
		const y = [3, 5, 4, 6];
		const x = y.map((_, i) => [1, i, 2 * i]);
		expect(negativeBinomialGlm(y, x, [0, 0, 0, 0])).toBeNull();
	});
});
