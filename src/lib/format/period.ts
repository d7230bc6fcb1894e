/**
 * en-GB labels for reporting periods. UK public-sector reporting uses financial years (1 April to 31
 * March): April to June is quarter 1. Periods are identified by their first day (yyyy-mm-dd).
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
