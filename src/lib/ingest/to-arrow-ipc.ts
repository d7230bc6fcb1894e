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
import { tables } from '../contract';
import type { IngestResult } from './ingest-file';
import type { LoadedColumn } from './loaded-column';

/** An Arrow validity bitmap (bit set = value present) from one flag per row, and the null count. */
function bitmap(
	length: number,
	present: (index: number) => boolean
): { nullBitmap: Uint8Array | null; nullCount: number } {
	const bits = new Uint8Array(Math.ceil(length / 8));
	let nullCount = 0;
	for (let i = 0; i < length; i++) {
		if (present(i)) bits[i >> 3]! |= 1 << (i & 7);
		else nullCount++;
	}
	return { nullBitmap: nullCount > 0 ? bits : null, nullCount };
}

const encoder = new TextEncoder();

/**
 * Utf8 from strings, built straight into one offsets and one data buffer (apache-arrow's builder calls
 * TextEncoder once per string, which dominated a million-row load). ASCII is copied char by char.
 */
function textVector(values: readonly (string | null)[]): Vector {
	const offsets = new Int32Array(values.length + 1);
	let data = new Uint8Array(Math.max(1024, values.length * 8));
	let at = 0;
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		if (typeof value === 'string') {
			if (at + value.length * 3 > data.length) {
				const bigger = new Uint8Array(Math.max(data.length * 2, at + value.length * 3));
				bigger.set(data.subarray(0, at));
				data = bigger;
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
	const validity = bitmap(values.length, (i) => typeof values[i] === 'string');
	return makeVector(
		makeData({
			type: new Utf8(),
			length: values.length,
			...validity,
			valueOffsets: offsets,
			data: data.subarray(0, at)
		})
	);
}

/** Utf8 from code indexes: each code's bytes are encoded once and copied. */
function codeVector(codes: readonly string[], indexes: Uint8Array, length: number): Vector {
	const encoded = codes.map((code) => encoder.encode(code));
	const offsets = new Int32Array(length + 1);
	let size = 0;
	for (let i = 0; i < length; i++) size += indexes[i] === 0 ? 0 : encoded[indexes[i]! - 1]!.length;
	const data = new Uint8Array(size);
	let at = 0;
	for (let i = 0; i < length; i++) {
		if (indexes[i] !== 0) {
			// Codes are a few bytes: a loop beats TypedArray.set's call overhead a million times over.
			const bytes = encoded[indexes[i]! - 1]!;
			for (let j = 0; j < bytes.length; j++) data[at + j] = bytes[j]!;
			at += bytes.length;
		}
		offsets[i + 1] = at;
	}
	return makeVector(
		makeData({
			type: new Utf8(),
			length,
			...bitmap(length, (i) => indexes[i] !== 0),
			valueOffsets: offsets,
			data
		})
	);
}

function vectorOf(column: LoadedColumn): Vector {
	const { length } = column;
	switch (column.kind) {
		case 'text':
			return textVector(column.values);
		case 'enum':
			return codeVector(column.codes, column.indexes, length);
		case 'integer':
			return makeVector(
				makeData({
					type: new Int32(),
					length,
					...bitmap(length, (i) => column.valid[i] === 1),
					data: column.values
				})
			);
		case 'boolean': {
			const data = new Uint8Array(Math.ceil(length / 8));
			for (let i = 0; i < length; i++) if (column.values[i] === 2) data[i >> 3]! |= 1 << (i & 7);
			return makeVector(
				makeData({ type: new Bool(), length, ...bitmap(length, (i) => column.values[i] !== 0), data })
			);
		}
		case 'date':
			return makeVector(
				makeData({
					type: new DateDay(),
					length,
					...bitmap(length, (i) => column.valid[i] === 1),
					data: column.days
				})
			);
	}
}

/**
 * The loaded columns as an Arrow IPC stream for the engine to insert (DuckDB's `insertArrowFromIPCStream`),
 * in contract order with contract names. Types: Utf8 for text and codes, Int32 for integers, Bool for
 * yes/no, and Date32 (DateDay) for dates, so DuckDB gets a DATE column without parsing strings again.
 */
export function toArrowIPC(result: IngestResult): Uint8Array {
	const fields = tables[result.table].fields;
	const vectors = Object.fromEntries(
		fields.map((field) => {
			const column = result.columns[field.name];
			if (!column) throw new Error(`No column ${field.name} in the result`);
			return [field.name, vectorOf(column)];
		})
	);
	return tableToIPC(new Table(vectors), 'stream');
}
