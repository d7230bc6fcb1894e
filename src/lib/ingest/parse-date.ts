import { CellProblem, quoted } from './cell-problem';
import { excelSerialRange, excelSerialToIso } from './excel-serial-date';

/** Years accepted: anything else is a typo (0024, 2204) rather than a date in a children's services extract. */
export const yearRange = { min: 1900, max: 2099 } as const;

const months = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
];
const pad = (n: number) => String(n).padStart(2, '0');

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The ISO date of year/month/day, or why not. `written` is the cell as written, for the message. */
function fromParts(
	year: number,
	month: number,
	day: number,
	written: string,
	form: string
): string | CellProblem {
	if (month < 1 || month > 12 || day < 1 || day > daysIn(year, Math.min(Math.max(month, 1), 12))) {
		const monthFirst = form === 'dd/mm/yyyy' && month > 12 && day >= 1 && day <= 12 && month <= 31;
		return new CellProblem(
			`${quoted(written)} is not a valid ${form} date${monthFirst ? ` (there is no month ${month}: it looks month-first)` : ''}`,
			monthFirst
		);
	}
	if (year < yearRange.min || year > yearRange.max) {
		return new CellProblem(
			`${quoted(written)} has the year ${year}, outside ${yearRange.min}–${yearRange.max}`
		);
	}
	return `${year}-${pad(month)}-${pad(day)}`;
}

const isoPattern =
	/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const dayFirstPattern =
	/^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[T ]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?)?$/i;
const twoDigitYearPattern = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const yearFirstSlashPattern = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const compactPattern = /^(\d{4})(\d{2})(\d{2})$/;
const monthNamePattern = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?[\s,-]+(\d{4})$/i;
const serialPattern = /^\d{5}(?:\.\d+)?$/;

/**
 * Parses a date cell to ISO yyyy-mm-dd. Accepted: ISO (with or without a time), dd/mm/yyyy and d/m/yyyy
 * with `/`, `-` or `.`, yyyy/mm/dd, yyyymmdd, "5 Mar 2024", Excel serial numbers (1950–2099) and Date cells
 * from XLSX or Parquet (read in UTC, as the readers produce them). Never month-first: 12/25/2024 is
 * rejected, and 03/04/2024 is 3 April. Two-digit years are rejected, never guessed. Times are dropped.
 * The cell must not be a missing token (the field parser checks those first).
 */
export function parseDate(cell: string | number | boolean | Date): string | CellProblem {
	if (cell instanceof Date) {
		if (Number.isNaN(cell.getTime())) return new CellProblem('the cell holds an invalid date');
		return fromParts(
			cell.getUTCFullYear(),
			cell.getUTCMonth() + 1,
			cell.getUTCDate(),
			cell.toISOString().slice(0, 10),
			'calendar'
		);
	}
	if (typeof cell === 'boolean') return new CellProblem(`"${String(cell).toUpperCase()}" is not a date`);
	if (typeof cell === 'number') {
		return (
			excelSerialToIso(cell) ??
			new CellProblem(
				`${cell} is not a date (Excel serial dates ${excelSerialRange.min}–${excelSerialRange.max}, 1950 to 2099, are accepted)`
			)
		);
	}
	const text = cell.trim();
	let match: RegExpExecArray | null;
	if ((match = isoPattern.exec(text)))
		return fromParts(+match[1]!, +match[2]!, +match[3]!, text, 'yyyy-mm-dd');
	if ((match = dayFirstPattern.exec(text)))
		return fromParts(+match[4]!, +match[3]!, +match[1]!, text, 'dd/mm/yyyy');
	if (twoDigitYearPattern.test(text)) {
		return new CellProblem(`${quoted(text)} has a two-digit year: write the year in full (dd/mm/yyyy)`);
	}
	if ((match = yearFirstSlashPattern.exec(text)))
		return fromParts(+match[1]!, +match[2]!, +match[3]!, text, 'yyyy/mm/dd');
	if ((match = compactPattern.exec(text)))
		return fromParts(+match[1]!, +match[2]!, +match[3]!, text, 'yyyymmdd');
	if ((match = monthNamePattern.exec(text))) {
		const word = match[2]!.toLowerCase();
		const month = months.findIndex((name) => name.startsWith(word)) + 1;
		if (month > 0) return fromParts(+match[3]!, month, +match[1]!, text, 'd Month yyyy');
	}
	if (serialPattern.test(text)) return parseDate(Number(text));
	return new CellProblem(`${quoted(text)} is not a date: use dd/mm/yyyy or yyyy-mm-dd`);
}
