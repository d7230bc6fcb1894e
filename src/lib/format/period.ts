/**
 * en-GB labels for reporting periods: the one place a period gets its name, so every page says it the same
 * way. A board member should never meet "Q2 2026-27", "Jul to Sept 2026" and "Jul–Sept 2026" for the same
 * three months, so there are exactly two forms:
 *
 * - the long form, for sentences, captions and headings: "July–September 2026", "July 2026" (a dash, not
 *   "to", so that a span reads "January–March 2023 to July–September 2026");
 * - the short form, for axes, tips, table cells and lists of many periods: "Jul–Sept 2026", "Jul 2026".
 *
 * Quarters are calendar-aligned three-month blocks identified by their first day (yyyy-mm-dd) and named by
 * their months, never by a financial-quarter number (which needs the reader to know the year starts in
 * April). `formatFinancialQuarter` remains for the financial-year arithmetic's own tests and exports.
 * The arithmetic lives in domain/ (calendar.ts, financial-year.ts); this file only names periods.
 */
import { financialQuarter, financialYearLabel } from '$lib/domain/financial-year';
import { formatMonth, formatMonthName, formatShortMonth } from './date';

// Months are named by date.ts's formatters, so "July 2026" has one source whichever file names it.
const name = (date: Date, style: 'long' | 'short') => formatMonthName(date.getUTCMonth() + 1, style);

/** The first day of the calendar quarter containing `iso` (any day in it), as a Date at UTC midnight. */
function quarterStart(iso: string): Date {
	const year = Number(iso.slice(0, 4));
	const first = Math.floor((Number(iso.slice(5, 7)) - 1) / 3) * 3;
	return new Date(Date.UTC(year, first, 1));
}

/** "2026-07-01" → "Q2 2026-27" (financial quarter; not used in page text, see the file comment). */
export function formatFinancialQuarter(iso: string): string {
	const { quarter, startYear } = financialQuarter(iso);
	return `Q${quarter} ${financialYearLabel(startYear)}`;
}

/** Long form of a quarter (any day in it): "July–September 2026". */
export function formatQuarterMonths(iso: string): string {
	const start = quarterStart(iso);
	const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 2, 1));
	return `${name(start, 'long')}–${formatMonth(end)}`;
}

/** Short form of a quarter (any day in it): "2024-04-01" → "Apr–Jun 2024". */
export function formatQuarter(iso: string): string {
	const start = quarterStart(iso);
	const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 2, 1));
	return `${name(start, 'short')}–${name(end, 'short')} ${start.getUTCFullYear()}`;
}

/** Long form of a month or quarter by its first day: "July 2026" or "July–September 2026". */
export function formatPeriod(iso: string, grain: 'month' | 'quarter'): string {
	return grain === 'month' ? formatMonth(iso) : formatQuarterMonths(iso);
}

/** Short form for axes and tips: "Jul 2026" or "Jul–Sept 2026". */
export function formatShortPeriod(iso: string, grain: 'month' | 'quarter'): string {
	return grain === 'month' ? formatShortMonth(iso) : formatQuarter(iso);
}

/**
 * "between July–September 2025 and July–September 2026" in the long form, or "in July–September
 * 2026" when both ends are the same period, so a sentence never compares a period with itself.
 */
export function formatSpan(first: string, last: string, grain: 'month' | 'quarter'): string {
	const a = formatPeriod(first, grain);
	const b = formatPeriod(last, grain);
	return a === b ? `in ${a}` : `between ${a} and ${b}`;
}
