/**
 * Calendar arithmetic on ISO days (yyyy-mm-dd), in UTC so a day never shifts at the British Summer Time
 * boundary. Reporting periods are calendar months or quarters; financial quarters (Apr–Jun = Q1) share
 * their boundaries with calendar quarters, so a quarter is identified by its first day either way.
 */
export type Grain = 'month' | 'quarter';

const DAY_MS = 86_400_000;

const toDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
const toIso = (date: Date) => date.toISOString().slice(0, 10);

/** `iso` plus `days` (negative to go back). */
export function addDays(iso: string, days: number): string {
	return toIso(new Date(toDate(iso).getTime() + days * DAY_MS));
}

/** Days from `from` to `to` inclusive (1 for the same day; 0 or less when `to` is before `from`). */
export function daysInclusive(from: string, to: string): number {
	return Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS) + 1;
}

/** The first day of the month `months` after the month containing `iso`. */
export function addMonths(iso: string, months: number): string {
	const date = toDate(iso);
	return toIso(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1)));
}

/** The same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(iso: string, years: number): string {
	const date = toDate(iso);
	const year = date.getUTCFullYear() + years;
	const lastDay = new Date(Date.UTC(year, date.getUTCMonth() + 1, 0)).getUTCDate();
	return toIso(new Date(Date.UTC(year, date.getUTCMonth(), Math.min(date.getUTCDate(), lastDay))));
}

/** First day of the month or quarter containing `iso`. */
export function periodStart(iso: string, grain: Grain): string {
	const date = toDate(iso);
	const month = date.getUTCMonth();
	const first = grain === 'month' ? month : month - (month % 3);
	return toIso(new Date(Date.UTC(date.getUTCFullYear(), first, 1)));
}

/** Last day of the period that starts on `start`. */
export function periodEnd(start: string, grain: Grain): string {
	// Field arithmetic rather than date parsing: this runs for every point of every series on a redraw.
	const lastMonth = Number(start.slice(5, 7)) - 1 + (grain === 'month' ? 0 : 2);
	const year = Number(start.slice(0, 4)) + Math.floor(lastMonth / 12);
	const month = lastMonth % 12;
	const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	return `${year}-${String(month + 1).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}

/** Every period start from the period containing `first` to the one containing `last`, inclusive. */
export function periodRange(first: string, last: string, grain: Grain): string[] {
	const periods: string[] = [];
	const end = periodStart(last, grain);
	for (
		let start = periodStart(first, grain);
		start <= end;
		start = addMonths(start, grain === 'month' ? 1 : 3)
	)
		periods.push(start);
	return periods;
}

/** Whether `from`..`to` is made of whole calendar months. */
export function isWholeMonths(from: string, to: string): boolean {
	return from.slice(8, 10) === '01' && addDays(to, 1).slice(8, 10) === '01' && from <= to;
}

/** Whole months from `from` to `to` (assumes {@link isWholeMonths}). */
export function monthsBetween(from: string, to: string): number {
	const a = toDate(from);
	const b = toDate(addDays(to, 1));
	return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
}
