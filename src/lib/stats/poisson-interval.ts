import { byarsLower, byarsUpper } from './byars-interval';
import { exactPoissonInterval } from './exact-poisson-interval';
import type { Interval } from './interval';

/** Counts below this use exact limits; from here on Byar's method (PHE Technical Guide). */
export const BYARS_THRESHOLD = 10;

export interface PoissonInterval extends Interval {
	method: 'exact' | 'byars';
}

/**
 * Confidence interval for a Poisson count: exact limits when x < 10, Byar's method when x ≥ 10, as in the
 * PHE Technical Guide: Confidence Intervals and PHEindicatormethods `phe_rate`. Any confidence level. Tested
 * against `phe/rates-exact-and-byar.csv` (relative error ≤ 1e-9) and at x = 0, 9 and 10 (the switch).
 */
export function poissonInterval(x: number, confidence = 0.95): PoissonInterval {
	if (x < BYARS_THRESHOLD) return { ...exactPoissonInterval(x, confidence), method: 'exact' };
	const lower = byarsLower(x, confidence);
	// Byar's lower limit is positive for every x ≥ 10 at any confidence a double can express (it would need
	// z > 9.3); the exact fallback only keeps the types honest.
	if (lower === null) return { ...exactPoissonInterval(x, confidence), method: 'exact' };
	return { lower, upper: byarsUpper(x, confidence), method: 'byars' };
}
