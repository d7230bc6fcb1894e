import { chiSquareForTrend } from './chi-square-for-trend';
import { zForConfidence } from './z-for-confidence';

/** How many of the most recent points the Fingertips recent-trend test uses. */
export const RECENT_TREND_POINTS = 5;

export type RecentTrend = 'increasing' | 'decreasing' | 'no significant change' | 'cannot be calculated';

export interface RecentTrendResult {
	trend: RecentTrend;
	/** The chi-square statistic for trend over the last five points; null when not calculated. */
	chiSquare: number | null;
	/** Why this result (en-GB), for a tooltip or the methods page. */
	reason: string;
}

/** Ordinary least-squares slope of ys on 1, 2, …, k. */
function slope(ts: readonly number[], ys: readonly number[]): number {
	const k = ts.length;
	let st = 0;
	let sy = 0;
	let sty = 0;
	let stt = 0;
	for (let i = 0; i < k; i++) {
		const t = ts[i] as number;
		const y = ys[i] as number;
		st += t;
		sy += y;
		sty += t * y;
		stt += t * t;
	}
	return (k * sty - st * sy) / (k * stt - st * st);
}

/**
 * PHE Fingertips "recent trend" for a proportion: over the most recent five points, a chi-square test for
 * linear trend (scores 1–5) at 99.8% confidence (χ² > z² = 9.5495); a significant result is reported as
 * increasing or decreasing only if the trend survives the outlier check — the least-squares slope of
 * logit(pᵢ) on time has the same sign with all five points and with each one left out — otherwise "no
 * significant change". Fewer than five points, a missing value, a zero denominator, or no events (or only
 * events) in all five points give "cannot be calculated".
 *
 * Source: Fingertips trend markers (OHID, Public Health Technical Guidance) and its production
 * TrendMarkerCalculator; PHEindicatormethods `assign_trend_markers`. Where a point has 0 events or only
 * events its logit is infinite; Sightline then uses the empirical logit ln((x + ½)/(n − x + ½)) for that
 * point's slope check only (Fingertips does not define this case). Tested on the statistic's published
 * reference (see {@link chiSquareForTrend}) and on series built to be increasing, decreasing, flat, with an
 * outlier, with gaps and with fewer than five points.
 */
export function recentTrend(
	points: readonly { numerator: number | null; denominator: number | null }[],
	{ confidence = 0.998 }: { confidence?: number } = {}
): RecentTrendResult {
	const critical = zForConfidence(confidence) ** 2;
	if (points.length < RECENT_TREND_POINTS) {
		return { trend: 'cannot be calculated', chiSquare: null, reason: 'Fewer than five data points.' };
	}
	const recent = points.slice(-RECENT_TREND_POINTS);
	if (recent.some((p) => p.numerator === null || p.denominator === null)) {
		return {
			trend: 'cannot be calculated',
			chiSquare: null,
			reason: 'A value is missing in the last five points.'
		};
	}
	const xs = recent.map((p) => p.numerator as number);
	const ns = recent.map((p) => p.denominator as number);
	if (ns.some((n) => n === 0)) {
		return {
			trend: 'cannot be calculated',
			chiSquare: null,
			reason: 'A denominator is zero in the last five points.'
		};
	}
	const test = chiSquareForTrend(xs, ns);
	if (test === null) {
		return {
			trend: 'cannot be calculated',
			chiSquare: null,
			reason: 'No events, or only events, in the last five points.'
		};
	}
	if (!(test.chiSquare > critical)) {
		return { trend: 'no significant change', chiSquare: test.chiSquare, reason: 'No significant trend.' };
	}
	const ts = [1, 2, 3, 4, 5];
	const logits = xs.map((x, i) => {
		const n = ns[i] as number;
		return x === 0 || x === n ? Math.log((x + 0.5) / (n - x + 0.5)) : Math.log(x / (n - x));
	});
	const signOf = (s: number): 1 | -1 => (s < 0 ? -1 : 1);
	const overall = signOf(slope(ts, logits));
	const outlier = ts.some(
		(_, j) =>
			signOf(
				slope(
					ts.filter((_, i) => i !== j),
					logits.filter((_, i) => i !== j)
				)
			) !== overall
	);
	if (outlier) {
		return {
			trend: 'no significant change',
			chiSquare: test.chiSquare,
			reason: 'The trend depends on a single point (outlier found).'
		};
	}
	return {
		trend: overall > 0 ? 'increasing' : 'decreasing',
		chiSquare: test.chiSquare,
		reason: 'Significant trend with no outlier.'
	};
}
