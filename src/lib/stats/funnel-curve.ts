import type { FunnelLimits } from './funnel-limits';

/**
 * Funnel limits at `points` denominators spaced evenly on a log scale from `from` to `to`, for drawing the
 * funnel as lines (PHEindicatormethods `phe_funnels` draws 100 such points). `limitsAt` is
 * {@link proportionFunnelLimits} or {@link rateFunnelLimits} with the baseline bound in.
 */
export function funnelCurve(
	limitsAt: (denominator: number) => FunnelLimits,
	{ from, to, points = 100 }: { from: number; to: number; points?: number }
): FunnelLimits[] {
	if (!(from > 0) || !(to >= from) || !Number.isInteger(points) || points < 2) {
		throw new RangeError('funnelCurve: need 0 < from <= to and at least 2 whole points');
	}
	const ratio = Math.log(to / from) / (points - 1);
	return Array.from({ length: points }, (_, i) =>
		limitsAt(i === points - 1 ? to : from * Math.exp(ratio * i))
	);
}
