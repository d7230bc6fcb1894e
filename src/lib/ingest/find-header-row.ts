import type { RawCell } from './raw-table';

/** How far down a sheet the heading row is looked for. */
const searchRows = 30;

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
