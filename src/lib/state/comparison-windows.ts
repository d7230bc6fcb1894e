import { formatDay, formatDayRange, formatMonth } from '$lib/format/date';
import { formatQuarterMonths } from '$lib/format/period';
import {
	addDays,
	addMonths,
	addYears,
	daysInclusive,
	isWholeMonths,
	monthsBetween,
	periodStart
} from '$lib/domain/calendar';
import type { ComparisonWindows, Window } from '$lib/domain/comparison-window';
import { periodPresets } from '$lib/domain/period-presets';

function span(from: string, to: string): Window {
	return { from, to, days: daysInclusive(from, to), label: windowLabel(from, to) };
}

/** A label for a span: a quarter by its months (long form), whole months, or days. */
export function windowLabel(from: string, to: string): string {
	if (isWholeMonths(from, to)) {
		const months = monthsBetween(from, to);
		if (months === 3 && periodStart(from, 'quarter') === from) return formatQuarterMonths(from);
		if (months === 1) return formatMonth(from);
		return `${formatMonth(from)} to ${formatMonth(to)}`;
	}
	return from === to ? formatDay(from) : formatDayRange(from, to);
}

/**
 * The period the overview reports and the two it is compared with. The filters decide the period; with no
 * period filter it is the latest complete financial quarter of the data. The current period is clipped to
 * the data (`first`..`last`, the first and last referral dates; the data is taken to start on the first
 * day of the first referral's month). A period of whole months is compared with the same number of whole
 * months before it; any other span with the same number of days before it. A comparison period that starts
 * before the data does is not offered (it would compare with days that have no records). Returns null when
 * the filters select no day inside the data.
 */
export function comparisonWindows(
	filters: { from?: string; to?: string },
	first: string,
	last: string
): ComparisonWindows | null {
	const dataStart = periodStart(first, 'month');
	let from: string;
	let to: string;
	const defaulted = filters.from === undefined && filters.to === undefined;
	if (defaulted) {
		const quarter = periodPresets(last).find((preset) => preset.id === 'latest-quarter');
		if (!quarter || quarter.from < dataStart) {
			from = dataStart;
			to = last;
		} else {
			({ from, to } = quarter);
		}
	} else {
		from = filters.from !== undefined && filters.from > dataStart ? filters.from : dataStart;
		to = filters.to !== undefined && filters.to < last ? filters.to : last;
	}
	if (from > to) return null;
	const covered = (candidate: Window) => (candidate.from >= dataStart ? candidate : null);
	let previous: Window;
	let previousName: string;
	if (isWholeMonths(from, to)) {
		const months = monthsBetween(from, to);
		previous = span(addMonths(from, -months), addDays(from, -1));
		previousName =
			months === 3 && periodStart(from, 'quarter') === from
				? 'the previous quarter'
				: months === 1
					? 'the previous month'
					: `the previous ${months} months`;
	} else {
		const days = daysInclusive(from, to);
		previous = span(addDays(from, -days), addDays(from, -1));
		previousName = `the previous ${days} days`;
	}
	const current = span(from, to);
	const yearAgo = isWholeMonths(from, to)
		? span(addMonths(from, -12), addDays(addMonths(addDays(to, 1), -12), -1))
		: span(addYears(from, -1), addYears(to, -1));
	const quarter =
		isWholeMonths(from, to) && monthsBetween(from, to) === 3 && periodStart(from, 'quarter') === from;
	const sameName = quarter ? 'quarter' : 'period';
	// A span of 12 months (or a year of days) has its previous period and its year-earlier period on the same
	// days: list it once, as the previous period, rather than compare with the same window twice.
	const sameWindow = previous.from === yearAgo.from && previous.to === yearAgo.to;
	return {
		current,
		previous: covered(previous),
		yearAgo: sameWindow ? null : covered(yearAgo),
		previousName,
		yearAgoName: `the same ${sameName} a year earlier`,
		defaulted
	};
}
