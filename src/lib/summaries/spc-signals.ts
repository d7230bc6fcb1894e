import { formatPeriod } from '$lib/format/period';
import { shiftRule, trendRule, twoInThreeRule, type XmrPoint } from '$lib/stats';
import type { SpcSeries } from '$lib/transform/spc-series';
import { formatLevel, formatValue, type Measure } from './measures';

/** A special cause found by the XmR rules, in words. */
export interface SpcSignal {
	kind: 'special-cause';
	rule: 'shift' | 'trend' | 'outside' | 'two-in-three';
	direction: 'high' | 'low';
	measure: Measure['key'];
	area: string;
	/** First and last period of the run. */
	start: string;
	end: string;
	length: number;
	/** The run includes the latest period used for the limits. */
	current: boolean;
	/** The full sentence, with the mean or limit and the rule. */
	text: string;
	/** A short active title: "Referrals in Fenland have been above the mean for 9 months in a row". */
	headline: string;
	/** A phrase for a list by area: "9 months above the mean since February 2026". */
	short: string;
}

interface Run {
	from: number;
	to: number;
}

/** Maximal runs of consecutive flagged positions, split where `key` changes. */
function runs(flags: readonly boolean[], key: (index: number) => number = () => 0): Run[] {
	const found: Run[] = [];
	flags.forEach((flag, index) => {
		const last = found.at(-1);
		if (!flag) return;
		if (last && last.to === index - 1 && key(last.to) === key(index)) last.to = index;
		else found.push({ from: index, to: index });
	});
	return found;
}

const unit = (grain: 'month' | 'quarter', n: number) => `${grain}${n === 1 ? '' : 's'}`;

