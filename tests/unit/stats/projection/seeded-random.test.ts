import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/stats/projection';

/** Moments of 100,000 draws against the distributions' own (tolerances about 5 standard errors). */
const moments = (draw: () => number, n = 100_000) => {
	let sum = 0;
	let squares = 0;
	for (let i = 0; i < n; i++) {
		const x = draw();
		sum += x;
		squares += x * x;
	}
	const mean = sum / n;
	return { mean, variance: squares / n - mean * mean };
};

describe('seededRandom', () => {
	const random = seededRandom(42);

	it('repeats for a seed and differs between seeds', () => {
		const a = seededRandom(1);
		const b = seededRandom(1);
		const c = seededRandom(2);
		const first = [a.uniform(), a.uniform()];
		expect([b.uniform(), b.uniform()]).toEqual(first);
		expect(c.uniform()).not.toBe(first[0]);
	});

	it.each([0.5, 3, 40])('gamma(%s) has mean and variance equal to its shape', (shape) => {
		const { mean, variance } = moments(() => random.gamma(shape));
		expect(Math.abs(mean - shape)).toBeLessThan(5 * Math.sqrt(shape / 100_000));
		expect(Math.abs(variance / shape - 1)).toBeLessThan(0.05);
	});

	it.each([2.5, 29, 31, 250])('poisson(%s) has mean and variance equal to its mean', (lambda) => {
		const { mean, variance } = moments(() => random.poisson(lambda));
		expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / 100_000));
		expect(Math.abs(variance / lambda - 1)).toBeLessThan(0.05);
	});

	it.each([
		[100, 0.3],
		[40, 0.9]
	])('binomial(%s, %s) has mean np and variance np(1 − p)', (n, p) => {
		const { mean, variance } = moments(() => random.binomial(n, p));
		expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt((n * p * (1 - p)) / 100_000));
		expect(Math.abs(variance / (n * p * (1 - p)) - 1)).toBeLessThan(0.05);
	});
});
