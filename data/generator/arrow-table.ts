import {
	Bool,
	DateDay,
	Field as ArrowField,
	Int32,
	makeData,
	RecordBatch,
	Schema,
	Struct,
	Utf8,
	type Data,
	type DataType
} from 'apache-arrow';
import type { Field } from '../../src/lib/contract';
import { NULL_CODE, NULL_INT, type Column, type ColumnarTable } from './columnar-table';

/** Arrow type of each contract field kind: Utf8 for text and enum codes, Int32, Bool, Date32 (days). */
function arrowType(field: Field): DataType {
	switch (field.kind) {
		case 'text':
		case 'enum':
			return new Utf8();
		case 'integer':
		case 'time':
			return new Int32();
		case 'boolean':
			return new Bool();
		case 'date':
			return new DateDay();
	}
}

/** The Arrow schema of a contract table: its field names in order, nullable where the field is optional. */
export const arrowSchema = (fields: readonly Field[]): Schema =>
	new Schema(fields.map((field) => new ArrowField(field.name, arrowType(field), !field.required)));

/** Validity bitmap (bit set = value present) and the number of nulls, or none when nothing is null. */
function validity(
	length: number,
	isNull: (i: number) => boolean
): { nullBitmap?: Uint8Array; nullCount: number } {
	const bitmap = new Uint8Array((length + 7) >> 3);
	let nullCount = 0;
	for (let i = 0; i < length; i++) {
		if (isNull(i)) nullCount++;
		else bitmap[i >> 3]! |= 1 << (i & 7);
	}
	return nullCount === 0 ? { nullCount } : { nullBitmap: bitmap, nullCount };
}

const encoder = new TextEncoder();

/** Utf8 data from strings, encoded straight into one growing byte buffer. */
function textData(length: number, valueAt: (i: number) => string | null): Data<Utf8> {
	const valueOffsets = new Int32Array(length + 1);
	const nulls = new Uint8Array(length);
	let data = new Uint8Array(Math.max(64, length * 16));
	let position = 0;
	for (let i = 0; i < length; i++) {
		const value = valueAt(i);
		if (value === null) nulls[i] = 1;
		else {
			// UTF-8 needs at most three bytes per UTF-16 code unit.
			if (data.length - position < value.length * 3) {
				const bigger = new Uint8Array(Math.max(data.length * 2, position + value.length * 3));
				bigger.set(data.subarray(0, position));
				data = bigger;
			}
			position += encoder.encodeInto(value, data.subarray(position)).written;
		}
		valueOffsets[i + 1] = position;
	}
	return makeData({
		type: new Utf8(),
		length,
		valueOffsets,
		data: data.slice(0, position),
		...validity(length, (i) => nulls[i] === 1)
	});
}

/** Utf8 data for enum codes: each code's bytes copied in, no string per cell. */
function codeData(codes: readonly string[], indices: Uint8Array): Data<Utf8> {
	const bytes = codes.map((code) => encoder.encode(code));
	const length = indices.length;
	const valueOffsets = new Int32Array(length + 1);
	let total = 0;
	for (let i = 0; i < length; i++) {
		total += bytes[indices[i] ?? NULL_CODE]?.length ?? 0;
		valueOffsets[i + 1] = total;
	}
	const data = new Uint8Array(total);
	for (let i = 0; i < length; i++) {
		const code = bytes[indices[i] ?? NULL_CODE];
		if (code) data.set(code, valueOffsets[i]);
	}
	return makeData({
		type: new Utf8(),
		length,
		valueOffsets,
		data,
		...validity(length, (i) => indices[i] === NULL_CODE)
	});
}

/** Arrow data for rows [from, to) of one column. */
function columnData(column: Column, from: number, to: number): Data {
	const length = to - from;
	switch (column.kind) {
		case 'text':
			return textData(length, (i) => column.value(from + i));
		case 'enum':
			return codeData(column.codes, column.indices.subarray(from, to));
		case 'integer': {
			const values = column.values.slice(from, to);
			const nulls = validity(length, (i) => values[i] === NULL_INT);
			values.forEach((value, i) => {
				if (value === NULL_INT) values[i] = 0;
			});
			return makeData({ type: new Int32(), length, data: values, ...nulls });
		}
		case 'date': {
			const values = column.values.slice(from, to);
			const nulls = validity(length, (i) => values[i] === NULL_INT);
			values.forEach((value, i) => {
				if (value === NULL_INT) values[i] = 0;
			});
			return makeData({ type: new DateDay(), length, data: values, ...nulls });
		}
		case 'boolean': {
			const values = column.values.subarray(from, to);
			const bits = new Uint8Array((length + 7) >> 3);
			values.forEach((value, i) => {
				if (value === 1) bits[i >> 3]! |= 1 << (i & 7);
			});
			return makeData({
				type: new Bool(),
				length,
				data: bits,
				...validity(length, (i) => values[i] === NULL_CODE)
			});
		}
	}
}

/** Rows [from, to) of a generated table as one Arrow record batch. */
export function arrowBatch(table: ColumnarTable, from: number, to: number): RecordBatch {
	const schema = arrowSchema(table.fields);
	const children = table.columns.map((column) => columnData(column, from, to));
	const data = makeData({ type: new Struct(schema.fields), length: to - from, nullCount: 0, children });
	return new RecordBatch(schema, data);
}
