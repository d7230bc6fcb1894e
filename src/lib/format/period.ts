/**
 * en-GB labels and arithmetic for reporting periods. UK public-sector reporting uses financial years (1 April
 * to 31 March, named "2024-25"): April to June is quarter 1. Quarters are calendar-aligned three-month
 * blocks identified by their first day (yyyy-mm-dd), so "Q1 2024-25" and "Apr–Jun 2024" name the same one.
 */
const month = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthOnly = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
const shortMonth = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

const parse = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** The financial quarter containing a day: 2026-07-01 → { quarter: 2, startYear: 2026 } (2026-27). */
export function financialQuarter(iso: string): { quarter: number; startYear: number } {
	const year = Number(iso.slice(0, 4));
	const monthNumber = Number(iso.slice(5, 7));
	const startYear = monthNumber >= 4 ? year : year - 1;
	return { quarter: Math.floor(((monthNumber + 8) % 12) / 3) + 1, startYear };
}

/** "2026-07-01" → "Q2 2026-27" */
export function formatFinancialQuarter(iso: string): string {
	const { quarter, startYear } = financialQuarter(iso);
	return `Q${quarter} ${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
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

/** 2024 → "2024-25" */
export function formatFinancialYear(startYear: number): string {
	return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** "2024-04-01" (any day in the quarter) → "Apr–Jun 2024" */
export function formatQuarter(iso: string): string {
	const year = Number(iso.slice(0, 4));
	const first = Math.floor((Number(iso.slice(5, 7)) - 1) / 3) * 3;
	const month = (index: number) => shortMonthName.format(new Date(Date.UTC(year, index, 1)));
	return `${month(first)}–${month(first + 2)} ${year}`;
}

/** First day (yyyy-mm-dd) of the quarter holding a day. */
export function quarterOf(iso: string): string {
	const month = Math.floor((Number(iso.slice(5, 7)) - 1) / 3) * 3 + 1;
	return `${iso.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
}

/** Last day (yyyy-mm-dd) of the quarter starting on a day. */
export function quarterEnd(quarterStart: string): string {
	const year = Number(quarterStart.slice(0, 4));
	const month = Number(quarterStart.slice(5, 7)) + 2;
	const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
	return `${year}-${String(month).padStart(2, '0')}-${day}`;
}

/** Every quarter start from the quarter holding `first` to the one holding `last`, inclusive. */
export function quarterRange(first: string, last: string): string[] {
	const quarters: string[] = [];
	let year = Number(first.slice(0, 4));
	let month = Number(quarterOf(first).slice(5, 7));
	const end = quarterOf(last);
	for (;;) {
		const key = `${year}-${String(month).padStart(2, '0')}-01`;
		if (key > end) break;
		quarters.push(key);
		month += 3;
		if (month > 12) {
			month = 1;
			year += 1;
		}
	}
	return quarters;
}

/** The financial year (its starting calendar year) of a day: 2025-03-31 → 2024. */
export function financialYearOf(iso: string): number {
	const year = Number(iso.slice(0, 4));
	return Number(iso.slice(5, 7)) < 4 ? year - 1 : year;
}

/**
 * The part of a financial year that lies between two days (inclusive), and whether it is the whole year:
 * the first and last years of an extract are usually part years.
 */
export function financialYearSpan(
	startYear: number,
	first: string,
	last: string
): { from: string; to: string; complete: boolean } {
	const start = `${startYear}-04-01`;
	const end = `${startYear + 1}-03-31`;
	const from = first > start ? first.slice(0, 10) : start;
	const to = last < end ? last.slice(0, 10) : end;
	return { from, to, complete: from === start && to === end };
}
