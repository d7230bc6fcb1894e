import { zForConfidence } from './z-for-confidence';

function assertCount(x: number): void {
	if (!Number.isFinite(x) || x < 0)
		throw new RangeError(`Byar's method: x must be a finite number >= 0, got ${x}`);
}

/**
 * Byar's approximation to the lower confidence limit of a Poisson count: x(1 − 1/(9x) − z/(3√x))³.
 *
 * Source: Breslow & Day (1987), via the PHE Technical Guide: Confidence Intervals, Appendix 1, and
 * PHEindicatormethods `byars_lower`. Like that function it returns null (R: NA) where the formula goes
 * negative or is undefined (small x at high confidence, and x = 0). Tested against
 * `phe/byar-and-wilson-limits.csv` and the Byar rows of `phe/rates-exact-and-byar.csv`, relative error ≤ 1e-9.
 */
export function byarsLower(x: number, confidence = 0.95): number | null {
	assertCount(x);
	const z = zForConfidence(confidence);
	if (x === 0) return null;
	const lower = x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3;
	return lower < 0 ? null : lower;
}

/**
 * Byar's approximation to the upper confidence limit of a Poisson count:
 * (x + 1)(1 − 1/(9(x + 1)) + z/(3√(x + 1)))³. Source and tests as {@link byarsLower}.
 */
export function byarsUpper(x: number, confidence = 0.95): number {
	assertCount(x);
	const z = zForConfidence(confidence);
	return (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * Math.sqrt(x + 1))) ** 3;
}
