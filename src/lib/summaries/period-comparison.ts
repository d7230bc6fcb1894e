import { compareProportions, compareRates, type ProportionComparison, type RateComparison } from '$lib/stats';
import { publishSingle } from '$lib/transform/publish-counts';
import { formatValue, type Measure } from './measures';

/** A measure in one span: a count, or a share's numerator and denominator. */
export interface SpanValue {
	count: number;
	denominator?: number;
	/** Days in the span: the exposure for comparing counts over spans of different lengths. */
	days: number;
}

export interface PeriodComparison {
	/** "the previous quarter" */
	against: string;
	/** The other span's label, e.g. "April–June 2026". */
	label: string;
	/** The other span's value as shown ("c" when suppressed; "–" when not available). */
	shown: string;
	/** The verdict, or why there is none. */
	verdict:
		| 'significantly higher'
		| 'significantly lower'
		| 'not significantly different'
		| 'cannot be calculated'
		| 'not available'
		| 'withheld';
	/** The other span's value (count or share); null when not available or withheld. */
	value: number | null;
	result: RateComparison | ProportionComparison | null;
}

const isSuppressed = (count: number) => publishSingle(count).symbol !== null;

/**
 * Compare a measure in the current span with another: counts by the rate ratio per day (`compareRates`
 * with days as the exposure, so a 92-day quarter is fairly compared with a 91-day one), shares by the
 * difference in proportions (`compareProportions`). In publication mode a comparison involving a count of
 * 1 to 5 is withheld; `reason` says when the other span is not available (before the data starts, or no
 * full 12-month look-back for repeats).
 */
export function comparePeriods(
	measure: Measure,
	current: SpanValue,
	other: (SpanValue & { label: string }) | null,
	against: string,
	{ publication, unavailableLabel = 'not in the data' }: { publication: boolean; unavailableLabel?: string }
): PeriodComparison {
	if (other === null)
		return {
			against,
			label: unavailableLabel,
			shown: '–',
			verdict: 'not available',
			value: null,
			result: null
		};
	const share = (span: SpanValue) =>
		span.denominator === undefined ? span.count : span.denominator > 0 ? span.count / span.denominator : null;
	const otherValue = share(other);
	if (publication && (isSuppressed(current.count) || isSuppressed(other.count)))
		return {
			against,
			label: other.label,
			shown: isSuppressed(other.count) ? 'c' : otherValue === null ? '–' : formatValue(measure, otherValue),
			verdict: 'withheld',
			value: null,
			result: null
		};
	const result =
		measure.kind === 'count'
			? compareRates(
					{ count: current.count, population: current.days },
					{ count: other.count, population: other.days }
				)
			: compareProportions(
					{ numerator: current.count, denominator: current.denominator ?? 0 },
					{ numerator: other.count, denominator: other.denominator ?? 0 }
				);
	return {
		against,
		label: other.label,
		shown: otherValue === null ? '–' : formatValue(measure, otherValue),
		verdict: result.verdict,
		value: otherValue,
		result
	};
}
