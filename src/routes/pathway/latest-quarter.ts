import { formatPercent } from '$lib/format/number';
import { compareProportions } from '$lib/stats';
import { formatQuarterMonths } from '$lib/format/period';
import { quarterYearEarlier } from './quarter-label';

interface QuarterShare {
	period: string;
	series: string;
	numerator: number | null;
	denominator: number | null;
	incomplete: boolean;
}

/**
 * The latest complete quarter against the same quarter a year earlier for one series (Newcombe's interval
 * for the difference): e.g. "In July–September 2026, 35.0% … against 38.0% a year earlier (not significantly
 * different)". Null when either quarter is missing or suppressed.
 */
export function latestQuarterComparison(
	points: readonly QuarterShare[],
	series: string,
	words: string
): string | null {
	const own = points.filter((point) => point.series === series && !point.incomplete);
	const latest = own.at(-1);
	if (!latest) return null;
	const earlier = own.find((point) => point.period === quarterYearEarlier(latest.period));
	if (
		!earlier ||
		latest.numerator === null ||
		latest.denominator === null ||
		earlier.numerator === null ||
		earlier.denominator === null ||
		latest.denominator === 0 ||
		earlier.denominator === 0
	)
		return null;
	const comparison = compareProportions(
		{ numerator: latest.numerator, denominator: latest.denominator },
		{ numerator: earlier.numerator, denominator: earlier.denominator }
	);
	return `In ${formatQuarterMonths(latest.period)}, ${formatPercent(comparison.current!)} ${words}, against ${formatPercent(comparison.previous!)} a year earlier (${comparison.verdict})`;
}
