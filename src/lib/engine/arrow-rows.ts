import { DataType, type Table } from 'apache-arrow';

const MS_PER_DAY = 86_400_000;

/** yyyy-mm-dd for a date Arrow delivers as epoch milliseconds. */
function isoDay(epochMs: number): string {
	return new Date(Math.round(epochMs / MS_PER_DAY) * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Arrow table → plain objects. Dates become ISO day strings (no time zone is involved: DuckDB DATE is a day
 * count), BigInts become numbers (counts stay far below 2^53), lists become arrays.
 */
export function arrowToRows<Row extends object>(table: Table): Row[] {
	const converters = table.schema.fields.map((field) => {
		if (DataType.isDate(field.type) || DataType.isTimestamp(field.type)) {
			return (value: unknown) => (value === null || value === undefined ? null : isoDay(Number(value)));
		}
		if (DataType.isList(field.type)) {
			return (value: unknown) =>
				value === null || value === undefined ? null : [...(value as Iterable<unknown>)];
		}
		return (value: unknown) => (typeof value === 'bigint' ? Number(value) : (value ?? null));
	});
	const names = table.schema.fields.map((field) => field.name);
	const columns = names.map((_, index) => table.getChildAt(index));
	const rows: Row[] = new Array(table.numRows);
	for (let rowIndex = 0; rowIndex < table.numRows; rowIndex++) {
		const row: Record<string, unknown> = {};
		for (let columnIndex = 0; columnIndex < names.length; columnIndex++) {
			row[names[columnIndex]!] = converters[columnIndex]!(columns[columnIndex]?.get(rowIndex));
		}
		rows[rowIndex] = row as Row;
	}
	return rows;
}
