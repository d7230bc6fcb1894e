import { findHeaderRow, headingCandidates, searchRows, type HeadingRows } from './find-header-row';
import Papa from 'papaparse';
import type { DecodedText } from './decode-text';
import { detectDelimiter, delimiters, type Delimiter } from './detect-delimiter';
import type { RawBatch, RawRow, RawTable } from './raw-table';
import { UnreadableFileError } from './unreadable-file-error';

/** One record as Papaparse gave it, with the line it starts on and any Papaparse error. */
interface CsvRecord {
	readonly cells: string[];
	readonly line: number;
	readonly error: Papa.ParseError | null;
}

/**
 * Characters per Papaparse chunk (and so per progress step). Each chunk is parsed on its own (plus the
 * unfinished row before it), so a 130 MB file costs the same per row as a small one. (Pausing a single whole-string parse instead makes
 * Papaparse re-scan, even re-split, the rest of the file at every resume.)
 */
const chunkSize = 1 << 18;

/** Counts `breakChar` in text[from, to). */
function countBreaks(text: string, breakChar: string, from: number, to: number): number {
	let count = 0;
	for (let i = text.indexOf(breakChar, from); i !== -1 && i < to; i = text.indexOf(breakChar, i + 1)) count++;
	return count;
}

/** Offset just after the `n`th `breakChar` from `from` (from itself when n is 0). */
function afterBreaks(text: string, breakChar: string, from: number, n: number): number {
	let at = from;
	for (let i = 0; i < n; i++) {
		const next = text.indexOf(breakChar, at);
		if (next === -1) return text.length;
		at = next + 1;
	}
	return at;
}

/** End of the physical line starting at `from`, just after its line break (or the end of the text). */
function lineEnd(text: string, from: number, breakChar: string): number {
	const at = text.indexOf(breakChar, from);
	return at === -1 ? text.length : at + 1;
}

/** Line breaks inside a record's cells (quoted newlines), so the next record's line is known. */
function breaksIn(cells: readonly string[], breakChar: string): number {
	let count = 0;
	for (const cell of cells)
		if (cell.includes(breakChar)) count += countBreaks(cell, breakChar, 0, cell.length);
	return count;
}

/**
 * Streams Papaparse records chunk by chunk, pausing after each chunk so the consumer can validate, report
 * progress and notice a cancel; each record carries the line it starts on (quoted newlines counted).
 *
 * Stray quotes: Papaparse reads everything after a malformed or unclosed quote as one cell, which would
 * swallow the rest of the file into one rejected row. Instead that record's first line becomes one record
 * with the error, and parsing restarts on the next line, so later rows are still read.
 */
async function* csvRecords(
	text: string,
	delimiter: Delimiter,
	firstLine: number
): AsyncGenerator<{ records: CsvRecord[]; end: number }> {
	const breakChar = text.includes('\n') ? '\n' : '\r';
	const newline = text.includes('\r\n') ? '\r\n' : breakChar;
	const endsWithBreak = text.endsWith('\n') || text.endsWith('\r');
	let pending: { records: CsvRecord[]; end: number }[] = [];
	// Written from Papaparse's callbacks, so kept in an object TypeScript does not narrow.
	const state: {
		parser: Papa.Parser | null;
		done: boolean;
		wake: (() => void) | null;
		restartAt: number | null;
	} = { parser: null, done: false, wake: null, restartAt: null };
	const notify = () => {
		const resolve = state.wake;
		state.wake = null;
		resolve?.();
	};
	let line = firstLine;

	const run = (start: number) => {
		let chunkStart = start;
		let chunkLine = line;
		state.done = false;
		state.parser = null;
		// Papaparse's typings only allow `chunk` for files and streams; for a string it works the same way.
		const config: Papa.ParseConfig<string[]> & {
			chunkSize: number;
			chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser): void;
		} = {
			delimiter,
			newline,
			quoteChar: '"',
			escapeChar: '"',
			header: false,
			dynamicTyping: false,
			skipEmptyLines: false,
			chunkSize,
			chunk(results, handle) {
				const end = start + results.meta.cursor;
				const rows = results.data;
				// Papaparse turns the final line break into one empty record: that is not a row.
				const last = rows[rows.length - 1];
				if (end >= text.length && endsWithBreak && last?.length === 1 && last[0] === '') rows.pop();
				const bad = results.errors.find((error) => error.type === 'Quotes');
				const upTo = bad?.row ?? rows.length;
				// Fast path: a chunk ending on a line break with one break per record has no quoted newlines.
				const sequential =
					!bad &&
					(text[end - 1] === '\n' || text[end - 1] === '\r') &&
					countBreaks(text, breakChar, chunkStart, end) === rows.length;
				const records: CsvRecord[] = [];
				for (let i = 0; i < upTo; i++) {
					const cells = rows[i]!;
					records.push({ cells, line, error: null });
					line += sequential ? 1 : 1 + breaksIn(cells, breakChar);
				}
				if (bad) {
					const recordStart = afterBreaks(text, breakChar, chunkStart, line - chunkLine);
					const resume = lineEnd(text, recordStart, breakChar);
					const source = text.slice(recordStart, resume).replace(/[\r\n]+$/, '');
					records.push({ cells: [source], line, error: bad });
					line++;
					state.restartAt = resume < text.length ? resume : null;
					pending.push({ records, end: resume });
					handle.abort();
					return;
				}
				chunkStart = end;
				chunkLine = line;
				pending.push({ records, end });
				state.parser = handle;
				handle.pause();
				notify();
			},
			complete() {
				state.done = true;
				notify();
			}
		};
		Papa.parse<string[]>(start === 0 ? text : text.slice(start), config);
	};

	run(0);
	for (;;) {
		if (pending.length > 0) {
			const ready = pending;
			pending = [];
			for (const chunk of ready) yield chunk;
		}
		if (state.done) {
			if (state.restartAt === null) return;
			const from = state.restartAt;
			state.restartAt = null;
			run(from);
			continue;
		}
		const paused = state.parser;
		if (!paused) throw new Error('Papaparse stopped without finishing');
		await new Promise<void>((resolve) => {
			state.wake = resolve;
			paused.resume();
		});
	}
}

