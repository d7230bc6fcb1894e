import { formatDecimal, formatDecimal2 } from '$lib/format/number';
import type { ProportionComparison, RateComparison } from '$lib/stats';
import { formatValue, type Measure } from './measures';

/** One side of a period comparison: the count (or numerator and denominator of a share) in a span. */
export interface ComparedPeriod {
	/** "July–September 2026" */
	label: string;
	/** The count, or the share as a fraction. */
	value: number;
}

/** A significant change between two periods, in words. */
export interface ChangeSignal {
	kind: 'change';
	direction: 'high' | 'low';
	measure: Measure['key'];
	area: string;
	/** Which comparison: "the previous quarter", "the same quarter a year earlier". */
	against: string;
	/** Changes are about the period shown, so always current. */
	current: true;
	end: string;
	length: number;
	text: string;
}

/** The interval of a comparison in words: a rate ratio, or a difference in percentage points. */
export function describeInterval(result: RateComparison | ProportionComparison): string {
	if ('ratio' in result) {
		if (result.ratio === null || result.lower === null || result.upper === null) return '';
		// With no events in the earlier period the ratio has no upper bound (Wilson's upper limit is 1).
		const unbounded = !Number.isFinite(result.upper) || !Number.isFinite(result.ratio);
		const upper = unbounded ? 'infinity' : formatDecimal2(result.upper);
		const ratio = Number.isFinite(result.ratio) ? formatDecimal2(result.ratio) : 'infinite';
		return `rate ratio ${ratio}, 95% confidence interval ${formatDecimal2(result.lower)} to ${upper}`;
	}
	if (result.difference === null || result.lower === null || result.upper === null) return '';
	const points = (value: number) =>
		`${value > 0 ? '+' : value < 0 ? '−' : ''}${formatDecimal(Math.abs(value * 100))}`;
	return `difference ${points(result.difference)} percentage points, 95% confidence interval ${points(result.lower)} to ${points(result.upper)}`;
}

/**
 * A significant period change as a signal, or null when the comparison is not significant (or cannot be
 * calculated). The verdict is `$lib/stats` compareRates / compareProportions, never judged by eye.
 */
export function changeSignal(
	measure: Measure,
	area: string,
	subject: string,
	current: ComparedPeriod & { to: string },
	against: string,
	previous: ComparedPeriod,
	result: RateComparison | ProportionComparison
): ChangeSignal | null {
	if (result.verdict !== 'significantly higher' && result.verdict !== 'significantly lower') return null;
	const higher = result.verdict === 'significantly higher';
	const verb = measure.plural ? 'were' : 'was';
	const interval = describeInterval(result);
	return {
		kind: 'change',
		direction: higher ? 'high' : 'low',
		measure: measure.key,
		area,
		against,
		current: true,
		end: current.to,
		length: 0,
		text: `${subject} ${verb} significantly ${higher ? 'higher' : 'lower'} in ${current.label} (${formatValue(measure, current.value)}) than in ${against}, ${previous.label} (${formatValue(measure, previous.value)})${interval ? `: ${interval}` : ''}.`
	};
}