function list(items: readonly string[]): string {
	return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Periods in words; months of one year share it: "June, July and August 2026", "November 2025 and May 2026". */
export function listPeriods(periods: readonly string[], grain: 'month' | 'quarter'): string {
	const sameYear = grain === 'month' && new Set(periods.map((one) => one.slice(0, 4))).size === 1;
	if (!sameYear || periods.length < 2) return list(periods.map((one) => formatPeriod(one, grain)));
	const names = periods.map((one) => formatPeriod(one, 'month').replace(/ \d{4}$/, ''));
	return `${list(names)} ${periods[0]!.slice(0, 4)}`;
}

/**
 * Every special cause in one XmR series, in plain English: each run of the shift rule (7 or more points on
 * one side of the mean), of the trend rule (7 points rising or falling), and the points beyond a process
 * limit or 2 of 3 beyond a near limit that no reported shift already covers. The rules are the ones
 * `$lib/stats` xmr applies (Making Data Count), evaluated separately so each run is named once.
 */
export function spcSignals(series: SpcSeries, measure: Measure, subject: string): SpcSignal[] {
	const result = series.xmr;
	if (!result || result.points.length === 0) return [];
	const points: XmrPoint[] = result.points;
	const values = points.map((point) => point.value);
	const sides = points.map((point) => point.side);
	const shift = shiftRule(sides);
	const trend = trendRule(values);
	const twoInThree = twoInThreeRule(
		points.map((point) => point.closeToLimits),
		sides
	);
	const outside = points.map((point) => point.outsideLimits);
	const last = points.length - 1;
	const period = (position: number) => series.points[series.included[position]!]!.period;
	const label = (position: number) => formatPeriod(period(position), series.grain);
	const grain = series.grain;
	const verb = (now: boolean) => (measure.plural ? (now ? 'have been' : 'were') : now ? 'has been' : 'was');
	const signal = (
		rule: SpcSignal['rule'],
		direction: 'high' | 'low',
		run: Run,
		text: string,
		headline: string,
		short: string
	): SpcSignal => ({
		kind: 'special-cause',
		rule,
		direction,
		measure: measure.key,
		area: series.area,
		start: period(run.from),
		end: period(run.to),
		length: run.to - run.from + 1,
		current: run.to === last,
		text,
		headline,
		short
	});
	const signals: SpcSignal[] = [];

	const shiftRuns = runs(shift, (index) => sides[index]!);
	const inShift = (index: number) => shiftRuns.some((run) => index >= run.from && index <= run.to);
	for (const run of shiftRuns) {
		const high = sides[run.from] === 1;
		const n = run.to - run.from + 1;
		const now = run.to === last;
		const beyondAt: number[] = [];
		for (let index = run.from; index <= run.to; index++) if (outside[index]) beyondAt.push(index);
		const beyond = beyondAt.length;
		const mean = formatLevel(measure, points[run.from]!.mean);
		const level = measure.kind === 'count' ? `${mean} a ${grain}` : mean;
		const when = now ? `since ${label(run.from)}` : `${label(run.from)} to ${label(run.to)}`;
		// Name the periods beyond the limit (a summer peak inside a shift is a finding of its own).
		const side = high ? 'upper' : 'lower';
		const extra =
			beyond === 0
				? ''
				: beyond <= 4
					? `; beyond the ${side} limit in ${listPeriods(beyondAt.map(period), grain)}`
					: `; ${beyond} ${unit(grain, beyond)} beyond the ${side} limit`;
		signals.push(
			signal(
				'shift',
				high ? 'high' : 'low',
				run,
				`${subject} ${verb(now)} ${high ? 'above' : 'below'} the mean (${level}) for ${n} ${unit(grain, n)} in a row, ${when} (special cause: shift${extra}).`,
				`${subject} ${verb(now)} ${high ? 'above' : 'below'} the mean for ${n} ${unit(grain, n)} in a row${now ? '' : `, to ${label(run.to)}`}`,
				`${n} ${unit(grain, n)} ${high ? 'above' : 'below'} the mean ${when}`
			)
		);
	}

	// A trend point's direction comes from its right-hand neighbour when that is in a trend too, else from
	// its left (as the stats module labels it), so a run's last point stays in the run.
	const step = (index: number) => {
		const right = index + 1 < values.length && trend[index + 1];
		const change = right
			? values[index + 1]! - values[index]!
			: index === 0
				? 0
				: values[index]! - values[index - 1]!;
		return Math.sign(change);
	};
	for (const run of runs(trend, step)) {
		const rising = values[run.to]! > values[run.from]!;
		const n = run.to - run.from + 1;
		const now = run.to === last;
		const every = `${grain} on ${grain}`;
		const moved = now
			? `${measure.plural ? 'have' : 'has'} ${rising ? 'risen' : 'fallen'} ${every} for ${n} ${unit(grain, n)}, since ${label(run.from)}`
			: `${rising ? 'rose' : 'fell'} ${every} for ${n} ${unit(grain, n)}, ${label(run.from)} to ${label(run.to)}`;
		signals.push(
			signal(
				'trend',
				rising ? 'high' : 'low',
				run,
				`${subject} ${moved}, from ${formatValue(measure, values[run.from]!)} to ${formatValue(measure, values[run.to]!)} (special cause: trend).`,
				`${subject} ${now ? (measure.plural ? 'have' : 'has') + ' ' + (rising ? 'risen' : 'fallen') : rising ? 'rose' : 'fell'} ${every} for ${n} ${unit(grain, n)}${now ? '' : `, to ${label(run.to)}`}`,
				`${rising ? 'rising' : 'falling'} ${every} for ${n} ${unit(grain, n)}, ${now ? `since ${label(run.from)}` : `${label(run.from)} to ${label(run.to)}`}`
			)
		);
	}

	const lone = (flags: readonly boolean[]) => flags.map((flag, index) => flag && !inShift(index));
	for (const run of runs(lone(outside), (index) => sides[index]!)) {
		const high = sides[run.from] === 1;
		const limit = high ? points[run.from]!.upl : points[run.from]!.lpl;
		const months = [];
		const names = [];
		for (let index = run.from; index <= run.to; index++) {
			months.push(`${label(index)} (${formatValue(measure, values[index]!)})`);
			names.push(label(index));
		}
		const now = run.to === last;
		signals.push(
			signal(
				'outside',
				high ? 'high' : 'low',
				run,
				`${subject} ${measure.plural ? 'were' : 'was'} ${high ? 'above the upper' : 'below the lower'} limit (${formatLevel(measure, limit ?? 0)}) in ${list(months)}${now ? ', the latest ' + grain : ''} (special cause: outside the limits).`,
				`${subject} ${measure.plural ? 'were' : 'was'} ${high ? 'above the upper' : 'below the lower'} limit in ${list(names)}`,
				`${high ? 'above the upper' : 'below the lower'} limit in ${list(names)}`
			)
		);
	}

	const nearFlags = lone(twoInThree).map((flag, index) => flag && !outside[index]);
	// Two flagged points of one 2-in-3 window can be one apart: join points up to two positions apart.
	const nearRuns: Run[] = [];
	nearFlags.forEach((flag, index) => {
		if (!flag) return;
		const previous = nearRuns.at(-1);
		if (previous && index - previous.to <= 2 && sides[previous.to] === sides[index]) previous.to = index;
		else nearRuns.push({ from: index, to: index });
	});
	for (const run of nearRuns) {
		const high = sides[run.from] === 1;
		const flagged = [];
		for (let index = run.from; index <= run.to; index++) if (nearFlags[index]) flagged.push(label(index));
		signals.push(
			signal(
				'two-in-three',
				high ? 'high' : 'low',
				run,
				`${subject} ${measure.plural ? 'were' : 'was'} close to the ${high ? 'upper' : 'lower'} limit in ${list(flagged)} (special cause: 2 of 3 ${unit(grain, 3)} beyond the warning limit).`,
				`${subject} ${measure.plural ? 'were' : 'was'} close to the ${high ? 'upper' : 'lower'} limit in ${list(flagged)}`,
				`close to the ${high ? 'upper' : 'lower'} limit in ${list(flagged)}`
			)
		);
	}

	return signals;
}

/** Current signals first, then the most recent, then the longest. */
export function orderSignals<S extends { current: boolean; end: string; length: number }>(
	signals: readonly S[]
): S[] {
	return [...signals].sort(
		(a, b) => Number(b.current) - Number(a.current) || b.end.localeCompare(a.end) || b.length - a.length
	);
}
