import type { Field, TableContract } from '../../src/lib/contract';
import { isoFromDay } from './day-number';

/** Null in an integer or date column (day numbers and counts never reach it). */
export const NULL_INT = -2147483648;
/** Null in an enum or boolean column. */
export const NULL_CODE = 255;

/**
 * One generated column, stored compactly so a million rows fit in tens of megabytes: enum columns hold the
 * position of the code in the contract's enumeration, dates hold day numbers (days since 1970-01-01, as in
 * Arrow's Date32), booleans hold 0/1, and text columns are computed from the row on demand.
 */
export type Column =
	| { readonly kind: 'text'; readonly value: (row: number) => string | null }
	| { readonly kind: 'enum'; readonly codes: readonly string[]; readonly indices: Uint8Array }
	| { readonly kind: 'integer'; readonly values: Int32Array }
	| { readonly kind: 'boolean'; readonly values: Uint8Array }
	| { readonly kind: 'date'; readonly values: Int32Array };

/** A generated table: one column per contract field, in the contract's column order. */
export interface ColumnarTable {
	readonly contract: TableContract;
	readonly length: number;
	readonly fields: readonly Field[];
	readonly columns: readonly Column[];
}

/**
 * Assembles a table in the contract's column order. Throws when a contract field has no column, a column has
 * no field, a kind differs, or an enum column's codes are not the contract's: the generator cannot drift
 * from the contract silently. Optional fields the generator does not model are named in `notGenerated` and
 * left out of the table (and of the CSV it writes); a required one cannot be.
 */
export function columnarTable(
	contract: TableContract,
	length: number,
	columns: Readonly<Record<string, Column>>,
	notGenerated: readonly string[] = []
): ColumnarTable {
	const names = new Set(Object.keys(columns));
	for (const name of notGenerated) {
		if (contract.field(name).required) throw new Error(`${contract.name}.${name} is required: generate it`);
	}
	const fields = contract.fields.filter((field) => !notGenerated.includes(field.name));
	const ordered = fields.map((field) => {
		const column = columns[field.name];
		if (!column) throw new Error(`${contract.name}: no generated column for contract field ${field.name}`);
		if (column.kind !== field.kind) {
			throw new Error(
				`${contract.name}.${field.name}: generated ${column.kind}, contract says ${field.kind}`
			);
		}
		if (column.kind === 'enum' && field.kind === 'enum' && column.codes !== field.values.codes) {
			throw new Error(`${contract.name}.${field.name}: enum codes are not the contract's`);
		}
		const stored = storedLength(column);
		if (stored !== undefined && stored !== length) {
			throw new Error(`${contract.name}.${field.name}: ${stored} values for ${length} rows`);
		}
		names.delete(field.name);
		return column;
	});
	if (names.size > 0)
		throw new Error(`${contract.name}: columns not in the contract: ${[...names].join(', ')}`);
	return { contract, length, fields, columns: ordered };
}

function storedLength(column: Column): number | undefined {
	switch (column.kind) {
		case 'text':
			return undefined;
		case 'enum':
			return column.indices.length;
		default:
			return column.values.length;
	}
}

export type CellValue = string | number | boolean | null;

/** A cell as a JavaScript value (dates as ISO strings), as the contract's zod schema expects it. */
export function cellValue(column: Column, row: number): CellValue {
	switch (column.kind) {
		case 'text':
			return column.value(row);
		case 'enum': {
			const index = column.indices[row] ?? NULL_CODE;
			return index === NULL_CODE ? null : (column.codes[index] ?? null);
		}
		case 'integer': {
			const value = column.values[row] ?? NULL_INT;
			return value === NULL_INT ? null : value;
		}
		case 'boolean': {
			const value = column.values[row] ?? NULL_CODE;
			return value === NULL_CODE ? null : value === 1;
		}
		case 'date': {
			const value = column.values[row] ?? NULL_INT;
			return value === NULL_INT ? null : isoFromDay(value);
		}
	}
}

/** One row as an object keyed by field name: the shape `referrals.schema.parse` validates. */
export function rowAt(table: ColumnarTable, row: number): Record<string, CellValue> {
	const record: Record<string, CellValue> = {};
	table.fields.forEach((field, i) => {
		const column = table.columns[i];
		if (column) record[field.name] = cellValue(column, row);
	});
	return record;
}

/** The values of one column as JavaScript values, for tests and summaries. */
export function columnValues(table: ColumnarTable, name: string): CellValue[] {
	const index = table.fields.findIndex((field) => field.name === name);
	const column = table.columns[index];
	if (!column) throw new Error(`${table.contract.name}: no column ${name}`);
	return Array.from({ length: table.length }, (_, row) => cellValue(column, row));
}
