/**
 * en-GB date formatting. Dates in Sightline are calendar days (yyyy-mm-dd) with no time zone, so they are
 * parsed and formatted in UTC to avoid a day shifting at the British Summer Time boundary.
 */
const day = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});
const month = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonth = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2024-03-05" → Date at UTC midnight. */
export function parseIsoDay(iso: string): Date {
	return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

/** "2024-03-05" → "5 March 2024" */
export function formatDay(iso: string): string {
	return day.format(parseIsoDay(iso));
}

/** "2024-03-05", "2025-04-01" → "5 March 2024 to 1 April 2025" */
export function formatDayRange(from: string, to: string): string {
	return `${formatDay(from)} to ${formatDay(to)}`;
}

/** "2024-03-01" (or that day as a Date) → "March 2024" */
export function formatMonth(day: string | Date): string {
	return month.format(typeof day === 'string' ? parseIsoDay(day) : day);
}

/** "2024-03-01" → "Mar 2024" */
export function formatShortMonth(iso: string): string {
	return shortMonth.format(parseIsoDay(iso));
}

const monthNames = {
	long: new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }),
	short: new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' })
};

/** A calendar month by its number, without a year: (9, 'long') → "September", (9, 'short') → "Sept". */
export function formatMonthName(month: number, style: 'long' | 'short'): string {
	return monthNames[style].format(new Date(Date.UTC(2000, month - 1, 1)));
}

/** An instant as an ISO 8601 timestamp (UTC). */
export function isoTimestamp(epochMs: number): string {
	return new Date(epochMs).toISOString();
}
