import { formatDay } from '$lib/format/date';
import { formatPeriod } from '$lib/format/period';
import { RARE_EVENT_MEAN } from '$lib/stats';
import type { SpcSeries } from '$lib/transform/spc-series';
import { formatLevel, type Measure } from './measures';
import { orderSignals, type SpcSignal } from './spc-signals';

/** Context a chart's title and summary need beyond the series. */
export interface SpcContext {
	measure: Measure;
	/** The area phrase for the overall series ("overall", "across the selected districts"). */
	subject: (series: SpcSeries) => string;
	/** The first and last day covered, to say how much of an incomplete period is in. */
	firstDay?: string;
	lastDay?: string;
}

/** Why a rare-event series has no limits and no verdict (`$lib/stats/rare-events`). */
export const rareNote = (grain: 'month' | 'quarter') =>
	`rare events (a mean under ${RARE_EVENT_MEAN} a ${grain}), so no SPC verdict: a single event or a run of empty ${grain}s would be flagged as a special cause. Try quarters or a wider group.`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Which periods are drawn but kept out of the limits, in words. */
function exclusions(
	series: readonly SpcSeries[],
	firstDay: string | undefined,
	lastDay: string | undefined
): string[] {
	const first = series[0];
	if (!first) return [];
	const notes: string[] = [];
	const incomplete = first.points.filter((point) => point.excluded === 'incomplete');
	for (const point of incomplete) {
		const isLast = point === first.points.at(-1);
		const bound = isLast
			? lastDay && ` (data to ${formatDay(lastDay)})`
			: firstDay && point === first.points[0] && ` (data from ${formatDay(firstDay)})`;
		notes.push(
			`${formatPeriod(point.period, first.grain)} is incomplete${bound || ''} and is not used for the limits.`
		);
	}
	const noLookback = first.points.filter((point) => point.excluded === 'no-lookback');
	if (noLookback.length > 0) {
		const from = formatPeriod(noLookback[0]!.period, first.grain);
		const to = formatPeriod(noLookback.at(-1)!.period, first.grain);
		notes.push(
			`${noLookback.length === 1 ? `${from} has` : `${from} to ${to} have`} no full 12-month look-back for repeats in the data and ${noLookback.length === 1 ? 'is' : 'are'} not used for the limits.`
		);
	}
	return notes;
}

/**
 * An active title and a one-sentence-per-point text alternative for an XmR chart of one series (the
 * overall chart) or several (districts as small multiples), generated from the numbers and the special
 * causes `spcSignals` found. Withheld SPC (publication mode) and incomplete periods are said in words.
 */
