/**
 * UK public-sector financial years run 1 April to 31 March and are named by both calendar years ("2024-25");
 * April to June is quarter 1. Days are ISO (yyyy-mm-dd); years are the calendar year the financial year
 * starts in. The one place that builds the "2024-25" name: period presets, format/, charts and summaries
 * all call {@link financialYearLabel}.
 */

/** The financial year (its starting calendar year) of a day: 2025-03-31 → 2024, 2025-04-01 → 2025. */
export function financialYearStart(iso: string): number {
	const year = Number(iso.slice(0, 4));
	return Number(iso.slice(5, 7)) >= 4 ? year : year - 1;
}

/** 2024 → "2024-25"; 1999 → "1999-00". */
export function financialYearLabel(startYear: number): string {
	return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The financial quarter containing a day: 2026-07-01 → { quarter: 2, startYear: 2026 } (2026-27). */
export function financialQuarter(iso: string): { quarter: number; startYear: number } {
	const monthNumber = Number(iso.slice(5, 7));
	return { quarter: Math.floor(((monthNumber + 8) % 12) / 3) + 1, startYear: financialYearStart(iso) };
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
