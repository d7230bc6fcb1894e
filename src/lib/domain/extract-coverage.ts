import { addDays, daysInclusive } from './calendar';

/** Inclusive ISO days (yyyy-mm-dd): the first and last day an extract has records for. */
export interface DayRange {
	readonly from: string;
	readonly to: string;
}

/** Where an appended extract meets the data already loaded: days none covers, or days both cover. */
export interface CoverageJoin {
	readonly kind: 'gap' | 'overlap';
	readonly from: string;
	readonly to: string;
	readonly days: number;
}

/**
 * Longest run of days without a record that is still read as a quiet spell rather than a missing extract.
 * Extracts carry no declared period, only their records' dates, so a short run (a bank-holiday week) is
 * normal; more than a week between two monthly extracts is more likely a month's extract not loaded.
 */
export const quietDays = 7;

const earliest = (ranges: readonly DayRange[]) => ranges.map((r) => r.from).reduce((a, b) => (b < a ? b : a));
const latest = (ranges: readonly DayRange[]) => ranges.map((r) => r.to).reduce((a, b) => (b > a ? b : a));

/**
 * How `added` meets the days already loaded (their hull): a gap of more than `quietDays` days before or
 * after them, or the days both cover. Undefined when they meet end to end (or with a short quiet spell),
 * or when nothing is loaded yet.
 */
export function coverageJoin(loaded: readonly DayRange[], added: DayRange): CoverageJoin | undefined {
	if (loaded.length === 0) return undefined;
	const first = earliest(loaded);
	const last = latest(loaded);
	const gap = (from: string, to: string): CoverageJoin | undefined => {
		const days = daysInclusive(from, to);
		return days > quietDays ? { kind: 'gap', from, to, days } : undefined;
	};
	if (added.from > last) return gap(addDays(last, 1), addDays(added.from, -1));
	if (added.to < first) return gap(addDays(added.to, 1), addDays(first, -1));
	const from = added.from > first ? added.from : first;
	const to = added.to < last ? added.to : last;
	return { kind: 'overlap', from, to, days: daysInclusive(from, to) };
}

/**
 * The runs of more than `quietDays` days that no extract covers, between the first and last day loaded:
 * a period with days in one is only partly covered, so SPC leaves it out of its limits.
 */
export function uncoveredDays(ranges: readonly DayRange[]): DayRange[] {
	const sorted = [...ranges].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
	const gaps: DayRange[] = [];
	let reach: string | undefined;
	for (const range of sorted) {
		if (reach !== undefined && range.from > reach) {
			const from = addDays(reach, 1);
			const to = addDays(range.from, -1);
			if (daysInclusive(from, to) > quietDays) gaps.push({ from, to });
		}
		if (reach === undefined || range.to > reach) reach = range.to;
	}
	return gaps;
}
