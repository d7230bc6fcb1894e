import { specialCauseTypes, type Side, type SpecialCauseType } from './special-cause-rules';
import {
	pointType,
	variationIcon,
	type ImprovementDirection,
	type PointType,
	type VariationIcon
} from './variation-icon';
import { xmrLimits } from './xmr-limits';

/** Fewer points than this behind a set of limits and Making Data Count calls the limits provisional. */
export const PROVISIONAL_BELOW = 12;

export interface XmrOptions {
	/** Drop moving ranges ≥ 3.267·MR̄ before computing limits. Default false, as in the MDC Excel tool. */
	screenOutliers?: boolean;
	/** Fix each period's limits on its first k points (a baseline); later points are judged against them. */
	fixAfter?: number;
	/** Indices at which a new period starts and limits are recalculated (e.g. after a change in process). */
	breakPoints?: readonly number[];
	/** Which way is an improvement; decides improving/concerning. Default 'neither'. */
	improvementDirection?: ImprovementDirection;
}

export interface XmrPoint {
	index: number;
	value: number;
	/** Index into `periods`. */
	period: number;
	/** |xᵢ − xᵢ₋₁| within the period's baseline; null for its first point and after the baseline. */
	movingRange: number | null;
	/** True when this moving range was dropped by outlier screening. */
	movingRangeScreened: boolean;
	mean: number;
	lpl: number | null;
	upl: number | null;
	nearLpl: number | null;
	nearUpl: number | null;
	side: Side;
	outsideLimits: boolean;
	/** Beyond a near limit but not beyond the process limit. */
	closeToLimits: boolean;
	specialCauseType: SpecialCauseType;
	pointType: PointType;
}

export interface XmrPeriod {
	/** First index (inclusive) and end index (exclusive) in the series. */
	start: number;
	end: number;
	/** How many points the limits were calculated from. */
	baselineLength: number;
	mean: number;
	meanMovingRange: number | null;
	lpl: number | null;
	upl: number | null;
	nearLpl: number | null;
	nearUpl: number | null;
	/** Limits from fewer than 12 points. */
	provisional: boolean;
}

export interface XmrResult {
	points: XmrPoint[];
	periods: XmrPeriod[];
	/** True when any period's limits are provisional. */
	provisional: boolean;
	/** Plain-English (en-GB) warnings for the page to show beside the chart. */
	warnings: string[];
	/** The latest point's Making Data Count variation icon; null for an empty series. */
	variation: VariationIcon | null;
}

function periodBounds(n: number, breakPoints: readonly number[]): [number, number][] {
	for (const b of breakPoints) {
		if (!Number.isInteger(b) || b <= 0 || b >= n) {
			throw new RangeError(`xmr: break points must be whole indices between 1 and ${n - 1}, got ${b}`);
		}
	}
	const starts = [0, ...[...new Set(breakPoints)].sort((a, b) => a - b)];
	return starts.map((s, i) => [s, starts[i + 1] ?? n]);
}

/**
 * XmR (individuals) statistical process control chart as in NHS England "Making Data Count": per period,
 * centre line = mean, limits = mean ± 2.66·MR̄, near limits = mean ± (2/3)·2.66·MR̄; special-cause labels
 * (a point beyond a limit; 7-point trend, ties break it; 7-or-more-point shift, a point on the mean breaks
 * it; 2 of 3 beyond a near limit on one side), optional moving-range screening (off by default, as in the
 * MDC Excel tool; NHSRplotthedots screens by default), limits fixed after a baseline of k points and/or
 * recalculated from break points, provisional-limit warnings under 12 points, and the variation icon.
 *
 * Source: NHS England, Making Data Count (2019) and the SPC Excel tool; NHSRplotthedots `ptd_spc`
 * (`fix_after_n_points`, `rebase`, `screen_outliers`) at commit 050b07d7. Tested against every example in
 * `nhsrplotthedots/xmr-examples.json` (mean, MR̄, limits, near limits to relative error ≤ 1e-9 and every
 * point's `special_cause_type`), plus empty, single-point, constant, tied and on-the-mean series.
 */
export function xmr(values: readonly number[], options: XmrOptions = {}): XmrResult {
	const { screenOutliers = false, fixAfter, breakPoints = [], improvementDirection = 'neither' } = options;
	if (fixAfter !== undefined && (!Number.isInteger(fixAfter) || fixAfter < 1)) {
		throw new RangeError(`xmr: fixAfter must be a whole number >= 1, got ${fixAfter}`);
	}
	for (const v of values) {
		if (!Number.isFinite(v)) throw new RangeError(`xmr: values must be finite numbers, got ${v}`);
	}
	if (values.length === 0) {
		return { points: [], periods: [], provisional: false, warnings: [], variation: null };
	}

	const points: XmrPoint[] = [];
	const periods: XmrPeriod[] = [];
	const warnings: string[] = [];
	for (const [start, end] of periodBounds(values.length, breakPoints)) {
		const periodValues = values.slice(start, end);
		const baseline = periodValues.slice(0, fixAfter ?? periodValues.length);
		const limits = xmrLimits(baseline, { screenOutliers });
		const provisional = baseline.length < PROVISIONAL_BELOW;
		const p = periods.length;
		periods.push({
			start,
			end,
			baselineLength: baseline.length,
			mean: limits.mean,
			meanMovingRange: limits.meanMovingRange,
			lpl: limits.lpl,
			upl: limits.upl,
			nearLpl: limits.nearLpl,
			nearUpl: limits.nearUpl,
			provisional
		});
		if (provisional) {
			warnings.push(
				`Limits for points ${start + 1} to ${end} are provisional: they are based on ${baseline.length} ` +
					`point${baseline.length === 1 ? '' : 's'}, fewer than ${PROVISIONAL_BELOW}.`
			);
		}
		const sides = periodValues.map((y): Side => (y > limits.mean ? 1 : y < limits.mean ? -1 : 0));
		const outside = periodValues.map(
			(y) => limits.lpl !== null && limits.upl !== null && (y > limits.upl || y < limits.lpl)
		);
		const close = periodValues.map(
			(y, i) =>
				!outside[i] &&
				limits.nearLpl !== null &&
				limits.nearUpl !== null &&
				(y < limits.nearLpl || y > limits.nearUpl)
		);
		const types = specialCauseTypes(periodValues, sides, close, outside);
		periodValues.forEach((value, i) => {
			const type = types[i] as SpecialCauseType;
			points.push({
				index: start + i,
				value,
				period: p,
				movingRange: limits.movingRanges[i] ?? null,
				movingRangeScreened: limits.screened[i] ?? false,
				mean: limits.mean,
				lpl: limits.lpl,
				upl: limits.upl,
				nearLpl: limits.nearLpl,
				nearUpl: limits.nearUpl,
				side: sides[i] as Side,
				outsideLimits: outside[i] as boolean,
				closeToLimits: close[i] as boolean,
				specialCauseType: type,
				pointType: pointType(type, improvementDirection)
			});
		});
	}
	const latest = points[points.length - 1] as XmrPoint;
	return {
		points,
		periods,
		provisional: periods.some((p) => p.provisional),
		warnings,
		variation: variationIcon(latest.specialCauseType, improvementDirection)
	};
}
