import { DataType, type Table, type Vector } from 'apache-arrow';

const MS_PER_DAY = 86_400_000;

/** yyyy-mm-dd for a date Arrow delivers as epoch milliseconds. */
function isoDay(epochMs: number): string {
	return new Date(Math.round(epochMs / MS_PER_DAY) * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * A column's cell reader. A numeric column without nulls is read from its values as one typed array
 * (`toArray`): `Vector.get` finds the cell's batch and dispatches on its type for every cell, which for
 * the numbers that make up most of a result cost more than the rest of the conversion.
 */
function cellReader(column: Vector | null, type: DataType): (row: number) => unknown {
	if (column === null) return () => null;
	if ((DataType.isInt(type) || DataType.isFloat(type)) && column.nullCount === 0) {
		const values = column.toArray() as ArrayLike<number | bigint>;
		return (row) => {
			const value = values[row]!;
			return typeof value === 'bigint' ? Number(value) : value;
		};
	}
	if (DataType.isDate(type) || DataType.isTimestamp(type)) {
		return (row) => {
			const value: unknown = column.get(row);
			return value === null || value === undefined ? null : isoDay(Number(value));
		};
	}
	if (DataType.isList(type)) {
		return (row) => {
			const value: unknown = column.get(row);
			return value === null || value === undefined ? null : [...(value as Iterable<unknown>)];
		};
	}
	return (row) => {
		const value: unknown = column.get(row);
		return typeof value === 'bigint' ? Number(value) : (value ?? null);
	};
}

/**
 * Arrow table → plain objects. Dates become ISO day strings (no time zone is involved: DuckDB DATE is a day
 * count), BigInts become numbers (counts stay far below 2^53), lists become arrays.
 */
export function arrowToRows<Row extends object>(table: Table): Row[] {
	const names = table.schema.fields.map((field) => field.name);
	const readers = table.schema.fields.map((field, index) => cellReader(table.getChildAt(index), field.type));
	const rows: Row[] = new Array(table.numRows);
	for (let rowIndex = 0; rowIndex < table.numRows; rowIndex++) {
		const row: Record<string, unknown> = {};
		for (let columnIndex = 0; columnIndex < names.length; columnIndex++) {
			row[names[columnIndex]!] = readers[columnIndex]!(rowIndex);
		}
		rows[rowIndex] = row as Row;
	}
	return rows;
}
