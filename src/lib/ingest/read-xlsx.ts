import readXlsxFile from 'read-excel-file/universal';
import { findHeaderRow, headingCandidates } from './find-header-row';
import { isBlankRow, type RawBatch, type RawCell, type RawRow, type RawTable } from './raw-table';
import { UnreadableFileError } from './unreadable-file-error';

const batchSize = 10_000;

/** A copy of the bytes as an ArrayBuffer of exactly the file (a Node Buffer may share a larger pool). */
const exactBuffer = (bytes: Uint8Array): ArrayBuffer =>
	bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/**
 * Reads one sheet of an XLSX workbook with read-excel-file's universal entry (no Node or DOM APIs, so the
 * same code runs in the CLI and a worker). Cells stay raw: a date-formatted cell arrives as a UTC Date, an
 * unformatted serial as a number, and the contract's date parser handles both. The first sheet is read
 * unless `sheet` names another (matched case-insensitively); every sheet name is returned for the choice.
 * Title rows above the headings are skipped (see `findHeaderRow`). `line` is the sheet row number.
 */
export async function readXlsx(
	bytes: Uint8Array,
	options: { sheet?: string; headerRow?: number } = {}
): Promise<RawTable> {
	let sheets: { sheet: string; data: RawCell[][] }[];
	try {
		sheets = (await readXlsxFile(exactBuffer(bytes))) as unknown as { sheet: string; data: RawCell[][] }[];
	} catch (error) {
		throw new UnreadableFileError(
			`This Excel workbook could not be read (${error instanceof Error ? error.message : String(error)}).`
		);
	}
	const names = sheets.map((sheet) => sheet.sheet);
	const wanted = options.sheet?.trim().toLowerCase();
	const chosen =
		wanted === undefined ? sheets[0] : sheets.find((sheet) => sheet.sheet.trim().toLowerCase() === wanted);
	if (!chosen) {
		throw new UnreadableFileError(
			wanted === undefined
				? 'This Excel workbook has no sheets.'
				: `This workbook has no sheet named "${options.sheet}"; its sheets are ${names.map((n) => `"${n}"`).join(', ')}.`
		);
	}
	const notes: string[] = [];
	if (sheets.length > 1) {
		notes.push(
			`Read sheet "${chosen.sheet}" of ${sheets.length} (${names.map((n) => `"${n}"`).join(', ')}); choose another sheet by name if needed.`
		);
	}
	const data = chosen.data;
	const found = findHeaderRow(data);
	if (found === -1) throw new UnreadableFileError(`Sheet "${chosen.sheet}" is empty.`);
	// The user's choice of heading row (sheet row, 1-based), else the row found.
	const headerIndex = options.headerRow !== undefined ? options.headerRow - 1 : found;
	if (headerIndex < 0 || headerIndex >= data.length || isBlankRow(data[headerIndex]!))
		throw new UnreadableFileError(
			`Row ${options.headerRow} of sheet "${chosen.sheet}" is blank or beyond its end.`
		);
	const titleRows = data.slice(0, headerIndex).filter((cells) => !isBlankRow(cells));
	if (options.headerRow !== undefined) {
		notes.push(`The headings are on sheet row ${options.headerRow}, as chosen.`);
	} else if (titleRows.length > 0) {
		const title = titleRows[0]!.find((cell) => cell !== null && String(cell).trim() !== '');
		notes.push(
			`The headings are on sheet row ${headerIndex + 1}; ${titleRows.length} title row${titleRows.length === 1 ? '' : 's'} above (first: "${String(title).slice(0, 80)}") ${titleRows.length === 1 ? 'was' : 'were'} skipped.`
		);
	}
	const headers = data[headerIndex]!.map((cell) => (cell === null ? '' : String(cell).trim()));

	async function* batches(): AsyncGenerator<RawBatch> {
		let rows: RawRow[] = [];
		for (let index = headerIndex + 1; index < data.length; index++) {
			rows.push({ cells: data[index]!, row: index - headerIndex, line: index + 1, problem: null });
			if (rows.length >= batchSize) {
				yield { rows, bytesRead: bytes.length };
				rows = [];
			}
		}
		if (rows.length > 0) yield { rows, bytesRead: bytes.length };
	}

	return {
		format: 'xlsx',
		headers,
		encoding: null,
		delimiter: null,
		sheet: chosen.sheet,
		sheets: names,
		headings: {
			row: headerIndex + 1,
			candidates: headingCandidates(
				data.slice(0, 30),
				data.slice(0, 30).map((_, index) => index + 1)
			)
		},
		notes,
		totalBytes: bytes.length,
		batches: batches()
	};
}
