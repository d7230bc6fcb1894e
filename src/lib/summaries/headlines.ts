import { formatCount } from '$lib/format/number';
import { distinctComparisons, type ComparisonWindows } from '$lib/domain/comparison-window';
import { changeSignal, type ChangeSignal } from './comparison-signals';
import { areaPhrase, formatValue, measures, type Measure } from './measures';
import { comparePeriods, type PeriodComparison, type SpanValue } from './period-comparison';
import { hidden } from './share';

/** Referral and episode counts of one area in one span (a row of the window-count metrics). */
export interface SpanCounts {
	span: string;
	area: string;
	referrals?: number;
	children?: number;
	repeat_referrals?: number;
	looked_after?: number;
	looked_after_known?: number;
	under_15?: number;
	episodes?: number;
	children_missing?: number;
}

interface HeadlineDefinition {
	measure: Measure;
	value: (row: SpanCounts) => Omit<SpanValue, 'days'>;
	/** Repeats need a 12-month look-back inside the data. */
	needsLookback?: boolean;
	/** Also compared per district. */
	byDistrict: boolean;
}

/** The overview's headline measures, in display order. */
export const headlineDefinitions: readonly HeadlineDefinition[] = [
	{ measure: measures.referrals, value: (row) => ({ count: row.referrals ?? 0 }), byDistrict: true },
	{ measure: measures.children, value: (row) => ({ count: row.children ?? 0 }), byDistrict: true },
	{
		measure: measures.repeat_share,
		value: (row) => ({ count: row.repeat_referrals ?? 0, denominator: row.referrals ?? 0 }),
		needsLookback: true,
		byDistrict: true
	},
	{
		measure: measures.looked_after_share,
		value: (row) => ({ count: row.looked_after ?? 0, denominator: row.looked_after_known ?? 0 }),
		byDistrict: false
	},
	{
		measure: measures.under_15_share,
		value: (row) => ({ count: row.under_15 ?? 0, denominator: row.referrals ?? 0 }),
		byDistrict: false
	},
	{ measure: measures.episodes, value: (row) => ({ count: row.episodes ?? 0 }), byDistrict: true }
];

export interface HeadlineFigure {
	measure: Measure;
	/** The current value as shown ("c" when suppressed). */
	value: string;
	/** The count behind a share, as shown: "120 of 410". */
	count: string;
	comparisons: PeriodComparison[];
}

export interface HeadlineOptions {
	publication: boolean;
	/** Spans starting before this day have no full 12-month look-back for repeats. */
	lookbackFrom: string;
}

const shownCount = (count: number, publication: boolean) =>
	hidden(count, publication) ? 'c' : formatCount(count);

/** One area's figure for a headline measure, compared with the previous span and a year earlier. */
export function headlineFigure(
	definition: HeadlineDefinition,
	rows: readonly SpanCounts[],
	area: string,
	windows: ComparisonWindows,
	options: HeadlineOptions
): HeadlineFigure | null {
	const find = (span: string) => rows.find((row) => row.span === span && row.area === area);
	const current = find('current');
	if (!current) return null;
	const { measure } = definition;
	const now = { ...definition.value(current), days: windows.current.days };
	const suppressed = hidden(now.count, options.publication);
	const share =
		now.denominator === undefined ? now.count : now.denominator > 0 ? now.count / now.denominator : null;
	const value = suppressed ? 'c' : share === null ? '–' : formatValue(measure, share);
	const count =
		now.denominator === undefined
			? shownCount(now.count, options.publication)
			: `${shownCount(now.count, options.publication)} of ${shownCount(now.denominator, options.publication)}`;
	const other = (span: 'previous' | 'yearAgo', against: string) => {
		const window = windows[span];
		const row = find(span === 'previous' ? 'previous' : 'year_ago');
		if (window === null || row === undefined)
			return comparePeriods(measure, now, null, against, { publication: options.publication });
		if (definition.needsLookback && window.from < options.lookbackFrom)
			return comparePeriods(measure, now, null, against, {
				publication: options.publication,
				unavailableLabel: 'no 12-month look-back in the data'
			});
		return comparePeriods(
			measure,
			now,
			{ ...definition.value(row), days: window.days, label: window.label },
			against,
			{ publication: options.publication }
		);
	};
	return {
		measure,
		value,
		count,
		comparisons: [other('previous', windows.previousName), other('yearAgo', windows.yearAgoName)]
	};
}

/** One row per span and area with the referral and the episode counts together. */
export function mergeSpanCounts(...tables: readonly (readonly SpanCounts[])[]): SpanCounts[] {
	const merged = new Map<string, SpanCounts>();
	for (const rows of tables)
		for (const row of rows) {
			const key = `${row.span}|${row.area}`;
			merged.set(key, { ...merged.get(key), ...row });
		}
	return [...merged.values()];
}

/**
 * Every significant change between the current span and the two it is compared with, for each headline
 * measure: all areas together, and each district for the measures compared by district.
 */
export function changeSignals(
	rows: readonly SpanCounts[],
	windows: ComparisonWindows,
	areas: readonly { area: string; label: string }[],
	allSelected: boolean,
	options: HeadlineOptions
): ChangeSignal[] {
	const signals: ChangeSignal[] = [];
	for (const definition of headlineDefinitions) {
		for (const { area, label } of areas) {
			if (area !== 'all' && !definition.byDistrict) continue;
			const figure = headlineFigure(definition, rows, area, windows, options);
			if (!figure) continue;
			const current = rows.find((row) => row.span === 'current' && row.area === area)!;
			const now = definition.value(current);
			const value =
				now.denominator === undefined ? now.count : now.denominator > 0 ? now.count / now.denominator : 0;
			const subject = `${definition.measure.noun} ${areaPhrase(area, label, allSelected)}`;
			const made = distinctComparisons(windows);
			for (const [index, comparison] of figure.comparisons.entries()) {
				// The year-earlier span of a 12-month window is the previous one: the same test, listed once.
				if (!made.includes(index === 0 ? 'previous' : 'yearAgo')) continue;
				if (comparison.result === null || comparison.value === null) continue;
				const signal = changeSignal(
					definition.measure,
					area,
					subject,
					{ label: windows.current.label, value, to: windows.current.to },
					comparison.against,
					{ label: comparison.label, value: comparison.value },
					comparison.result
				);
				if (signal) signals.push(signal);
			}
		}
	}
	return signals;
}
