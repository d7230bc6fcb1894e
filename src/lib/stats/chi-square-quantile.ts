import { gammaQuantile } from './gamma-quantile';

/**
 * Quantile of the chi-square distribution with `df` degrees of freedom: χ²(p; df) = 2 · qgamma(p, df / 2).
 *
 * The PHE Technical Guide (Confidence Intervals, Appendix 2) writes the exact Poisson limits as
 * χ²(α/2; 2x)/2 and χ²(1 − α/2; 2x + 2)/2. Tested against R's qchisq at 1 df (χ²(0.95; 1) = 1.959963985²) and
 * through the exact Poisson limits against the PHEindicatormethods reference values.
 */
export function chiSquareQuantile(p: number, df: number): number {
	if (!(df > 0)) throw new RangeError(`chiSquareQuantile: df must be > 0, got ${df}`);
	return 2 * gammaQuantile(p, df / 2);
}
