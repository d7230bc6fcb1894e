/**
 * Measures of a generated extract, computed from its rows the way an analyst would (no generator internals),
 * shared by the magnitude and planted-signal tests.
 */
import { columnValues, type ColumnarTable } from '../../../data/generator/columnar-table';
import { addYears, dayFromIso } from '../../../data/generator/day-number';

export const strings = (table: ColumnarTable, name: string): string[] =>
	columnValues(table, name).map((value) => (value === null ? '' : String(value)));

export const numbers = (table: ColumnarTable, name: string): number[] =>
	columnValues(table, name).map((value) => Number(value));

export const share = <T>(values: readonly T[], test: (value: T) => boolean): number =>
	values.filter(test).length / values.length;

export const mean = (values: readonly number[]): number =>
	values.reduce((sum, v) => sum + v, 0) / values.length;

/** Counts by key, sorted by key. */
export function countBy(keys: readonly string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
	return new Map([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

/** yyyy-mm of every month from the first to the last (inclusive). */
export function monthsBetween(first: string, last: string): string[] {
	const months: string[] = [];
	let [year, month] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
	for (;;) {
		const key = `${year}-${String(month).padStart(2, '0')}`;
		months.push(key);
		if (key >= last.slice(0, 7)) return months;
		month++;
		if (month > 12) [year, month] = [year + 1, 1];
	}
}

/** Monthly counts of a date column (every month from first to last, zeros included), optionally filtered. */
export function monthly(
	dates: readonly string[],
	first: string,
	last: string,
	keep: (row: number) => boolean = () => true
): number[] {
	const counts = countBy(dates.filter((_, row) => keep(row)).map((date) => date.slice(0, 7)));
	return monthsBetween(first, last).map((month) => counts.get(month) ?? 0);
}

/**
 * Share of referrals that re-refer a child referred in the 12 months before (on or after the same date a
 * year earlier), among referrals on or after `from` (so that the year before them is inside the extract).
 */
export function repeatShare(referrals: ColumnarTable, from: string): number {
	const dates = strings(referrals, 'referral_date');
	const children = strings(referrals, 'child_id');
	const last = new Map<string, number>();
	let counted = 0;
	let repeats = 0;
	dates.forEach((date, row) => {
		const day = dayFromIso(date);
		const child = children[row] ?? '';
		const previous = last.get(child);
		if (date >= from) {
			counted++;
			if (previous !== undefined && previous >= addYears(day, -1)) repeats++;
		}
		last.set(child, day);
	});
	return repeats / counted;
}

/** XmR (NHS "Making Data Count"): centre line, upper limit and the longest run of points above the centre. */
export function xmr(values: readonly number[]): {
	centre: number;
	upper: number;
	longestRunAbove: number;
	trailingRunAbove: number;
} {
	const centre = mean(values);
	const ranges = values.slice(1).map((value, i) => Math.abs(value - (values[i] ?? 0)));
	const upper = centre + 2.66 * mean(ranges);
	let run = 0;
	let longestRunAbove = 0;
	for (const value of values) {
		run = value > centre ? run + 1 : 0;
		longestRunAbove = Math.max(longestRunAbove, run);
	}
	return { centre, upper, longestRunAbove, trailingRunAbove: run };
}
