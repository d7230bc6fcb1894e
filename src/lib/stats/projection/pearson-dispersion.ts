import { cholesky, choleskyInverse } from './cholesky';

/**
 * Negative binomial size θ by the degrees-of-freedom-corrected moment equation
 * Σ (y − μ)² / (μ + μ²/θ) = n − p (Breslow 1984; the Pearson estimator compared with ML by Saha and Paul 2005,
 * and by Lloyd-Smith 2007, who show ML θ̂ biased towards too little dispersion in small samples), solved by
 * bisection on log θ. Infinity when the Pearson χ² of the Poisson fit is already at most n − p (no
 * overdispersion to model).
 *
 * Why: with 8–12 periods and 5 parameters the ML θ̂ understates the spread, and the simulation test showed
 * 80% intervals holding only 64% of futures from negative binomial series; with this θ they hold 80%.
 */
export function pearsonTheta(y: readonly number[], mu: readonly number[], parameters: number): number {
	const df = y.length - parameters;
	if (df <= 0) return Infinity;
	const chi2 = (theta: number) =>
		y.reduce((sum, yi, i) => sum + (yi - mu[i]!) ** 2 / (mu[i]! + mu[i]! ** 2 / theta), 0);
	if (chi2(Infinity) <= df) return Infinity;
	// χ²(θ) increases with θ: find θ with χ²(θ) = df between 1e-4 and 1e8.
	let lo = Math.log(1e-4);
	let hi = Math.log(1e8);
	if (chi2(Math.exp(hi)) <= df) return Infinity;
	if (chi2(Math.exp(lo)) >= df) return Math.exp(lo);
	for (let i = 0; i < 100 && hi - lo > 1e-10; i++) {
		const mid = (lo + hi) / 2;
		if (chi2(Math.exp(mid)) < df) lo = mid;
		else hi = mid;
	}
	return Math.exp((lo + hi) / 2);
}

/** (Xᵀ W X)⁻¹ with negative binomial weights μ / (1 + μ/θ) at the fitted means; null if singular. */
export function countCovariance(
	x: readonly (readonly number[])[],
	mu: readonly number[],
	theta: number
): number[][] | null {
	const p = x[0]?.length ?? 0;
	const xtwx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
	x.forEach((row, i) => {
		const m = mu[i]!;
		const w = Number.isFinite(theta) ? m / (1 + m / theta) : m;
		for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) xtwx[j]![k]! += w * row[j]! * row[k]!;
	});
	const factor = cholesky(xtwx);
	return factor ? choleskyInverse(factor) : null;
}
