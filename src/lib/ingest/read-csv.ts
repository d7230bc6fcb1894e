import Papa from 'papaparse';
import type { DecodedText } from './decode-text';
import { detectDelimiter, delimiters, type Delimiter } from './detect-delimiter';
import type { RawBatch, RawRow, RawTable } from './raw-table';
import { UnreadableFileError } from './unreadable-file-error';

/** One record as Papaparse gave it, with the character offset just after it. */
interface CsvRecord {
	readonly cells: string[];
	readonly end: number;
	readonly errors: readonly Papa.ParseError[];
}

/** Rows per batch: big enough that pausing costs nothing, small enough that a worker stays responsive. */
const batchSize = 10_000;

/** End of the physical line starting at `from`, just after its line break (or the end of the text). */
function lineEnd(text: string, from: number): number {
	const lf = text.indexOf('\n', from);
	const cr = text.indexOf('\r', from);
	const at = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
	if (at === -1) return text.length;
	return text[at] === '\r' && text[at + 1] === '\n' ? at + 2 : at + 1;
}

/**
 * Streams Papaparse records in batches. Papaparse parses a string synchronously; pausing it from `step`
 * and resuming when the consumer asks for more turns that into an async iterator, so a worker can post
 * progress and notice a cancel between batches without holding every row of a 1M-row file at once.
 *
 * Stray quotes: Papaparse reads everything after a malformed or unclosed quote as one cell, which would
 * swallow the rest of the file into one rejected row. Instead the record's first line becomes one rejected
 * record (with Papaparse's message) and parsing restarts on the next line, so later rows are still read.
 */
async function* csvRecords(text: string, delimiter: Delimiter): AsyncGenerator<CsvRecord[]> {
	let buffer: CsvRecord[] = [];
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
	const run = (start: number) => {
		// After a pause Papaparse counts its cursor from where it paused, so offsets are rebased there.
		let base = start;
		let previousEnd = start;
		state.done = false;
		state.parser = null;
		Papa.parse<string[]>(start === 0 ? text : text.slice(start), {
			delimiter,
			quoteChar: '"',
			escapeChar: '"',
			header: false,
			dynamicTyping: false,
			skipEmptyLines: false,
			step(result, handle) {
				const end = base + result.meta.cursor;
				if (result.errors.some((error) => error.type === 'Quotes')) {
					const resume = lineEnd(text, previousEnd);
					const line = text.slice(previousEnd, resume).replace(/[\r\n]+$/, '');
					buffer.push({ cells: [line], end: resume, errors: result.errors });
					state.restartAt = resume < text.length ? resume : null;
					handle.abort();
					return;
				}
				previousEnd = end;
				buffer.push({ cells: result.data, end, errors: result.errors });
				if (buffer.length >= batchSize) {
					base = end;
					state.parser = handle;
					handle.pause();
					notify();
				}
			},
			complete() {
				state.done = true;
				notify();
			}
		});
	};
	run(0);
	for (;;) {
		if (buffer.length > 0) {
			const batch = buffer;
			buffer = [];
			yield batch;
		}
		if (state.done) {
			if (state.restartAt === null) return;
			const base = state.restartAt;
			state.restartAt = null;
			run(base);
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

/** Counts line breaks in text[from, to): the line a record starts on, for the report. */
function countBreaks(text: string, breakChar: string, from: number, to: number): number {
	let count = 0;
	for (let i = text.indexOf(breakChar, from); i !== -1 && i < to; i = text.indexOf(breakChar, i + 1)) count++;
	return count;
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

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/**
 * Reads CSV/TSV text: Excel's `sep=;` first line, our own delimiter detection, CRLF or LF, quoted newlines.
 * Papaparse quote errors become a problem on that row (rejected with the message), never a crash.
 */
export async function readCsv(decoded: DecodedText, totalBytes: number): Promise<RawTable> {
	let { text } = decoded;
	const notes: string[] = [];
	let lineOffset = 0;
	let delimiter: Delimiter;
	const sep = /^sep=(.)\r?\n/i.exec(text);
	if (sep && (delimiters as readonly string[]).includes(sep[1]!)) {
		delimiter = sep[1] as Delimiter;
		text = text.slice(sep[0].length);
		lineOffset = 1;
		notes.push(`The file starts with Excel's "sep=${delimiter}" line; it was used as the delimiter.`);
	} else {
		delimiter = detectDelimiter(text);
	}
	const breakChar = text.includes('\n') ? '\n' : '\r';
	const records = csvRecords(text, delimiter);
	const iterator = records[Symbol.asyncIterator]();

	// Line bookkeeping: each record starts where the previous one ended.
	let counted = 0;
	let breaks = 0;
	const lineAt = (offset: number) => {
		breaks += countBreaks(text, breakChar, counted, offset);
		counted = offset;
		return breaks + 1 + lineOffset;
	};

	let pending: CsvRecord[] = [];
	let start = 0;
	let header: CsvRecord | undefined;
	while (!header) {
		const next = await iterator.next();
		if (next.done) throw new UnreadableFileError('The file has no heading row: it holds no text.');
		pending = next.value;
		while (pending.length > 0) {
			const record = pending.shift()!;
			if (!isBlank(record.cells)) {
				header = record;
				break;
			}
			start = record.end;
		}
	}
	const headerLine = lineAt(start);
	if (header.errors.length > 0) {
		throw new UnreadableFileError(
			`The heading row (line ${headerLine}) cannot be read: ${describeCsvError(header.errors[0]!)}.`
		);
	}
	start = header.end;
	const headers = header.cells.map((cell) => cell.trim());

	async function* batches(): AsyncGenerator<RawBatch> {
		let row = 0;
		let batch = pending;
		for (;;) {
			const rows: RawRow[] = [];
			for (const record of batch) {
				// Papaparse turns the final line break into one empty record: that is not a row.
				if (record.end >= text.length && record.cells.length === 1 && record.cells[0] === '') continue;
				row++;
				const line = lineAt(start);
				start = record.end;
				const problem = record.errors.length > 0 ? describeCsvError(record.errors[0]!) : null;
				rows.push({ cells: record.cells, row, line, problem });
			}
			if (rows.length > 0) {
				yield { rows, bytesRead: Math.round((start / Math.max(text.length, 1)) * totalBytes) };
			}
			const next = await iterator.next();
			if (next.done) return;
			batch = next.value;
		}
	}

	return {
		format: 'csv',
		headers,
		encoding: decoded.encoding,
		delimiter,
		sheet: null,
		notes,
		totalBytes,
		batches: batches()
	};
}
