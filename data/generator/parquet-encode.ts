import { Table, tableFromIPC, tableToIPC, type Table as ArrowTable } from 'apache-arrow';
import * as parquet from 'parquet-wasm';
import { arrowBatch } from './arrow-table';
import { rowAt, type ColumnarTable } from './columnar-table';
import { isoFromDay } from './day-number';
import { GENERATOR_VERSION } from './version';

/** Rows per Arrow record batch handed to the Parquet writer, and per Parquet row group. */
const BATCH_ROWS = 65_536;
const ROW_GROUP_ROWS = 131_072;

/**
 * Parquet through parquet-wasm (the package's `node` export condition loads its Node build, which
 * instantiates the wasm synchronously). Record batches of {@link BATCH_ROWS} rows go through Arrow IPC into
 * the streaming writer, so a million rows never sit in memory as one Arrow table. Snappy is the codec every
 * Parquet reader supports; `created_by` is fixed so the bytes depend on the data only.
 */
export async function toParquet(table: ColumnarTable): Promise<Uint8Array> {
	let from = 0;
	const batches = new ReadableStream<parquet.RecordBatch>({
		pull(controller) {
			if (from >= table.length && from > 0) {
				controller.close();
				return;
			}
			const to = Math.min(table.length, from + BATCH_ROWS);
			const ipc = tableToIPC(new Table([arrowBatch(table, from, to)]), 'stream');
			for (const batch of parquet.Table.fromIPCStream(ipc).recordBatches()) controller.enqueue(batch);
			// An empty table still sends one (empty) batch, which carries the schema.
			from = Math.max(to, 1);
		}
	});
	const properties = new parquet.WriterPropertiesBuilder()
		.setCompression(parquet.Compression.SNAPPY)
		.setMaxRowGroupSize(ROW_GROUP_ROWS)
		.setCreatedBy(`sightline-generator ${GENERATOR_VERSION}`)
		.build();
	const stream: ReadableStream<Uint8Array> = await parquet.transformParquetStream(batches, properties);
	const reader = stream.getReader();
	const chunks: Uint8Array[] = [];
	for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
	const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.length;
	}
	return bytes;
}

/** Reads Parquet bytes back into an Arrow table, optionally only some rows or columns. */
export function fromParquet(bytes: Uint8Array, options?: parquet.ReaderOptions): ArrowTable {
	return tableFromIPC(parquet.readParquet(bytes, options).intoIPCStream());
}

/** A Parquet cell as read back, in the generated table's terms (dates back to ISO strings). */
function readBack(value: unknown): string | number | boolean | null {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	return String(value);
}

/**
 * Reads Parquet bytes back and compares them with the generated table: the row count (from the footer), the
 * column names in order, and every cell of the first, middle and last rows (each read from its own row group,
 * so checking a million rows stays cheap). Throws on the first difference.
 */
export async function verifyParquet(bytes: Uint8Array, expected: ColumnarTable): Promise<void> {
	const name = expected.contract.name;
	const file = await parquet.ParquetFile.fromFile(new Blob([bytes.slice()]));
	const metadata = file.metadata();
	const count = metadata.fileMetadata().numRows();
	if (count !== expected.length)
		throw new Error(`${name}.parquet: ${count} rows read back, ${expected.length} written`);
	const groupSizes = metadata.rowGroups().map((group) => group.numRows());
	const rows = expected.length === 0 ? [] : [0, expected.length >> 1, expected.length - 1];
	for (const row of rows) {
		let group = 0;
		let offset = row;
		while (offset >= (groupSizes[group] ?? Number.POSITIVE_INFINITY)) offset -= groupSizes[group++] ?? 0;
		const table = tableFromIPC((await file.read({ rowGroups: [group], offset, limit: 1 })).intoIPCStream());
		const names = table.schema.fields.map((field) => field.name).join(',');
		const wanted = expected.fields.map((field) => field.name).join(',');
		if (names !== wanted) throw new Error(`${name}.parquet: columns ${names}, expected ${wanted}`);
		const written = rowAt(expected, row);
		for (const field of expected.fields) {
			const raw: unknown = table.getChild(field.name)?.get(0);
			const value =
				field.kind === 'date' && typeof raw === 'number' ? isoFromDay(raw / 86_400_000) : readBack(raw);
			if (value !== written[field.name]) {
				throw new Error(
					`${name}.parquet row ${row} ${field.name}: read ${value}, wrote ${written[field.name]}`
				);
			}
		}
	}
}
