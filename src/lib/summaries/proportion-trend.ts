import { chiSquareForTrend } from '$lib/stats';

export type TrendDirection = 'rising' | 'falling' | 'no significant change' | 'cannot be calculated';

export interface ProportionTrend {
	direction: TrendDirection;
	/** Two-sided p-value of the chi-square test for trend; null when not calculated. */
	pValue: number | null;
	/** Periods used (those with a published numerator and a non-zero denominator). */
	periods: number;
}

/**
 * Is a share rising or falling across periods? The chi-square test for linear trend in proportions
 * (Cochran–Armitage, `$lib/stats` chiSquareForTrend) over every period with a published count, scored by
 * its position in time so gaps keep their spacing; significant when p < 1 − confidence. Needs three
 * periods. Use 0.998 when testing many series at once, as Fingertips does, to limit false alarms.
 */
export function proportionTrend(
	points: readonly { numerator: number | null; denominator: number | null; score: number }[],
	confidence = 0.95
): ProportionTrend {
	const usable = points.filter(
		(point): point is { numerator: number; denominator: number; score: number } =>
			point.numerator !== null && point.denominator !== null && point.denominator > 0
	);
	if (usable.length < 3) return { direction: 'cannot be calculated', pValue: null, periods: usable.length };
	const test = chiSquareForTrend(
		usable.map((point) => point.numerator),
		usable.map((point) => point.denominator),
		usable.map((point) => point.score)
	);
	if (test === null) return { direction: 'cannot be calculated', pValue: null, periods: usable.length };
	const significant = test.pValue < 1 - confidence;
	return {
		direction: !significant ? 'no significant change' : test.direction > 0 ? 'rising' : 'falling',
		pValue: test.pValue,
		periods: usable.length
	};
}

/** "p < 0.001", "p = 0.012", "p = 0.41". */
export function formatPValue(p: number): string {
	if (p < 0.001) return 'p < 0.001';
	if (p < 0.01) return `p = ${p.toFixed(3)}`;
	return `p = ${p.toFixed(2)}`;
}
