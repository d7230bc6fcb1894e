/**
 * One problem found in one row, said so that an analyst can find the cell and fix it at source.
 *
 * Row numbers: `row` counts data rows from 1 (the first row after the heading row is row 1), so it is the
 * same for every format; `line` is where the row starts in the file as a text editor or spreadsheet shows
 * it (heading = line 1 when it is the first line), so a user can jump straight to it.
 */
export interface Issue {
	/** The file the row came from: several monthly extracts can be appended. */
	readonly file: string;
	/** Data row number, 1-based: the first row after the heading row is row 1. */
	readonly row: number;
	/** Line (text formats, NDJSON) or sheet row (XLSX) where the row starts; null when the format has none. */
	readonly line: number | null;
	/** The column heading as written in the file (or the contract label when the file has no such column). */
	readonly column: string;
	/** The contract field concerned; null for a problem with the row as a whole. */
	readonly field: string | null;
	/** The offending cell as text. A date of birth is never echoed back. */
	readonly value: string;
	/** Plain-English reason. */
	readonly reason: string;
}

/** Shown instead of a date of birth in issues, so the report never carries one. */
export const withheld = '[withheld]';

/** Longest cell text an issue repeats; a 10,000-character cell is summarised, not copied into the report. */
const maxValueLength = 120;

/** A cell as issue text: trimmed to a readable length, never a Date object or `[object Object]`. */
export function cellText(cell: unknown): string {
	if (cell === null || cell === undefined) return '';
	const text =
		cell instanceof Date
			? Number.isNaN(cell.getTime())
				? 'Invalid Date'
				: cell.toISOString().slice(0, 10)
			: typeof cell === 'object'
				? JSON.stringify(cell)
				: String(cell);
	return text.length > maxValueLength
		? `${text.slice(0, maxValueLength)}… (${text.length.toLocaleString('en-GB')} characters)`
		: text;
}
