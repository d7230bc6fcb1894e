/** A two-sided confidence interval. `lower` ≤ `upper`, both on the scale of the statistic they bound. */
export interface Interval {
	lower: number;
	upper: number;
}

/** The two confidence levels Sightline shows: 95% (about 2 standard errors) and 99.8% (about 3). */
export const CONFIDENCE_95 = 0.95;
export const CONFIDENCE_99_8 = 0.998;
