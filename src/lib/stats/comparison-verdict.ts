/** Plain-English result of comparing this period with another, for headlines and tooltips. */
export type ComparisonVerdict =
	'significantly higher' | 'significantly lower' | 'not significantly different' | 'cannot be calculated';

/**
 * The verdict for an interval around a difference (null value 0) or a ratio (null value 1): higher when
 * the whole interval is above the null value, lower when the whole interval is below it.
 */
export function comparisonVerdict(lower: number, upper: number, nullValue: number): ComparisonVerdict {
	if (lower > nullValue) return 'significantly higher';
	if (upper < nullValue) return 'significantly lower';
	return 'not significantly different';
}
