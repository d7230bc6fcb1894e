import type { DisclosureSymbol } from '$lib/publication/withheld';
import { isRareEventSeries, xmr, type SpecialCauseType, type XmrResult } from '$lib/stats';
import { periodEnd, type Grain } from '$lib/domain/calendar';

/**
 * Why a point is kept out of the limits and the special-cause rules: its period is only partly covered by
 * the data or the filters; it has no full 12-month look-back for repeat referrals; or a share has no
 * denominator (nothing referred).
 */
export type Exclusion = 'incomplete' | 'no-lookback' | 'empty';

export interface SpcInput {
	/** First day of the month or quarter. */
	period: string;
	/** The true value (a count, or a share as a fraction). */
	value: number;
	/** The value as published: null when suppressed (publication mode); defaults to `value`. */
	published?: number | null;
	symbol?: DisclosureSymbol | null;
	excluded?: Exclusion | null;
}

export interface SpcPoint {
	period: string;
	/** As shown: null when suppressed. */
	value: number | null;
	symbol: DisclosureSymbol | null;
	excluded: Exclusion | null;
	mean: number | null;
	lpl: number | null;
	upl: number | null;
	nearLpl: number | null;
	nearUpl: number | null;
	/** Making Data Count label; null for excluded points or when SPC is withheld. */
	specialCause: SpecialCauseType | null;
	/** Which side a special cause is on; null for common cause. */
	signal: 'high' | 'low' | null;
}

export interface SpcSeries {
	/** District code, or `all`. */
	area: string;
	label: string;
	grain: Grain;
	points: SpcPoint[];
	/** The XmR result over the included points; null when SPC is withheld. */
	xmr: XmrResult | null;
	/** Index in `points` of each point the XmR used, in order. */
	included: number[];
	/**
	 * Why no SPC is shown: a count in the baseline is suppressed, fewer than two points remain, or the counts
	 * are rare events (mean under `RARE_EVENT_MEAN` a period: no verdict, see `$lib/stats/rare-events`).
	 */
	withheld: 'suppressed' | 'too-few' | 'rare' | null;
	/** First period of the limits' baseline, when it starts before the first point shown (`windowSeries`). */
	limitsFrom?: string;
}

const directionOf = (type: SpecialCauseType): 'high' | 'low' | null =>
	/Above|Increasing/.test(type) ? 'high' : /Below|Decreasing/.test(type) ? 'low' : null;

/**
 * An XmR chart's data: `$lib/stats` xmr over the points that are not excluded (an incomplete period, or a
 * repeat-referral month without a full 12-month look-back), each point labelled. In publication mode SPC is
 * withheld when any point in the baseline is suppressed: limits and rule labels computed from hidden
 * counts could narrow them down (a point below a lower limit of 1.5 must be 1). A series of counts (`counts`)
 * whose mean is under 2 a period gets no verdict: rare events (`isRareEventSeries`).
 *
 * This is the one limit rule of every page: the limits come from every point given that is not excluded,
 * so a page passes every complete period from the start of the data to the end of the window it shows,
 * and the filter's window only chooses what is shown and summarised (`windowSeries`).
 */
export function spcSeries(
	area: string,
	label: string,
	grain: Grain,
	inputs: readonly SpcInput[],
	{ counts = false }: { counts?: boolean } = {}
): SpcSeries {
	const included = inputs.flatMap((input, index) => (input.excluded ? [] : [index]));
	const shown = (input: SpcInput) => (input.published === undefined ? input.value : input.published);
	const suppressed = included.some((index) => shown(inputs[index]!) === null);
	const rare = counts && isRareEventSeries(included.map((index) => inputs[index]!.value));
	const withheld = suppressed ? 'suppressed' : included.length < 2 ? 'too-few' : rare ? 'rare' : null;
	const result = withheld ? null : xmr(included.map((index) => inputs[index]!.value));
	const byIndex = new Map(included.map((index, position) => [index, result?.points[position]]));
	const points = inputs.map((input, index): SpcPoint => {
		const point = byIndex.get(index);
		return {
			period: input.period,
			value: shown(input),
			symbol: input.symbol ?? null,
			excluded: input.excluded ?? null,
			mean: point?.mean ?? null,
			lpl: point?.lpl ?? null,
			upl: point?.upl ?? null,
			nearLpl: point?.nearLpl ?? null,
			nearUpl: point?.nearUpl ?? null,
			specialCause: point?.specialCauseType ?? null,
			signal: point ? directionOf(point.specialCauseType) : null
		};
	});
	return { area, label, grain, points, xmr: result, included, withheld };
}

/**
 * The part of a series inside the window a page shows (periods ending on or after `from`), with the limits and labels
 * computed over the whole series: the filter's window chooses what is shown, never the limits. Special
 * causes are found on the whole series (`collectSpcSignals`) and kept where they reach into the window.
 */
export function windowSeries(series: SpcSeries, from: string | undefined): SpcSeries {
	if (from === undefined) return series;
	const first = series.points.findIndex((point) => periodEnd(point.period, series.grain) >= from);
	if (first === 0) return series;
	const start = first === -1 ? series.points.length : first;
	const baselineStart = series.included[0];
	return {
		...series,
		points: series.points.slice(start),
		included: series.included.filter((index) => index >= start).map((index) => index - start),
		...(baselineStart !== undefined && baselineStart < start && series.xmr
			? { limitsFrom: series.points[baselineStart]!.period }
			: {})
	};
}
