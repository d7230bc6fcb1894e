import {
	Bool,
	DateDay,
	Int32,
	Table,
	Utf8,
	makeData,
	makeVector,
	tableToIPC,
	vectorFromArray,
	type Vector
} from 'apache-arrow';
import { tables, type Field } from '../contract';
import type { IngestResult } from './ingest-file';
import type { ColumnValues } from './validate-rows';

const dayMs = 86_400_000;

/** Days since 1970-01-01 of an ISO date (the Date32 representation). */
const epochDay = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / dayMs;

/** A Date32 (days) vector built directly from ISO strings, with a validity bitmap for blanks. */
function dateVector(values: ColumnValues): Vector {
	const days = new Int32Array(values.length);
	const valid = new Uint8Array(Math.ceil(values.length / 8));
	let nullCount = 0;
	values.forEach((value, index) => {
		if (typeof value === 'string') {
			days[index] = epochDay(value);
			valid[index >> 3]! |= 1 << (index & 7);
		} else {
			nullCount++;
		}
	});
	return makeVector(
		makeData({
			type: new DateDay(),
			length: values.length,
			nullCount,
			data: days,
			nullBitmap: nullCount > 0 ? valid : null
		})
	);
}

function vectorOf(field: Field, values: ColumnValues): Vector {
	switch (field.kind) {
		case 'text':
		case 'enum':
			return vectorFromArray(values as (string | null)[], new Utf8());
		case 'integer':
			return vectorFromArray(values as (number | null)[], new Int32());
		case 'boolean':
			return vectorFromArray(values as (boolean | null)[], new Bool());
		case 'date':
			return dateVector(values);
	}
}

/**
 * The loaded columns as an Arrow IPC stream for the engine to insert (DuckDB's `insertArrowFromIPCStream`),
 * in contract order with contract names. Types: Utf8 for text and codes, Int32 for integers, Bool for
 * yes/no, and Date32 (DateDay) for dates, so DuckDB gets a DATE column without parsing strings again.
 */
export function toArrowIPC(result: IngestResult): Uint8Array {
	const fields = tables[result.table].fields as readonly Field[];
	const vectors = Object.fromEntries(
		fields.map((field) => [field.name, vectorOf(field, result.columns[field.name] ?? [])])
	);
	return tableToIPC(new Table(vectors), 'stream');
}
