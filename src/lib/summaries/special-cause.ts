import type { SpcPoint, SpcSeries } from '$lib/transform/spc-series';

const words: Record<string, string> = {
	'Above UCL': 'above the upper limit',
	'Below LCL': 'below the lower limit',
	'7 Point Trend (Increasing)': 'part of a 7-point rising trend',
	'7 Point Trend (Decreasing)': 'part of a 7-point falling trend',
	'2 in 3 Above CL': '2 of 3 close to the upper limit',
	'2 in 3 Below CL': '2 of 3 close to the lower limit',
	'7 Points Above CL': 'part of a run of 7 or more above the mean',
	'7 Points Below CL': 'part of a run of 7 or more below the mean'
};

/** A Making Data Count special-cause label in plain English ("common cause" otherwise). */
export function describeSpecialCause(type: string | null): string {
	if (type === null) return '';
	return words[type] ?? 'common cause';
}

/** What SPC says about one point, for a table cell. */
export function describePoint(point: SpcPoint, series: Pick<SpcSeries, 'withheld'>): string {
	if (point.excluded === 'incomplete') return 'Incomplete period: not used for the limits';
	if (point.excluded === 'no-lookback') return 'No full 12-month look-back: not used for the limits';
	if (point.excluded === 'empty') return 'No referrals: not used for the limits';
	if (series.withheld === 'suppressed') return 'SPC not shown: counts suppressed';
	if (series.withheld === 'too-few') return 'Too few periods for SPC';
	if (series.withheld === 'rare') return 'Rare events: no SPC verdict';
	if (point.specialCause === null || point.signal === null) return 'Common cause';
	return `Special cause: ${describeSpecialCause(point.specialCause)}`;
}

export interface SpcTableRow {
	period: string;
	area: string;
	areaLabel: string;
	/** As published: null when suppressed. */
	value: number | null;
	mean: number | null;
	lpl: number | null;
	upl: number | null;
	spc: string;
	suppressed?: { value: 'c' | 'k' };
}

/** The rows of an XmR chart's table view and CSV: one per period and area, exactly what is drawn. */
export function spcTableRows(series: readonly SpcSeries[]): SpcTableRow[] {
	return series.flatMap((one) =>
		one.points.map((point) => ({
			period: point.period,
			area: one.area,
			areaLabel: one.label,
			value: point.value,
			mean: point.mean,
			lpl: point.lpl === null ? null : Math.max(0, point.lpl),
			upl: point.upl,
			spc: describePoint(point, one),
			...(point.value === null && point.symbol !== null ? { suppressed: { value: point.symbol } } : {})
		}))
	);
}
