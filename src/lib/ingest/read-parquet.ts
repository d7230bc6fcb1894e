import { DataType, tableFromIPC, type Data, type Utf8, type Vector } from 'apache-arrow';
import type { RawBatch, RawCell, RawRow, RawTable } from './raw-table';
import { UnreadableFileError } from './unreadable-file-error';

/** Turns Parquet bytes into an Arrow IPC stream. Injectable so a worker can initialise parquet-wasm its own way. */
export type ParquetDecoder = (bytes: Uint8Array) => Promise<Uint8Array>;

/**
 * parquet-wasm's entry for the environment: Node resolves its CommonJS build (wasm loaded synchronously);
 * bundlers resolve the ESM build, whose default export fetches and instantiates the wasm and must be awaited.
 */
export const decodeParquetWasm: ParquetDecoder = async (bytes) => {
	const parquet = await import('parquet-wasm');
	if (typeof parquet.default === 'function') await parquet.default();
	return parquet.readParquet(bytes, { batchSize: 10_000 }).intoIPCStream();
};

/**
 * Turns a Parquet file into Arrow IPC streams, one per row group, reading only the bytes each needs: the
 * staged load inserts them one at a time, so neither the whole file nor its whole decoded table is ever held
 * (at 10M rows that table is about 2.4 GB of Arrow, more than DuckDB-WASM's memory can take in one piece).
 */
export type ParquetGroups = (file: Blob) => AsyncIterable<Uint8Array>;

/** parquet-wasm's row-group reader over a Blob (the file the user chose: read by slices, never whole). */
export const parquetGroupsWasm: ParquetGroups = async function* (file) {
	const parquet = await import('parquet-wasm');
	if (typeof parquet.default === 'function') await parquet.default();
	const reader = await parquet.ParquetFile.fromFile(file);
	try {
		const groups = reader.metadata().numRowGroups();
		for (let group = 0; group < groups; group++)
			yield (await reader.read({ rowGroups: [group], batchSize: 10_000 })).intoIPCStream();
	} finally {
		reader.free();
	}
};

/** An Arrow value as a raw cell: dates as UTC Dates (Arrow gives epoch milliseconds), 64-bit integers as numbers. */
function cellReader(type: DataType): (value: unknown) => RawCell {
	if (DataType.isDate(type) || DataType.isTimestamp(type)) {
		return (value) => (value === null || value === undefined ? null : new Date(Number(value)));
	}
	return (value) => {
		if (value === null || value === undefined) return null;
		if (typeof value === 'bigint') {
			return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
				? Number(value)
				: value.toString();
		}
		if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
		if (value instanceof Date) return value;
		return String(value);
	};
}

/**
 * Appends the strings of a Utf8 column chunk to `cells`. Arrow's own getter decodes each value with a
 * TextDecoder call; when the chunk's bytes are all ASCII (codes, IDs, dates) one decode of the whole buffer
 * plus substrings is far cheaper, and byte offsets are character offsets.
 */
function utf8Cells(data: Data<Utf8>, cells: RawCell[]): void {
	const offsets = data.valueOffsets;
	const bytes = data.values;
	const first = offsets[data.offset]!;
	const last = offsets[data.offset + data.length]!;
	let ascii = true;
	for (let i = first; i < last; i++) {
		if (bytes[i]! > 0x7f) {
			ascii = false;
			break;
		}
	}
	const decoder = new TextDecoder();
	const all = ascii ? decoder.decode(bytes.subarray(first, last)) : null;
	const hasNulls = data.nullCount > 0;
	for (let i = 0; i < data.length; i++) {
		if (hasNulls && !data.getValid(i)) {
			cells.push(null);
			continue;
		}
		const from = offsets[data.offset + i]!;
		const to = offsets[data.offset + i + 1]!;
		cells.push(
			all !== null ? all.substring(from - first, to - first) : decoder.decode(bytes.subarray(from, to))
		);
	}
}

/** The cells of one column of a record batch. */
function columnCells(vector: Vector | null, read: (value: unknown) => RawCell): RawCell[] {
	if (!vector) return [];
	if (DataType.isUtf8(vector.type)) {
		const cells: RawCell[] = [];
		for (const data of vector.data as Data<Utf8>[]) utf8Cells(data, cells);
		return cells;
	}
	return Array.from(vector, read);
}

/**
 * Reads a Parquet file through parquet-wasm and apache-arrow. Parquet is typed, so the cells carry numbers,
 * booleans and dates already; they still pass the contract's parsers like every other format. Rows come
 * out record batch by record batch; Parquet has no lines, so `line` is null.
 */
export async function readParquet(
	bytes: Uint8Array,
	decode: ParquetDecoder = decodeParquetWasm
): Promise<RawTable> {
	let table;
	try {
		table = tableFromIPC(await decode(bytes));
	} catch (error) {
		throw new UnreadableFileError(
			`This Parquet file could not be read (${error instanceof Error ? error.message : String(error)}).`
		);
	}
	const fields = table.schema.fields;
	const headers = fields.map((field) => field.name.trim());
	const readers = fields.map((field) => cellReader(field.type));
	const batchesOfTable = table.batches;

	async function* batches(): AsyncGenerator<RawBatch> {
		let row = 0;
		for (const batch of batchesOfTable) {
			const columns = fields.map((_, index) =>
				columnCells(batch.getChildAt(index) as Vector | null, readers[index]!)
			);
			const rows: RawRow[] = [];
			for (let i = 0; i < batch.numRows; i++) {
				row++;
				rows.push({ cells: columns.map((column) => column[i] ?? null), row, line: null, problem: null });
			}
			yield { rows, bytesRead: bytes.length };
		}
	}

	return {
		format: 'parquet',
		headers,
		encoding: null,
		delimiter: null,
		sheet: null,
		notes: [],
		totalBytes: bytes.length,
		batches: batches()
	};
}
