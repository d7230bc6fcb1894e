import type { Delimiter } from './detect-delimiter';
import type { HeadingRows } from './find-header-row';
import type { TextEncodingName } from './decode-text';
import type { Ssda903Reference } from './read-ssda903-reference';
import type { OutOfScope, RecognisedFormat } from './statutory-format';

/** A cell as a reader found it, before any contract parsing. XLSX gives Dates and numbers; CSV only strings. */
export type RawCell = string | number | boolean | Date | null;

/** The file formats the pipeline reads. */
export type TabularFormat = 'csv' | 'xlsx' | 'parquet' | 'json' | 'xml';

/** One data row as read: its cells in heading order and where it sits in the file (see `Issue`). */
export interface RawRow {
	readonly cells: readonly RawCell[];
	/** Data row number, 1-based (the first row after the heading row is 1). */
	readonly row: number;
	/** Line or sheet row where the row starts; null when the format has none. */
	readonly line: number | null;
	/** A problem the reader itself hit (a malformed quote, invalid JSON): the row is rejected with it. */
	readonly problem: string | null;
}

/** Rows in file order, in batches so a worker can report progress and honour cancel between them. */
export interface RawBatch {
	readonly rows: readonly RawRow[];
	/** Bytes of the file consumed so far (estimated for text formats). */
	readonly bytesRead: number;
}

/** A file read as a heading row plus data rows; every format reader produces this. */
export interface RawTable {
	readonly format: TabularFormat;
	readonly headers: readonly string[];
	readonly encoding: TextEncodingName | null;
	readonly delimiter: Delimiter | null;
	readonly sheet: string | null;
	/** File-level facts worth telling the user (the sheet chosen, a `sep=` line, a month-first hint). */
	readonly notes: readonly string[];
	readonly totalBytes: number;
	/** CSV and XLSX: the row the headings were taken from and the rows that could be chosen instead. */
	readonly headings?: HeadingRows;
	/** XLSX: every sheet of the workbook, so a caller can offer the choice. */
	readonly sheets?: readonly string[];
	/**
	 * Set by a reader that knows the format from its structure (CIN census XML, SSDA903 XML): what the file
	 * is, so the pipeline need not guess from headings.
	 */
	readonly recognised?: RecognisedFormat;
	/** Records read but outside Sightline's scope (CIN referrals with no exploitation factor), with why. */
	readonly outOfScope?: OutOfScope;
	/**
	 * Reference tables the file carries with its rows (an SSDA903 XML return's headers and periods of care),
	 * applied to its missing episodes exactly as the same tables given as separate files.
	 */
	readonly references?: readonly Ssda903Reference[];
	/** Single use: iterating twice is an error. */
	readonly batches: AsyncIterable<RawBatch>;
}

/** Whether a row holds nothing at all (Excel often exports trailing `,,,,` rows): skipped, not read. */
export function isBlankRow(cells: readonly RawCell[]): boolean {
	for (const cell of cells) {
		if (cell === null) continue;
		if (typeof cell === 'string' && cell.trim() === '') continue;
		return false;
	}
	return true;
}
