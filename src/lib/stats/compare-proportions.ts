import { comparisonVerdict, type ComparisonVerdict } from './comparison-verdict';
import { wilsonInterval } from './wilson-interval';

export interface ProportionComparison {
	/** Proportions × multiplier; null when that period's denominator is 0. */
	current: number | null;
	previous: number | null;
	/** current − previous, × multiplier, with its interval. */
	difference: number | null;
	lower: number | null;
	upper: number | null;
	verdict: ComparisonVerdict;
}

/**
 * Compares a proportion in this period with another by the difference p₁ − p₂ and Newcombe's hybrid score
 * interval (method 10: each proportion's Wilson limits combined in quadrature). Higher/lower when the
 * interval excludes 0.
 *
 * Source: Newcombe RG, Statistics in Medicine 1998;17:873–890 (recommended with the Wilson interval in
 * the PHE Technical Guide's family of methods). Tested against Newcombe's Table II method-10 limits
 * (56/70 − 48/80, 9/10 − 3/10, 5/56 − 0/29, 0/10 − 0/20, 10/10 − 0/20; published to 4 decimal places) and
 * edge cases (x = 0, x = n, n = 0).
 */
export function compareProportions(
	current: { numerator: number; denominator: number },
	previous: { numerator: number; denominator: number },
	{ confidence = 0.95, multiplier = 1 }: { confidence?: number; multiplier?: number } = {}
): ProportionComparison {
	// Published counts are perturbed independently (publication mode), so a part can exceed its whole: a
	// share is at most 100%.
	const x1 = Math.min(current.numerator, current.denominator);
	const x2 = Math.min(previous.numerator, previous.denominator);
	const w1 = wilsonInterval(x1, current.denominator, confidence);
	const w2 = wilsonInterval(x2, previous.denominator, confidence);
	const p1 = current.denominator > 0 ? x1 / current.denominator : null;
	const p2 = previous.denominator > 0 ? x2 / previous.denominator : null;
	if (w1 === null || w2 === null || p1 === null || p2 === null) {
		return {
			current: p1 === null ? null : p1 * multiplier,
			previous: p2 === null ? null : p2 * multiplier,
			difference: null,
			lower: null,
			upper: null,
			verdict: 'cannot be calculated'
		};
	}
	const d = p1 - p2;
	const lower = d - Math.sqrt((p1 - w1.lower) ** 2 + (w2.upper - p2) ** 2);
	const upper = d + Math.sqrt((w1.upper - p1) ** 2 + (p2 - w2.lower) ** 2);
	return {
		current: p1 * multiplier,
		previous: p2 * multiplier,
		difference: d * multiplier,
		lower: lower * multiplier,
		upper: upper * multiplier,
		verdict: comparisonVerdict(lower, upper, 0)
	};
}
