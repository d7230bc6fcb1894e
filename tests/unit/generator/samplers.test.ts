import { describe, expect, it } from 'vitest';
import { createPrng } from '../../../data/generator/prng';
import {
	categorical,
	cumulative,
	gamma,
	logGamma,
	negativeBinomial,
	normal,
	poisson,
	uniformInt
} from '../../../data/generator/samplers';

const N = 40_000;
const moments = (values: number[]) => {
	const mean = values.reduce((s, v) => s + v, 0) / values.length;
	const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
	return { mean, variance };
};
const draws = (seed: string, sample: (rng: () => number) => number) => {
	const rng = createPrng(seed);
	return Array.from({ length: N }, () => sample(rng));
};

describe('samplers', () => {
	it('normal has mean 0 and variance 1', () => {
		const { mean, variance } = moments(draws('normal', (rng) => normal(rng)));
		expect(mean).toBeCloseTo(0, 1);
		expect(variance).toBeCloseTo(1, 1);
	});

	it.each([0.7, 4, 29, 30, 250])('poisson(%d) has mean and variance λ', (lambda) => {
		const values = draws(`poisson-${lambda}`, (rng) => poisson(rng, lambda));
		const { mean, variance } = moments(values);
		expect(values.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
		expect(mean).toBeCloseTo(lambda, lambda > 100 ? 0 : 1);
		expect(Math.abs(variance / lambda - 1)).toBeLessThan(0.05);
	});

	it('gamma(shape) has mean and variance equal to the shape, also below 1', () => {
		for (const shape of [0.5, 1.2, 5]) {
			const { mean, variance } = moments(draws(`gamma-${shape}`, (rng) => gamma(rng, shape)));
			expect(Math.abs(mean / shape - 1)).toBeLessThan(0.03);
			expect(Math.abs(variance / shape - 1)).toBeLessThan(0.08);
		}
	});

	it('negative binomial has variance mean + mean²/size (a heavy tail)', () => {
		const { mean, variance } = moments(draws('nb', (rng) => negativeBinomial(rng, 6, 1.2)));
		expect(mean).toBeCloseTo(6, 0);
		expect(Math.abs(variance / (6 + 36 / 1.2) - 1)).toBeLessThan(0.1);
	});

	it('categorical draws in proportion to the weights', () => {
		const totals = cumulative([1, 0, 3, 6]);
		const counts = [0, 0, 0, 0];
		for (const index of draws('categorical', (rng) => categorical(rng, totals))) {
			counts[index] = (counts[index] ?? 0) + 1;
		}
		expect(counts[1]).toBe(0);
		expect((counts[2] ?? 0) / N).toBeCloseTo(0.3, 1);
		expect((counts[3] ?? 0) / N).toBeCloseTo(0.6, 1);
	});

	it('uniformInt covers both ends', () => {
		const values = new Set(draws('int', (rng) => uniformInt(rng, 3, 5)));
		expect([...values].sort()).toEqual([3, 4, 5]);
	});

	it('logGamma matches ln((n-1)!) and Γ(1/2) = √π', () => {
		expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 10);
		expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
	});
});
