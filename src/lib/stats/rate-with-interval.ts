import { poissonInterval } from './poisson-interval';
import type { Estimate } from './proportion-with-interval';

export interface RateOptions {
	/** Two-sided confidence level as a fraction; default 0.95. */
	confidence?: number;
	/** Rate per this many of the population; default 10,000 (Sightline's "per 10,000 children"). */
	multiplier?: number;
}

export interface RateEstimate extends Estimate {
	/** Which interval method applied: exact when the count is below 10, Byar's method otherwise. */
	method: 'exact' | 'byars' | null;
}

/**
 * A crude rate count / population × multiplier with its confidence interval: the count's Poisson interval
 * (exact when count < 10, Byar's method otherwise) divided by the population and multiplied up, as the PHE
 * Technical Guide and PHEindicatormethods `phe_rate` do (same order of operations). A missing count or
 * population, or a population of 0, gives nulls.
 *
 * Tested against every row of `phe/rates-exact-and-byar.csv` (per 100 and per 100,000; 95% and 99.8%),
 * relative error ≤ 1e-9, including blank rows and a count above its population (a rate, not a proportion).
 */
export function rateWithInterval(
	count: number | null,
	population: number | null,
	{ confidence = 0.95, multiplier = 10_000 }: RateOptions = {}
): RateEstimate {
	if (count === null || population === null || population === 0) {
		return { value: null, lower: null, upper: null, method: null };
	}
	if (!(population > 0) || !Number.isFinite(population)) {
		throw new RangeError(`rateWithInterval: population must be > 0, got ${population}`);
	}
	const interval = poissonInterval(count, confidence);
	return {
		value: (count / population) * multiplier,
		lower: (interval.lower / population) * multiplier,
		upper: (interval.upper / population) * multiplier,
		method: interval.method
	};
}