export function describeSpc(
	series: readonly SpcSeries[],
	signals: readonly SpcSignal[],
	context: SpcContext
): { title: string; summary: string } {
	const { measure } = context;
	const grain = series[0]?.grain ?? 'month';
	if (series.length === 0 || series.every((one) => one.points.length === 0))
		return {
			title: `${measure.label}: no data for these filters`,
			summary: 'No referrals match the current filters.'
		};
	const current = orderSignals(signals.filter((signal) => signal.current));
	const earlier = signals.length - current.length;
	const notes = exclusions(series, context.firstDay, context.lastDay);
	const withheld = series.filter((one) => one.withheld === 'suppressed');
	const hint = grain === 'month' ? ' Quarterly periods have larger counts and fewer suppressed.' : '';

	if (series.length === 1) {
		const one = series[0]!;
		const subject = context.subject(one);
		const period = one.xmr?.periods[0];
		const included = one.included.map((index) => one.points[index]!);
		const top = current[0];
		// Without a running special cause, name the most recent one of the last 12 periods, if any.
		const recentFrom = one.points[one.included.at(-12) ?? 0]?.period ?? '';
		const recent = orderSignals(signals.filter((signal) => !signal.current && signal.end >= recentFrom))[0];
		const title = top
			? top.headline
			: one.withheld
				? `${subject}: no SPC shown`
				: recent
					? `${recent.headline}; no special cause in the latest ${grain}`
					: `${subject}: no special cause in the latest ${grain}`;
		const parts: string[] = [];
		if (one.withheld === 'suppressed')
			parts.push(
				`${subject}: SPC is not shown because some counts are suppressed in publication mode.${hint}`
			);
		else if (one.withheld === 'too-few') parts.push(`${subject}: too few ${grain}s for SPC.`);
		else if (one.withheld === 'rare') parts.push(`${subject}: ${rareNote(grain)}`);
		else if (period && included.length > 0) {
			const limits =
				period.lpl !== null && period.upl !== null
					? `, process limits ${formatLevel(measure, Math.max(0, period.lpl))} to ${formatLevel(measure, period.upl)}`
					: '';
			const per = measure.kind === 'count' ? ` a ${grain}` : '';
			parts.push(
				`${subject}: mean ${formatLevel(measure, period.mean)}${per}${limits}, ${formatPeriod(one.limitsFrom ?? included[0]!.period, grain)} to ${formatPeriod(included.at(-1)!.period, grain)}${period.provisional ? ' (provisional limits: fewer than 12 points)' : ''}.`
			);
			parts.push(
				current.length > 0
					? current.map((signal) => signal.text).join(' ')
					: `Only common-cause variation in the latest ${grain}.`
			);
			if (earlier > 0) parts.push(`${plural(earlier, 'earlier special cause')} in the table.`);
		}
		return { title, summary: [...parts, ...notes].join(' ') };
	}

	const byArea = new Map<string, SpcSignal[]>();
	for (const signal of current) byArea.set(signal.area, [...(byArea.get(signal.area) ?? []), signal]);
	const flagged = series.filter((one) => byArea.has(one.area));
	const quiet = series.filter((one) => !byArea.has(one.area) && !one.withheld);
	const top = current[0];
	const title = top
		? `${top.headline}${flagged.length > 1 ? ` (and ${plural(flagged.length - 1, 'other district')} with a special cause)` : ''}`
		: withheld.length === series.length
			? `${measure.label} by district: SPC not shown in publication mode`
			: withheld.length > 0
				? `${measure.label} by district: no special cause in the latest ${grain} where SPC is shown (not shown for ${plural(withheld.length, 'district')} with suppressed counts)`
				: `No district shows a special cause in ${measure.label.toLowerCase()} in the latest ${grain}`;
	const parts: string[] = [];
	for (const one of flagged)
		parts.push(
			`${one.label}: special cause, ${byArea
				.get(one.area)!
				.map((signal) => signal.short)
				.join('; ')}.`
		);
	if (quiet.length > 0)
		parts.push(`${quiet.map((one) => one.label).join(', ')}: common-cause variation in the latest ${grain}.`);
	if (withheld.length > 0)
		parts.push(
			`SPC not shown for ${withheld.map((one) => one.label).join(', ')}: counts suppressed in publication mode.${hint}`
		);
	const rare = series.filter((one) => one.withheld === 'rare');
	if (rare.length > 0) parts.push(`${rare.map((one) => one.label).join(', ')}: ${rareNote(grain)}`);
	if (earlier > 0) parts.push(`${plural(earlier, 'earlier special cause')} in the table.`);
	return { title, summary: [...parts, ...notes].join(' ') };
}

/**
 * The text of a headline's sparkline: the span it covers and what SPC says about the latest point, from
 * the special causes still running in it.
 */
export function describeSparkline(series: SpcSeries, signals: readonly SpcSignal[], what: string): string {
	const first = series.points[0];
	const last = series.points.at(-1);
	if (!first || !last) return `${what}: no data.`;
	const span = `${what}, ${formatPeriod(first.period, series.grain)} to ${formatPeriod(last.period, series.grain)}`;
	if (series.withheld === 'suppressed') return `${span}: SPC not shown (small counts suppressed).`;
	if (series.withheld === 'too-few') return `${span}: too few ${series.grain}s for SPC.`;
	if (series.withheld === 'rare') return `${span}: ${rareNote(series.grain)}`;
	const running = orderSignals(signals.filter((signal) => signal.current && signal.area === series.area));
	return running.length > 0
		? `${span}: special cause, ${running.map((signal) => signal.short).join('; ')}.`
		: `${span}: common-cause variation in the latest ${series.grain}.`;
}
