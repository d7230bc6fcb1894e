import type { Interval } from './interval';
import { zForConfidence } from './z-for-confidence';

/**
 * Wilson score interval for a proportion x/n:
 * (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²)).
 *
 * Source: Wilson (1927); PHE Technical Guide: Confidence Intervals, Appendix 3; PHEindicatormethods
 * `wilson_lower`/`wilson_upper` (evaluated in the same order, so results agree to the last bits). Any
 * confidence level. Returns null when n = 0 (no proportion exists). x need not be whole (PHE test data
 * uses x = 0.445, n = 1). Limits are clamped to [0, 1]. Tested against `phe/wilson-proportions.csv` and `phe/byar-and-wilson-limits.csv`
 * (PHEindicatormethods test data), relative error ≤ 1e-9; x = 0 gives lower 0, x = n gives upper 1.
 */
export function wilsonInterval(x: number, n: number, confidence = 0.95): Interval | null {
	if (!Number.isFinite(x) || x < 0)
		throw new RangeError(`wilsonInterval: x must be a finite number >= 0, got ${x}`);
	if (!Number.isFinite(n) || n < 0)
		throw new RangeError(`wilsonInterval: n must be a finite number >= 0, got ${n}`);
	if (x > n) throw new RangeError(`wilsonInterval: x (${x}) must not exceed n (${n})`);
	const z = zForConfidence(confidence);
	if (n === 0) return null;
	const z2 = z * z;
	const root = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
	// Clamped to [0, 1]: at x = n rounding can otherwise leave the upper limit a hair above 1.
	return {
		lower: Math.max(0, (2 * x + z2 - root) / 2 / (n + z2)),
		upper: Math.min(1, (2 * x + z2 + root) / 2 / (n + z2))
	};
}
