import { chiSquareQuantile } from './chi-square-quantile';
import type { Interval } from './interval';
import { assertConfidence } from './z-for-confidence';

/**
 * Exact (Garwood) confidence limits for a Poisson count x: lower = χ²(α/2; 2x)/2 (0 when x = 0),
 * upper = χ²(1 − α/2; 2x + 2)/2.
 *
 * Source: PHE Technical Guide: Confidence Intervals, Appendix 2; PHEindicatormethods `phe_rate`
 * (`qchisq((1-confidence)/2, 2*x)/2`, `qchisq(confidence+(1-confidence)/2, 2*x+2)/2`), with the same
 * arithmetic for α/2. Tested against the Exact rows of `phe/rates-exact-and-byar.csv` (x = 1 and 5 at 95%
 * and 99.8%), relative error ≤ 1e-9, and x = 0 (upper = −ln(α/2)).
 */
export function exactPoissonInterval(x: number, confidence = 0.95): Interval {
	if (!Number.isFinite(x) || x < 0) throw new RangeError(`exactPoissonInterval: x must be >= 0, got ${x}`);
	assertConfidence(confidence);
	return {
		lower: x === 0 ? 0 : chiSquareQuantile((1 - confidence) / 2, 2 * x) / 2,
		upper: chiSquareQuantile(confidence + (1 - confidence) / 2, 2 * x + 2) / 2
	};
}
