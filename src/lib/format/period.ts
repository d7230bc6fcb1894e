/**
 * en-GB labels for reporting periods. Financial years run 1 April to 31 March and are named by both
 * calendar years ("2024-25"); quarters are named by their months, which is unambiguous whichever year
 * convention a reader uses.
 */
const shortMonth = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

/** 2024 → "2024-25" */
export function formatFinancialYear(startYear: number): string {
	return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** "2024-04-01" (any day in the quarter) → "Apr–Jun 2024" */
export function formatQuarter(iso: string): string {
	const year = Number(iso.slice(0, 4));
	const first = Math.floor((Number(iso.slice(5, 7)) - 1) / 3) * 3;
	const month = (index: number) => shortMonth.format(new Date(Date.UTC(year, index, 1)));
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
