import {
	Bool,
	DateDay,
	Int32,
	Table,
	Utf8,
	makeData,
	makeVector,
	tableToIPC,
	type Vector
} from 'apache-arrow';
import { tables, type Field } from '../contract';
import type { IngestResult } from './ingest-file';
import type { ColumnValues } from './validate-rows';

const dayMs = 86_400_000;

/** Days since 1970-01-01 of an ISO date (the Date32 representation). */
const epochDay = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / dayMs;

/** The validity bitmap of a column (bit set = not null), and its null count. */
function validity(values: ColumnValues): { bitmap: Uint8Array | null; nullCount: number } {
	const bitmap = new Uint8Array(Math.ceil(values.length / 8));
	let nullCount = 0;
	for (let i = 0; i < values.length; i++) {
		if (values[i] === null) nullCount++;
		else bitmap[i >> 3]! |= 1 << (i & 7);
	}
	return { bitmap: nullCount > 0 ? bitmap : null, nullCount };
}

/**
 * A Utf8 vector built straight into one offsets and one data buffer. apache-arrow's builder calls
 * TextEncoder once per string, which dominated the time for a million rows; codes are ASCII, so most strings
 * are copied char by char and only the rest go through `encodeInto`.
 */
function utf8Vector(values: ColumnValues): Vector {
	const offsets = new Int32Array(values.length + 1);
	let data = new Uint8Array(Math.max(1024, values.length * 8));
	const encoder = new TextEncoder();
	let at = 0;
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		if (typeof value === 'string') {
			if (at + value.length * 3 > data.length) {
				const grown = new Uint8Array(Math.max(data.length * 2, at + value.length * 3));
				grown.set(data.subarray(0, at));
				data = grown;
			}
			let ascii = true;
			for (let j = 0; j < value.length; j++) {
				const code = value.charCodeAt(j);
				if (code > 0x7f) {
					ascii = false;
					break;
				}
				data[at + j] = code;
			}
			at += ascii ? value.length : encoder.encodeInto(value, data.subarray(at)).written;
		}
		offsets[i + 1] = at;
	}
	const { bitmap, nullCount } = validity(values);
	return makeVector(
		makeData({
			type: new Utf8(),
			length: values.length,
			nullCount,
			nullBitmap: bitmap,
			valueOffsets: offsets,
			data: data.subarray(0, at)
		})
	);
}

function int32Vector(values: ColumnValues): Vector {
	const data = Int32Array.from(values, (value) => (typeof value === 'number' ? value : 0));
	const { bitmap, nullCount } = validity(values);
	return makeVector(
		makeData({ type: new Int32(), length: values.length, nullCount, nullBitmap: bitmap, data })
	);
}

function boolVector(values: ColumnValues): Vector {
	const data = new Uint8Array(Math.ceil(values.length / 8));
	for (let i = 0; i < values.length; i++) if (values[i] === true) data[i >> 3]! |= 1 << (i & 7);
	const { bitmap, nullCount } = validity(values);
	return makeVector(
		makeData({ type: new Bool(), length: values.length, nullCount, nullBitmap: bitmap, data })
	);
}

function dateVector(values: ColumnValues): Vector {
	const data = Int32Array.from(values, (value) => (typeof value === 'string' ? epochDay(value) : 0));
	const { bitmap, nullCount } = validity(values);
	return makeVector(
		makeData({ type: new DateDay(), length: values.length, nullCount, nullBitmap: bitmap, data })
	);
}

function vectorOf(field: Field, values: ColumnValues): Vector {
	switch (field.kind) {
		case 'text':
		case 'enum':
			return utf8Vector(values);
		case 'integer':
			return int32Vector(values);
		case 'boolean':
			return boolVector(values);
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
