import { comparisonVerdict, type ComparisonVerdict } from './comparison-verdict';
import { regularizedGammaQ } from './regularized-gamma';
import { wilsonInterval } from './wilson-interval';

/** A count for one period, with the population at risk when it differs between periods. */
export interface PeriodCount {
	count: number;
	/** Population (e.g. children aged 10–17); omit for both periods to compare counts directly. */
	population?: number;
}

export interface RateComparison {
	/** Rates per multiplier (or the counts themselves when no populations are given). */
	current: number;
	previous: number;
	/** current ÷ previous; Infinity when the previous count is 0; null when both are 0. */
	ratio: number | null;
	lower: number | null;
	upper: number | null;
	/** Two-sided p-value of the score test that the rates are equal; null when both counts are 0. */
	pValue: number | null;
	verdict: ComparisonVerdict;
}

/**
 * Compares the rate in this period with another (previous quarter, or same quarter last year): the rate
 * ratio with a confidence interval by the conditional binomial method with a Wilson score interval.
 *
 * Given the total x₁ + x₂, the current count is binomial with probability π = λ₁n₁/(λ₁n₁ + λ₂n₂); the
 * Wilson interval for π maps to the ratio as π/(1 − π) · n₂/n₁ (Graham, Mengersen & Morton, Statistics in
 * Medicine 2003;22:2071–83). Chosen over the log-rate-ratio normal approximation because it stays valid
 * for the small and zero counts Sightline sees in a district-quarter (log(0) breaks the normal
 * approximation), and because it reuses the PHE-endorsed Wilson interval; the verdict is exactly the
 * score test's (the interval excludes 1 precisely when p < α). Tested against the Wilson reference values
 * it is built on (relative error ≤ 1e-9), closed-form cases and the verdict/p-value agreement.
 */
export function compareRates(
	current: PeriodCount,
	previous: PeriodCount,
	{ confidence = 0.95, multiplier = 10_000 }: { confidence?: number; multiplier?: number } = {}
): RateComparison {
	const hasPopulation = current.population !== undefined;
	if (hasPopulation !== (previous.population !== undefined)) {
		throw new RangeError('compareRates: give a population for both periods or for neither');
	}
	const n1 = current.population ?? 1;
	const n2 = previous.population ?? 1;
	const scale = hasPopulation ? multiplier : 1;
	for (const [x, n] of [
		[current.count, n1],
		[previous.count, n2]
	] as const) {
		if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError(`compareRates: counts must be >= 0, got ${x}`);
		if (!(n > 0) || !Number.isFinite(n))
			throw new RangeError(`compareRates: populations must be > 0, got ${n}`);
	}
	const x1 = current.count;
	const x2 = previous.count;
	const rates = { current: (x1 / n1) * scale, previous: (x2 / n2) * scale };
	const total = x1 + x2;
	const interval = wilsonInterval(x1, total, confidence);
	if (interval === null) {
		return { ...rates, ratio: null, lower: null, upper: null, pValue: null, verdict: 'cannot be calculated' };
	}
	const exposure = n2 / n1;
	const toRatio = (pi: number): number => (pi >= 1 ? Infinity : (pi / (1 - pi)) * exposure);
	const lower = toRatio(interval.lower);
	const upper = toRatio(interval.upper);
	const share = n1 / (n1 + n2);
	const z = (x1 - total * share) / Math.sqrt(total * share * (1 - share));
	return {
		...rates,
		ratio: x2 === 0 ? Infinity : x1 / n1 / (x2 / n2),
		lower,
		upper,
		pValue: regularizedGammaQ(0.5, (z * z) / 2),
		verdict: comparisonVerdict(lower, upper, 1)
	};
}
