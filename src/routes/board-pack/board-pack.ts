import type { AreaReference } from '$lib/contract';
import { addMonths, periodEnd, periodStart } from '$lib/domain/calendar';
import type { Filters } from '$lib/domain/filters';
import { formatFinancialQuarter, formatQuarterMonths } from '$lib/format/period';
import type { ChartSpec } from '$lib/page/chart-spec';
import { measures } from '$lib/summaries/measures';
import type { Signal, SignalGroups } from '$lib/summaries/signal-list';

/** A quarter the pack can report on: one the data covers from its first day to its last. */
export interface PackQuarter {
	/** First day, yyyy-mm-dd. */
	start: string;
	/** Last day, yyyy-mm-dd. */
	end: string;
	/** "Q2 2026-27". */
	label: string;
	/** "July to September 2026". */
	months: string;
}

/**
 * The quarters the data covers completely, latest first: the pack reports whole quarters only, because a
 * part quarter compared with whole ones reads as a fall.
 */
export function completeQuarters(first: string | undefined, last: string | undefined): PackQuarter[] {
	if (!first || !last) return [];
	const quarters: PackQuarter[] = [];
	for (let start = periodStart(first, 'quarter'); start <= last; start = addMonths(start, 3)) {
		const end = periodEnd(start, 'quarter');
		if (start >= first.slice(0, 10) && end <= last.slice(0, 10))
			quarters.push({ start, end, label: formatFinancialQuarter(start), months: formatQuarterMonths(start) });
	}
	return quarters.reverse();
}

/** The quarter a pack link names, or the latest complete one. */
export function chosenQuarter(
	quarters: readonly PackQuarter[],
	start: string | null
): PackQuarter | undefined {
	return quarters.find((quarter) => quarter.start === start) ?? quarters[0];
}

/** The filters every section of the pack runs with: the quarter, and the partnership or one district. */
export function packFilters(quarter: PackQuarter | undefined, district: string | undefined): Filters {
	return {
		...(quarter ? { from: quarter.start, to: quarter.end } : {}),
		...(district ? { districts: [district] } : {})
	} as Filters;
}

/** What a pack link chooses, read from its query (`?quarter=2026-07-01&area=fenland`) and the loaded data. */
export interface PackChoice {
	quarters: PackQuarter[];
	quarter: PackQuarter | undefined;
	/** An area code of the loaded reference; undefined for the whole partnership. */
	area: string | undefined;
	areaName: string;
	/** The quarter: for counts. */
	filters: Filters;
	/** The two years to the quarter's end: for charts over time. */
	historyFilters: Filters;
}

export function packChoice(
	query: URLSearchParams,
	extent: { first_referral: string | null; last_referral: string | null } | undefined,
	areas: AreaReference
): PackChoice {
	const first = extent?.first_referral ?? undefined;
	const quarters = completeQuarters(first, extent?.last_referral ?? undefined);
	const quarter = chosenQuarter(quarters, query.get('quarter'));
	const asked = query.get('area');
	const area = asked ? areas.enumeration.codes.find((code) => code === asked) : undefined;
	return {
		quarters,
		quarter,
		area,
		areaName: area ? areas.label(area) : 'All districts',
		filters: packFilters(quarter, area),
		historyFilters: historyFiltersOf(quarter, area, first)
	};
}

/** One chart of a theme, as its page definition gives it (undefined until its data has loaded). */
export interface PackChart {
	spec: ChartSpec<object> | undefined;
	loading: boolean;
	/** Small multiples: printed up to a full page high. */
	tall?: boolean;
}

export interface PackSection {
	id: PackThemeId;
	title: string;
	charts: (PackChart & { spec: ChartSpec<object>; ref: string })[];
}

/** The themes in order, each with the charts that have drawn, numbered for the appendix ("A3"). */
export function numberedSections(charts: Record<PackThemeId, readonly PackChart[]>): PackSection[] {
	let number = 0;
	return packThemes.map((theme) => ({
		...theme,
		charts: charts[theme.id]
			.filter((chart): chart is PackChart & { spec: ChartSpec<object> } => chart.spec !== undefined)
			.map((chart) => ({ ...chart, ref: `A${++number}` }))
	}));
}

/** The running footer of every printed page. */
export function footerText(choice: PackChoice): string {
	return choice.quarter
		? `Sightline board pack · ${choice.areaName} · ${choice.quarter.label} (${choice.quarter.months}) · OFFICIAL`
		: '';
}

/** "board-pack-q2-2026-27.html" */
export function packFileName(quarter: PackQuarter): string {
	return `board-pack-${quarter.label.replace(/\s+/g, '-').toLowerCase()}.html`;
}

/** Months of history the pack's charts over time show, up to the end of the quarter. */
export const historyMonths = 24;

/**
 * The filters of the pack's charts over time: the {@link historyMonths} months to the end of the quarter
 * (or from the start of the data, if later), so the quarter is seen against its recent history.
 */
export function historyFiltersOf(
	quarter: PackQuarter | undefined,
	district: string | undefined,
	first: string | undefined
): Filters {
	if (!quarter) return packFilters(undefined, district);
	const start = addMonths(periodStart(quarter.end, 'month'), 1 - historyMonths);
	const dataStart = first ? periodStart(first, 'month') : start;
	return { ...packFilters(quarter, district), from: start > dataStart ? start : dataStart } as Filters;
}

/** A finding for the summary page: in plain words, with the statistical statement beside it. */
export interface PlainFinding {
	plain: string;
	technical: string;
	direction: 'high' | 'low';
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * One signal in words a board member reads without a statistics course. The SPC rules and significance
 * tests stay in `technical`, so the analyst's statement is one glance away.
 */
export function plainFinding(signal: Signal, areaName: (area: string) => string): PlainFinding {
	const measure = measures[signal.measure];
	const subject = `${measure.noun}${signal.area === 'all' ? '' : ` in ${areaName(signal.area)}`}`;
	const verb = measure.plural ? 'have' : 'has';
	const higher = signal.direction === 'high';
	if (signal.kind === 'change') {
		return {
			plain: `${subject} ${higher ? 'rose' : 'fell'} compared with ${signal.against}: a bigger change than chance alone would explain.`,
			technical: signal.text,
			direction: signal.direction
		};
	}
	const usual = higher ? 'higher than usual' : 'lower than usual';
	const plain =
		signal.rule === 'outside'
			? `${subject} ${verb} been ${usual}, beyond the range the past would lead us to expect (${lowerFirst(signal.short)}).`
			: `${subject} ${verb} been ${usual} (${lowerFirst(signal.short)}): a sustained change, not a one-off.`;
	return { plain, technical: signal.text, direction: signal.direction };
}

/**
 * What the board reads first: the quarter's changes and the special causes running in or during it (never
 * the earlier ones, which belong to past packs), each once.
 */
export function summaryFindings(groups: SignalGroups, areaName: (area: string) => string): PlainFinding[] {
	return [...groups.changes, ...groups.running, ...groups.during].map((signal) =>
		plainFinding(signal, areaName)
	);
}

/** The themes of the pack, in the order the board takes them. */
export const packThemes = [
	{ id: 'referrals', title: 'Referrals and children' },
	{ id: 'who', title: 'Who is referred' },
	{ id: 'indicators', title: 'Indicators of exploitation' },
	{ id: 'missing', title: 'Missing episodes and return interviews' },
	{ id: 'districts', title: 'Districts' },
	{ id: 'pathway', title: 'Pathway and interventions' }
] as const;
export type PackThemeId = (typeof packThemes)[number]['id'];
