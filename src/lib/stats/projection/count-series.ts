/**
 * A count series to project: consecutive whole months or 3-month quarters, oldest first, complete periods
 * only (the caller drops a period still in progress). `start` is the first period's first month, `YYYY-MM`.
 */
export interface CountSeries {
	readonly grain: 'month' | 'quarter';
	readonly start: string;
	readonly counts: readonly number[];
}

export const periodsPerYear = (grain: CountSeries['grain']): number => (grain === 'quarter' ? 4 : 12);
export const monthsPerPeriod = (grain: CountSeries['grain']): number => (grain === 'quarter' ? 3 : 1);

/** Months since year 0 of a `YYYY-MM` label, and back. */
export function monthIndex(label: string): number {
	const match = /^(\d{4})-(\d{2})$/.exec(label);
	if (!match) throw new RangeError(`A period start must be YYYY-MM, got "${label}"`);
	const month = Number(match[2]);
	if (month < 1 || month > 12) throw new RangeError(`A period start must be YYYY-MM, got "${label}"`);
	return Number(match[1]) * 12 + month - 1;
}
export const monthLabel = (index: number): string =>
	`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** Calendar days in the `months` months from month index `from` (UTC, no time zone involved). */
export function daysIn(from: number, months: number): number {
	const start = Date.UTC(Math.floor(from / 12), from % 12, 1);
	const end = Date.UTC(Math.floor((from + months) / 12), (from + months) % 12, 1);
	return Math.round((end - start) / 86_400_000);
}
