import { NULL_CODE, NULL_INT, type Column, type ColumnarTable } from './columnar-table';
import { isoFromDay } from './day-number';

/**
 * CSV as the contract's loaders expect it: UTF-8 without BOM, comma separated, LF line ends, a header row of
 * field names, ISO dates, enum codes, `true`/`false`, an empty cell for null, RFC 4180 quoting.
 */

const needsQuotes = /[",\r\n]/;

/** One CSV cell: quoted (with doubled quotes) only when it holds a comma, a quote or a line break. */
export const csvField = (value: string): string =>
	needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

/** A function from row number to the cell's CSV text, with per-column lookups prepared once. */
function cellWriter(column: Column, isoDate: (day: number) => string): (row: number) => string {
	switch (column.kind) {
		case 'text':
			return (row) => {
				const value = column.value(row);
				return value === null ? '' : csvField(value);
			};
		case 'enum': {
			const codes = column.codes.map(csvField);
			return (row) => {
				const index = column.indices[row] ?? NULL_CODE;
				return index === NULL_CODE ? '' : (codes[index] ?? '');
			};
		}
		case 'integer':
			return (row) => {
				const value = column.values[row] ?? NULL_INT;
				return value === NULL_INT ? '' : String(value);
			};
		case 'boolean':
			return (row) => {
				const value = column.values[row] ?? NULL_CODE;
				return value === NULL_CODE ? '' : value === 1 ? 'true' : 'false';
			};
		case 'date':
			return (row) => {
				const value = column.values[row] ?? NULL_INT;
				return value === NULL_INT ? '' : isoDate(value);
			};
	}
}

/** ISO dates memoised: an extract holds a few thousand distinct days however many rows it has. */
function memoisedIsoDate(): (day: number) => string {
	const cache = new Map<number, string>();
	return (day) => {
		let iso = cache.get(day);
		if (iso === undefined) {
			iso = isoFromDay(day);
			cache.set(day, iso);
		}
		return iso;
	};
}

/** The table as CSV text in chunks of `rowsPerChunk` lines (the header first), for streaming to a file. */
export function* csvChunks(table: ColumnarTable, rowsPerChunk = 20_000): Generator<string> {
	const isoDate = memoisedIsoDate();
	const writers = table.columns.map((column) => cellWriter(column, isoDate));
	yield `${table.fields.map((field) => csvField(field.name)).join(',')}\n`;
	for (let from = 0; from < table.length; from += rowsPerChunk) {
		const to = Math.min(table.length, from + rowsPerChunk);
		const lines: string[] = [];
		const cells: string[] = new Array<string>(writers.length).fill('');
		for (let row = from; row < to; row++) {
			for (let c = 0; c < writers.length; c++) cells[c] = writers[c]?.(row) ?? '';
			lines.push(cells.join(','));
		}
		yield `${lines.join('\n')}\n`;
	}
}

/** The whole table as one CSV string (the demo and tests; stream {@link csvChunks} for large tables). */
export const toCsv = (table: ColumnarTable): string => [...csvChunks(table)].join('');

/** CSV of plain records with the given columns (the population reference). */
export function recordsToCsv<Row extends object>(
	columns: readonly (keyof Row & string)[],
	rows: readonly Row[]
): string {
	const lines = rows.map((row) => columns.map((column) => csvField(String(row[column] ?? ''))).join(','));
	return `${[columns.join(','), ...lines].join('\n')}\n`;
}
