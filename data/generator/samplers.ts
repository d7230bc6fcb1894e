import type { Prng } from './prng';

/** Random variates drawn from a seeded {@link Prng}: each sampler is a pure function of the generator state. */

export const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

export const bernoulli = (rng: Prng, p: number): boolean => rng() < p;

/** Uniform integer in [min, max] inclusive. */
export const uniformInt = (rng: Prng, min: number, max: number): number =>
	min + Math.floor(rng() * (max - min + 1));

/** Standard normal by the Box–Muller transform (one value per call, no cached spare, so calls stay independent). */
export function normal(rng: Prng, mean = 0, sd = 1): number {
	const u1 = 1 - rng();
	const u2 = rng();
	return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9; relative error below 1e-13). */
export function logGamma(x: number): number {
	const c = [
		0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
		12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
	];
	if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
	const z = x - 1;
	let sum = c[0] ?? 0;
	for (let i = 1; i < 9; i++) sum += (c[i] ?? 0) / (z + i);
	const t = z + 7.5;
	return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * Poisson variate: Knuth's multiplication method for small means, Hörmann's PTRS transformed rejection
 * (W. Hörmann, "The transformed rejection method for generating Poisson random variables", 1993) above 30.
 */
export function poisson(rng: Prng, mean: number): number {
	if (!(mean > 0)) return 0;
	if (mean < 30) {
		const limit = Math.exp(-mean);
		let k = 0;
		let p = rng();
		while (p > limit) {
			k++;
			p *= rng();
		}
		return k;
	}
	const sqrtMean = Math.sqrt(mean);
	const logMean = Math.log(mean);
	const b = 0.931 + 2.53 * sqrtMean;
	const a = -0.059 + 0.02483 * b;
	const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
	const vr = 0.9277 - 3.6224 / (b - 2);
	for (;;) {
		const u = rng() - 0.5;
		const v = rng();
		const us = 0.5 - Math.abs(u);
		const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
		if (us >= 0.07 && v <= vr) return k;
		if (k < 0 || (us < 0.013 && v > us)) continue;
		if (
			Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <=
			-mean + k * logMean - logGamma(k + 1)
		) {
			return k;
		}
	}
}

/** Gamma(shape, 1) variate by Marsaglia and Tsang's method (ACM TOMS 26(3), 2000), boosted for shape < 1. */
export function gamma(rng: Prng, shape: number): number {
	if (shape < 1) return gamma(rng, shape + 1) * Math.pow(1 - rng(), 1 / shape);
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		let x: number;
		let v: number;
		do {
			x = normal(rng);
			v = 1 + c * x;
		} while (v <= 0);
		v = v * v * v;
		const u = 1 - rng();
		if (u < 1 - 0.0331 * x * x * x * x) return d * v;
		if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
	}
}

/**
 * Negative binomial variate with the given mean and size (dispersion) as a gamma–Poisson mixture:
 * variance = mean + mean² / size, so a small size gives the heavy tail of repeat missing episodes.
 */
export function negativeBinomial(rng: Prng, mean: number, size: number): number {
	if (!(mean > 0)) return 0;
	return poisson(rng, gamma(rng, size) * (mean / size));
}

/** Running totals of non-negative weights, for {@link categorical}. */
export function cumulative(weights: readonly number[]): Float64Array {
	const totals = new Float64Array(weights.length);
	let sum = 0;
	weights.forEach((weight, i) => {
		sum += Math.max(0, weight);
		totals[i] = sum;
	});
	return totals;
}

/** Index drawn with probability proportional to its weight, given the running totals (binary search). */
export function categorical(rng: Prng, totals: Float64Array): number {
	const target = rng() * (totals[totals.length - 1] ?? 0);
	let lo = 0;
	let hi = totals.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((totals[mid] ?? 0) > target) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}
