import { decodeText } from './decode-text';
import { readCsv } from './read-csv';
import { readJson } from './read-json';
import { readParquet, type ParquetDecoder } from './read-parquet';
import { readXlsx } from './read-xlsx';
import { readXml } from './read-xml';
import type { RawTable } from './raw-table';
import { sniffFormat } from './sniff-format';
import { UnreadableFileError } from './unreadable-file-error';

export interface ReadTableOptions {
	/** XLSX: the sheet to read, by name (default: the first). */
	readonly sheet?: string;
	/** CSV and XLSX: the line or sheet row of the headings, 1-based (default: found, see `findHeaderRow`). */
	readonly headerRow?: number;
	/** Parquet: how to decode (default: parquet-wasm as the environment resolves it). */
	readonly parquet?: ParquetDecoder;
}

/**
 * Reads any supported file into headings plus rows, choosing the reader from the bytes (see `sniffFormat`).
 * Throws `UnreadableFileError` with one plain-English message when the file cannot be read at all.
 */
export async function readTable(
	bytes: Uint8Array,
	fileName: string,
	options: ReadTableOptions = {}
): Promise<RawTable> {
	const sniffed = sniffFormat(bytes, fileName);
	if (sniffed.format === 'unreadable') throw new UnreadableFileError(sniffed.reason);
	const table = await (async () => {
		switch (sniffed.format) {
			case 'xlsx':
				return readXlsx(bytes, { sheet: options.sheet, headerRow: options.headerRow });
			case 'parquet':
				return readParquet(bytes, options.parquet);
			case 'json': {
				const decoded = decodeText(bytes);
				try {
					return await readJson(decoded, bytes.length);
				} catch (error) {
					// Text that merely starts with "[" or "{" (a heading such as "[Referral ID]") is still CSV.
					if (sniffed.byName || !(error instanceof UnreadableFileError)) throw error;
					return readCsv(decoded, bytes.length, options.headerRow);
				}
			}
			case 'csv':
				return readCsv(decodeText(bytes), bytes.length, options.headerRow);
			case 'xml':
				return readXml(decodeText(bytes), bytes.length);
		}
	})();
	return sniffed.note ? { ...table, notes: [sniffed.note, ...table.notes] } : table;
}