/** Plain-English wording of Papaparse's row errors; the original message is kept in brackets. */
function describeCsvError(error: Papa.ParseError): string {
	switch (error.code) {
		case 'MissingQuotes':
			return `a quoted value is never closed (${error.message}); the line was rejected and reading resumed on the next line`;
		case 'InvalidQuotes':
			return `a quoted value has a stray quote after its closing quote (${error.message}); the line was rejected and reading resumed on the next line`;
		default:
			return `the row could not be split into cells (${error.message})`;
	}
}

/** The note a CSV read with the headings on the line the user chose carries (the staged load gives it too). */
export const chosenHeadingNote = (line: number): string => `The headings are on line ${line}, as chosen.`;

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/**
 * Reads CSV/TSV text: Excel's `sep=;` first line, our own delimiter detection, CRLF or LF (or CR), quoted
 * newlines. Papaparse quote errors become a problem on that row (rejected with the message), never a crash.
 */
export async function readCsv(
	decoded: DecodedText,
	totalBytes: number,
	headerRow?: number
): Promise<RawTable> {
	let { text } = decoded;
	const notes: string[] = [];
	let firstLine = 1;
	let delimiter: Delimiter;
	const sep = /^sep=(.)\r?\n/i.exec(text);
	if (sep && (delimiters as readonly string[]).includes(sep[1]!)) {
		delimiter = sep[1] as Delimiter;
		text = text.slice(sep[0].length);
		firstLine = 2;
		notes.push(`The file starts with Excel's "sep=${delimiter}" line; it was used as the delimiter.`);
	} else {
		delimiter = detectDelimiter(text);
	}
	const iterator = csvRecords(text, delimiter, firstLine)[Symbol.asyncIterator]();

	let pending: CsvRecord[] = [];
	let end = 0;
	let header: CsvRecord | undefined;
	let headings: HeadingRows | undefined;
	while (!header) {
		const next = await iterator.next();
		if (next.done) throw new UnreadableFileError('The file has no heading row: it holds no text.');
		({ records: pending, end } = next.value);
		const first = pending.findIndex((record) => record.error !== null || !isBlank(record.cells));
		if (first === -1) continue;
		// Title and notes rows above the headings ("Annex A – List 3,,,"), as in a sheet: skipped, or the
		// row the user chose (by line). Looked for in the first chunk (256 K characters).
		const top = pending.slice(first, first + searchRows);
		const index =
			headerRow !== undefined
				? pending.findIndex((record) => record.line === headerRow)
				: top[0]!.error !== null
					? first
					: first + findHeaderRow(top.map((record) => record.cells));
		if (index === -1 || isBlank(pending[index]!.cells))
			throw new UnreadableFileError(`Line ${headerRow} is blank or not among the first lines of the file.`);
		header = pending[index]!;
		headings = {
			row: header.line,
			candidates: headingCandidates(
				top.map((record) => record.cells),
				top.map((record) => record.line)
			)
		};
		const titles = pending.slice(first, index).filter((record) => !isBlank(record.cells));
		if (headerRow !== undefined) notes.push(chosenHeadingNote(headerRow));
		else if (titles.length > 0)
			notes.push(
				`The headings are on line ${header.line}; ${titles.length} title row${titles.length === 1 ? '' : 's'} above (first: "${titles[0]!.cells.find((cell) => cell.trim() !== '')?.slice(0, 80) ?? ''}") ${titles.length === 1 ? 'was' : 'were'} skipped.`
			);
		pending = pending.slice(index + 1);
	}
	if (header.error) {
		throw new UnreadableFileError(
			`The heading row (line ${header.line}) cannot be read: ${describeCsvError(header.error)}.`
		);
	}
	const headers = header.cells.map((cell) => cell.trim());
	const bytesAt = (offset: number) => Math.round((offset / Math.max(text.length, 1)) * totalBytes);

	async function* batches(): AsyncGenerator<RawBatch> {
		let row = 0;
		let records = pending;
		let at = end;
		for (;;) {
			const rows: RawRow[] = records.map((record) => ({
				cells: record.cells,
				row: ++row,
				line: record.line,
				problem: record.error ? describeCsvError(record.error) : null
			}));
			if (rows.length > 0) yield { rows, bytesRead: bytesAt(at) };
			const next = await iterator.next();
			if (next.done) return;
			({ records, end: at } = next.value);
		}
	}

	return {
		format: 'csv',
		headers,
		encoding: decoded.encoding,
		delimiter,
		sheet: null,
		headings,
		notes,
		totalBytes,
		batches: batches()
	};
}
