import { isBlankRow, type RawCell } from './raw-table';

/** Which row of a sheet or CSV holds the headings, and the rows the user may choose instead. */
export interface HeadingRows {
	/** The line (CSV) or sheet row (XLSX) of the headings, 1-based as Excel numbers rows. */
	readonly row: number;
	/** The first non-blank rows, each with its number and its first cells as text, to choose from. */
	readonly candidates: readonly { readonly row: number; readonly text: string }[];
}

/** How far down a sheet the heading row is looked for (and may be chosen). */
export const searchRows = 30;

const filled = (cells: readonly RawCell[]) =>
	cells.filter((cell) => cell !== null && String(cell).trim() !== '').length;
const textCells = (cells: readonly RawCell[]) =>
	cells.filter((cell) => typeof cell === 'string' && cell.trim() !== '').length;

/**
 * The index of the heading row of a sheet, skipping title rows above it ("Annex A – List 3", "Report
 * produced on 1 April"): the first row among the first 30 whose cells are all text and that fills at least
 * half as many cells as the widest of those rows (and at least two). Falls back to the first non-blank row;
 * -1 when the sheet is empty.
 */
export function findHeaderRow(rows: readonly (readonly RawCell[])[]): number {
	const first = rows.findIndex((cells) => filled(cells) > 0);
	if (first === -1) return -1;
	const window = rows.slice(first, first + searchRows);
	const widest = Math.max(...window.map(filled));
	const found = window.findIndex((cells) => {
		const count = filled(cells);
		return count >= 2 && count * 2 >= widest && textCells(cells) === count;
	});
	return found === -1 ? first : first + found;
}

/**
 * The rows a user may choose as the headings: the non-blank rows among the first 30, numbered from
 * `firstRow` (the number of `rows[0]`), each shown by its first few filled cells.
 */
export function headingCandidates(
	rows: readonly (readonly RawCell[])[],
	numbers: readonly number[]
): HeadingRows['candidates'] {
	return rows.slice(0, searchRows).flatMap((cells, index) => {
		if (isBlankRow(cells)) return [];
		const text = cells
			.filter((cell) => cell !== null && String(cell).trim() !== '')
			.slice(0, 6)
			.map((cell) =>
				String(cell instanceof Date ? cell.toISOString().slice(0, 10) : cell)
					.trim()
					.slice(0, 40)
			)
			.join(' | ');
		return [{ row: numbers[index]!, text }];
	});
}
