import type { SpcSeries } from '$lib/transform/spc-series';
import type { SpcSignal } from './spc-signals';

/**
 * What SPC series state as findings, without their numbers: for each area whether a verdict is given (or
 * why not) and the latest point's variation icon, and each special cause by area, rule, side and periods.
 * Two readings of the same series (published and true counts) agree on the verdict when these are equal.
 */
export function spcVerdict(series: readonly SpcSeries[], signals: readonly SpcSignal[]) {
	return {
		series: series.map((one) => [one.area, one.withheld, one.xmr?.variation?.type ?? null]),
		signals: signals.map((signal) => [signal.area, signal.rule, signal.direction, signal.start, signal.end])
	};
}

/** What a page says where publication mode changed an SPC verdict (publication/verdict-changed.ts). */
export const SPC_VERDICT_CHANGED =
	'Publication mode changed this verdict: the special causes or the variation found in the full data differ from those shown here, which come from the published counts.';
