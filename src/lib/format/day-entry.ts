import { formatMonth } from './date';

/**
 * A day typed as the UK writes it, dd/mm/yyyy, whatever the browser's locale: the period filter's date
 * boxes show and read this, while the URL keeps ISO (yyyy-mm-dd). Errors follow the GOV.UK Design System's
 * date input pattern: say what is wrong and how to put it right.
 */

/** The earliest and latest days a date box accepts (as the URL's `plausibleDay`). */
const first = 1900;
const last = 2099;

/** "2025-04-01" → "01/04/2025"; undefined (no day chosen) → "". */
export function dayEntryText(iso: string | undefined): string {
	if (iso === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return '';
	const [year, month, day] = iso.split('-');
	return `${day}/${month}/${year}`;
}

/** What a date box holds: nothing, a day (ISO), or an entry that is not one, with why. */
export type DayEntry =
	| { readonly kind: 'empty' }
	| { readonly kind: 'day'; readonly iso: string }
	| { readonly kind: 'error'; readonly message: string };

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Reads a typed day: "1/4/2025", "01-04-2025", "01.04.2025", "01 04 2025", eight digits "01042025" (a phone's
 * number pad has no slash), or ISO "2025-04-01" (pasted from a link). Day first, always; a two-digit year is
 * never guessed. `name` starts the error messages ("From date must be a real date").
 */
export function parseDayEntry(text: string, name: string): DayEntry {
	const entry = text.trim();
	if (entry === '') return { kind: 'empty' };
	let parts: [string, string, string] | null = null;
	const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(entry);
	const packed = /^(\d{2})(\d{2})(\d{4})$/.exec(entry);
	const separated = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d+)$/.exec(entry);
	if (iso) parts = [iso[3]!, iso[2]!, iso[1]!];
	else if (packed) parts = [packed[1]!, packed[2]!, packed[3]!];
	else if (separated) parts = [separated[1]!, separated[2]!, separated[3]!];
	if (parts === null) {
		const pieces = entry.split(/[^0-9]+/).filter((piece) => piece !== '');
		return {
			kind: 'error',
			message:
				pieces.length > 0 && pieces.length < 3 && /^[\d/.\- ]+$/.test(entry)
					? `${name} date must include a day, month and year, as dd/mm/yyyy`
					: `Enter the ${name.toLowerCase()} date as dd/mm/yyyy, for example 01/04/2025`
		};
	}
	const [dayText, monthText, yearText] = parts;
	if (yearText.length !== 4)
		return {
			kind: 'error',
			message: `Year must include 4 numbers, for example ${2000 + (Number(yearText) % 100)}`
		};
	const [day, month, year] = [Number(dayText), Number(monthText), Number(yearText)];
	if (month < 1 || month > 12)
		return { kind: 'error', message: `${name} date must be a real date: the month is 1 to 12` };
	if (day < 1 || day > daysIn(year, month))
		return {
			kind: 'error',
			message: `${name} date must be a real date: ${formatMonth(`${year}-${String(month).padStart(2, '0')}-01`)} has ${daysIn(year, month)} days`
		};
	if (year < first || year > last)
		return { kind: 'error', message: `${name} date must be between 1900 and 2099` };
	return {
		kind: 'day',
		iso: `${yearText}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
	};
}
