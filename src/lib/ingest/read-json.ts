import type { DecodedText } from './decode-text';
import type { RawBatch, RawCell, RawRow, RawTable } from './raw-table';
import { UnreadableFileError } from './unreadable-file-error';

const batchSize = 10_000;

/** One JSON record before it is laid out in heading order, or the reason it is not a record. */
type JsonRecord =
	| { readonly value: Record<string, unknown>; readonly line: number | null }
	| { readonly problem: string; readonly line: number | null };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON value as a raw cell: nested objects or arrays become their JSON text (and will not parse as a code). */
const toCell = (value: unknown): RawCell =>
	value === null || value === undefined
		? null
		: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
			? value
			: JSON.stringify(value);

/** Records of an NDJSON text, one per non-blank line; a line that is not a JSON object is a row problem. */
function ndjsonRecords(text: string): JsonRecord[] {
	const records: JsonRecord[] = [];
	text.split(/\r?\n/).forEach((source, index) => {
		if (source.trim() === '') return;
		try {
			const value: unknown = JSON.parse(source);
			records.push(
				isPlainObject(value)
					? { value, line: index + 1 }
					: { problem: 'the line is JSON but not an object of column: value pairs', line: index + 1 }
			);
		} catch (error) {
			records.push({
				problem: `the line is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
				line: index + 1
			});
		}
	});
	return records;
}

/** The records of a JSON document: an array of objects, or `{ "rows": [...] }` / `{ "data": [...] }`. */
function documentRecords(document: unknown): JsonRecord[] {
	const list = Array.isArray(document)
		? document
		: isPlainObject(document) && Array.isArray(document.rows)
			? document.rows
			: isPlainObject(document) && Array.isArray(document.data)
				? document.data
				: null;
	if (!list) {
		throw new UnreadableFileError(
			'This JSON file is not a list of rows: expected an array of objects, or an object with a "rows" or "data" array.'
		);
	}
	return list.map((value: unknown, index: number) =>
		isPlainObject(value)
			? { value, line: null }
			: { problem: `item ${index + 1} of the list is not an object of column: value pairs`, line: null }
	);
}

/**
 * Reads JSON rows: an array of objects, `{ "rows": [...] }`, `{ "data": [...] }`, or NDJSON (one object per
 * line). The headings are every key in order of first appearance, so a key missing from some objects is a
 * blank cell there. NDJSON rows carry their line number; a broken NDJSON line rejects that row only.
 */
export async function readJson(decoded: DecodedText, totalBytes: number): Promise<RawTable> {
	const text = decoded.text.trim();
	let records: JsonRecord[];
	try {
		records = documentRecords(JSON.parse(text));
	} catch (error) {
		if (error instanceof UnreadableFileError) throw error;
		const lines = ndjsonRecords(text);
		if (lines.length < 2 || lines.every((record) => 'problem' in record)) {
			throw new UnreadableFileError(
				`This JSON file could not be read (${error instanceof Error ? error.message : String(error)}).`
			);
		}
		records = lines;
	}
	const headers: string[] = [];
	const seen = new Set<string>();
	for (const record of records) {
		if (!('value' in record)) continue;
		for (const key of Object.keys(record.value)) {
			if (!seen.has(key)) {
				seen.add(key);
				headers.push(key);
			}
		}
	}
	if (headers.length === 0) throw new UnreadableFileError('This JSON file has no rows with any columns.');

	async function* batches(): AsyncGenerator<RawBatch> {
		let rows: RawRow[] = [];
		for (let index = 0; index < records.length; index++) {
			const record = records[index]!;
			const cells = 'value' in record ? headers.map((key) => toCell(record.value[key])) : [];
			const problem = 'problem' in record ? record.problem : null;
			rows.push({ cells, row: index + 1, line: record.line, problem });
			if (rows.length >= batchSize) {
				yield { rows, bytesRead: Math.round(((index + 1) / records.length) * totalBytes) };
				rows = [];
			}
		}
		if (rows.length > 0) yield { rows, bytesRead: totalBytes };
	}

	return {
		format: 'json',
		headers,
		encoding: decoded.encoding,
		delimiter: null,
		sheet: null,
		notes: [],
		totalBytes,
		batches: batches()
	};
}
