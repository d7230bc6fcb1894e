/**
 * en-GB labels for reporting periods. UK public-sector reporting uses financial years (1 April to 31 March,
 * named "2024-25"): April to June is quarter 1. Quarters are calendar-aligned three-month blocks identified by
 * their first day (yyyy-mm-dd), so "Q1 2024-25" and "Apr–Jun 2024" name the same one. The arithmetic lives in
 * domain/ (calendar.ts, financial-year.ts); this file only names periods.
 */
import { financialQuarter, financialYearLabel } from '$lib/domain/financial-year';

const month = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthOnly = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
const shortMonth = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

const parse = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** "2026-07-01" → "Q2 2026-27" */
export function formatFinancialQuarter(iso: string): string {
	const { quarter, startYear } = financialQuarter(iso);
	return `Q${quarter} ${financialYearLabel(startYear)}`;
}

/** The months of a quarter starting on `iso`: "July to September 2026" or "January to March 2027". */
export function formatQuarterMonths(iso: string): string {
	const start = parse(iso);
	const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 2, 1));
	return `${monthOnly.format(start)} to ${month.format(end)}`;
}

/** A month or financial quarter by its first day: "July 2026" or "Q2 2026-27". */
export function formatPeriod(iso: string, grain: 'month' | 'quarter'): string {
	return grain === 'month' ? month.format(parse(iso)) : formatFinancialQuarter(iso);
}

/** A short label for axes and tips: "Jul 2026" or "Q2 2026-27". */
export function formatShortPeriod(iso: string, grain: 'month' | 'quarter'): string {
	return grain === 'month' ? shortMonth.format(parse(iso)) : formatFinancialQuarter(iso);
}

const shortMonthName = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

/** "2024-04-01" (any day in the quarter) → "Apr–Jun 2024" */
export function formatQuarter(iso: string): string {
	const year = Number(iso.slice(0, 4));
	const first = Math.floor((Number(iso.slice(5, 7)) - 1) / 3) * 3;
	const month = (index: number) => shortMonthName.format(new Date(Date.UTC(year, index, 1)));
	return `${month(first)}–${month(first + 2)} ${year}`;
}
