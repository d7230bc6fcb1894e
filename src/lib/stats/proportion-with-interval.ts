import { wilsonInterval } from './wilson-interval';

export interface ProportionOptions {
	/** Two-sided confidence level as a fraction; default 0.95. */
	confidence?: number;
	/** Scale of the output: 1 for a proportion, 100 for a percentage; default 1. */
	multiplier?: number;
}

/** A statistic with its interval; every field is null when the statistic cannot be calculated. */
export interface Estimate {
	value: number | null;
	lower: number | null;
	upper: number | null;
}

/**
 * A proportion (or percentage) x/n × multiplier with its Wilson score interval, as PHEindicatormethods
 * `phe_proportion` computes it. A missing numerator or denominator, or n = 0, gives nulls (PHE returns NA)
 * rather than an exception, so a page can pass gaps straight through.
 *
 * Tested against every row of `phe/wilson-proportions.csv` (proportion of 1 and percentage, 95% and
 * 99.8%), relative error ≤ 1e-9, including the rows with blank numerator or denominator.
 */
export function proportionWithInterval(
	numerator: number | null,
	denominator: number | null,
	{ confidence = 0.95, multiplier = 1 }: ProportionOptions = {}
): Estimate {
	if (numerator === null || denominator === null || denominator === 0) {
		return { value: null, lower: null, upper: null };
	}
	// Published counts are perturbed independently (publication mode), so a part can exceed its whole: a
	// share is at most 100%.
	const part = Math.min(numerator, denominator);
	const interval = wilsonInterval(part, denominator, confidence);
	if (interval === null) return { value: null, lower: null, upper: null };
	return {
		value: (part / denominator) * multiplier,
		lower: interval.lower * multiplier,
		upper: interval.upper * multiplier
	};
}
