import { cholesky, choleskyInverse, choleskySolve } from './cholesky';

/** A fitted log-link count GLM (Poisson, or negative binomial with a known θ). */
export interface CountGlmFit {
	readonly coefficients: number[];
	/** (Xᵀ W X)⁻¹ at the fitted means: the coefficients' covariance with the dispersion fixed at 1. */
	readonly covariance: number[][];
	readonly fitted: number[];
	readonly deviance: number;
	readonly iterations: number;
	readonly converged: boolean;
}

export interface CountGlmInput {
	readonly y: readonly number[];
	/** Design matrix, one row per observation. */
	readonly x: readonly (readonly number[])[];
	readonly offset: readonly number[];
	/** Negative binomial size θ (variance μ + μ²/θ); Infinity gives the Poisson GLM. */
	readonly theta: number;
	/** Starting means (e.g. the previous fit's), otherwise R's family initialisation. */
	readonly start?: readonly number[];
	readonly epsilon?: number;
	readonly maxIterations?: number;
}

/** Unit deviance summed: Poisson, or negative binomial with size θ (R's `negative.binomial(θ)$dev.resids`). */
export function countDeviance(y: readonly number[], mu: readonly number[], theta: number): number {
	let dev = 0;
	for (let i = 0; i < y.length; i++) {
		const yi = y[i]!;
		const mi = mu[i]!;
		const term = yi > 0 ? yi * Math.log(yi / mi) : 0;
		dev += Number.isFinite(theta)
			? term - (yi + theta) * Math.log((yi + theta) / (mi + theta))
			: term - (yi - mi);
	}
	return 2 * dev;
}

/**
 * Iteratively reweighted least squares for a count GLM with log link, following R's `glm.fit`: start from
 * μ = y + 0.1 (Poisson) or y + 1/6 where y = 0 (negative binomial), working response z = η − offset + (y − μ)/μ,
 * weights μ / (1 + μ/θ), stop when |Δdeviance| / (|deviance| + 0.1) < ε (1e-10). Tested through
 * `negativeBinomialGlm` against R's `glm` and `MASS::glm.nb` (tests/fixtures/projection/reference.json).
 */
export function fitCountGlm(input: CountGlmInput): CountGlmFit | null {
	const { y, x, offset, theta } = input;
	const epsilon = input.epsilon ?? 1e-10;
	const maxIterations = input.maxIterations ?? 100;
	const n = y.length;
	const p = x[0]?.length ?? 0;
	let mu = input.start
		? [...input.start]
		: y.map((v) => (Number.isFinite(theta) ? v + (v === 0 ? 1 / 6 : 0) : v + 0.1));
	let eta = mu.map((m) => Math.log(m));
	let deviance = countDeviance(y, mu, theta);
	let coefficients = new Array<number>(p).fill(0);
	let factor: number[][] | null = null;
	let converged = false;
	let iterations = 0;
	while (iterations < maxIterations) {
		iterations++;
		const xtwx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
		const xtwz = new Array<number>(p).fill(0);
		for (let i = 0; i < n; i++) {
			const m = mu[i]!;
			const w = Number.isFinite(theta) ? m / (1 + m / theta) : m;
			const z = eta[i]! - offset[i]! + (y[i]! - m) / m;
			const row = x[i]!;
			for (let j = 0; j < p; j++) {
				xtwz[j]! += w * row[j]! * z;
				for (let k = 0; k <= j; k++) xtwx[j]![k]! += w * row[j]! * row[k]!;
			}
		}
		for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) xtwx[k]![j] = xtwx[j]![k]!;
		factor = cholesky(xtwx);
		if (!factor) return null;
		coefficients = choleskySolve(factor, xtwz);
		eta = x.map((row, i) => offset[i]! + row.reduce((sum, v, j) => sum + v * coefficients[j]!, 0));
		mu = eta.map((e) => Math.exp(e));
		const next = countDeviance(y, mu, theta);
		if (!Number.isFinite(next)) return null;
		if (Math.abs(next - deviance) / (Math.abs(next) + 0.1) < epsilon) {
			deviance = next;
			converged = true;
			break;
		}
		deviance = next;
	}
	// R reports the covariance from the last iteration's weights (those before the final update of μ).
	return {
		coefficients,
		covariance: choleskyInverse(factor!),
		fitted: mu,
		deviance,
		iterations,
		converged
	};
}
