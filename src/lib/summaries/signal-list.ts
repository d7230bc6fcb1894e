import { periodEnd, type Grain } from '$lib/domain/calendar';
import type { SpcSeries } from '$lib/transform/spc-series';
import type { ChangeSignal } from './comparison-signals';
import { areaPhrase, type Measure } from './measures';
import { spcSignals, type SpcSignal } from './spc-signals';

export type Signal = SpcSignal | ChangeSignal;

/** "Referrals in Fenland", "Missing episodes overall", "… across the selected districts". */
export function signalSubject(
	measure: Measure,
	series: Pick<SpcSeries, 'area' | 'label'>,
	allSelected: boolean
): string {
	return `${measure.noun} ${areaPhrase(series.area, series.label, allSelected)}`;
}

/** Every special cause in every series of every measure, each in words. */
export function collectSpcSignals(
	groups: readonly { measure: Measure; series: readonly SpcSeries[] }[],
	allSelected: boolean
): SpcSignal[] {
	return groups.flatMap(({ measure, series }) =>
		series.flatMap((one) => spcSignals(one, measure, signalSubject(measure, one, allSelected)))
	);
}

/** Signals grouped for the panel, each group ordered by recency, then length. */
export interface SignalGroups {
	/** Special causes still running at the latest period used for the limits. */
	running: SpcSignal[];
	/** Significant changes between the period shown and the periods it is compared with. */
	changes: ChangeSignal[];
	/** Other special causes during the period shown. */
	during: SpcSignal[];
	earlier: SpcSignal[];
}

/**
 * Group signals into special causes still running, significant changes of the period shown, other special
 * causes during that period, and earlier special causes.
 */
export function groupSignals(
	signals: readonly Signal[],
	span: { from: string; to: string } | null,
	grain: Grain
): SignalGroups {
	const during = (signal: SpcSignal) =>
		span !== null && signal.start <= span.to && periodEnd(signal.end, grain) >= span.from;
	const order = <S extends Signal>(list: S[]) =>
		list.sort((a, b) => b.end.localeCompare(a.end) || b.length - a.length || a.text.localeCompare(b.text));
	const groups: SignalGroups = { running: [], changes: [], during: [], earlier: [] };
	for (const signal of signals) {
		if (signal.kind === 'change') groups.changes.push(signal);
		else if (signal.current) groups.running.push(signal);
		else if (during(signal)) groups.during.push(signal);
		else groups.earlier.push(signal);
	}
	order(groups.running);
	order(groups.changes);
	order(groups.during);
	order(groups.earlier);
	return groups;
}
