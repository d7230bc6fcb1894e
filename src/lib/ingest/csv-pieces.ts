/**
 * How many bytes of a large CSV DuckDB's reader is given at a time on the Data page (issue 14): its rows
 * stay uncompressed until its statement ends (about 16 bytes a cell), so a whole 1.9 GB extract in one
 * statement outgrew the tab. A piece's rows are appended to the compressed staging table before the next is
 * read. A file no larger than this is read in one statement, as it always was.
 */
export const csvPieceBytes = 32 * 2 ** 20;

/** One piece of a CSV, as a file DuckDB's reader can take on its own. */
export interface CsvPiece {
	/** The first piece: the file's own start (a BOM, title rows, the heading); later pieces start with the heading line. */
	readonly first: boolean;
	/** The piece's bytes: the first piece's as they are, a later one's after a copy of the heading line. */
	readonly blob: Blob;
	/** Add to a line number DuckDB gives within the piece to get the file's line number (0 for the first). */
	readonly lineOffset: number;
	/** Where the piece's own bytes start and end in the file. */
	readonly start: number;
	readonly end: number;
}

const quote = 0x22;
const comma = 0x2c;
const lf = 0x0a;
const cr = 0x0d;

/**
 * Where in `bytes` (which start at a line start, outside any quoted cell) to end a piece: the last line end
 * at or before `limit` and after `after`, or when there is none the first one after both (a line longer
 * than a piece), with how many lines end up to there; undefined when no line ends after `after`. A
 * quote opens a quoted cell only at a cell's start (after a comma or a line break), as DuckDB's reader reads
 * it: `ab"c` is a plain cell holding a quote. Inside a quoted cell `""` is a quote and a line break is part
 * of the cell, not a line end, and not counted: DuckDB numbers a row by the line ends before it.
 */
function pieceEnd(
	bytes: Uint8Array,
	lineBreak: number,
	limit: number,
	after: number
): { end: number; breaks: number } | undefined {
	let found: { end: number; breaks: number } | undefined;
	let breaks = 0;
	let at = 0;
	while (at < bytes.length) {
		// Outside a quoted cell: every line break up to the next quote ends a line.
		const open = bytes.indexOf(quote, at);
		const stop = open < 0 ? bytes.length : open;
		for (
			let next = bytes.indexOf(lineBreak, at);
			next >= 0 && next < stop;
			next = bytes.indexOf(lineBreak, next + 1)
		) {
			const end = { end: next + 1, breaks: ++breaks };
			if (end.end <= after) continue;
			if (end.end > limit) return found ?? end;
			found = end;
		}
		if (open < 0) break;
		const before = open === 0 ? lf : bytes[open - 1]!;
		at = open + 1;
		if (before !== comma && before !== lf && before !== cr) continue;
		// A quoted cell: to its closing quote, a quote not followed by another.
		for (;;) {
			const close = bytes.indexOf(quote, at);
			if (close < 0) return found;
			at = close + (bytes[close + 1] === quote ? 2 : 1);
			if (bytes[close + 1] !== quote) break;
		}
	}
	return found;
}

export interface CsvPieceOptions {
	/** Bytes per piece (a piece holds at least one whole line, so a longer line makes it longer). */
	readonly pieceBytes: number;
	/** The file's line ending (one kind only: the staged path declines mixed endings). */
	readonly lineBreak: '\n' | '\r\n' | '\r';
	/** The line the headings are on (1, or the one the user chose); no quote on or above it. */
	readonly headingLine: number;
}

/**
 * A CSV cut into pieces of about `pieceBytes` at line ends outside quoted cells (a quoted cell may hold a
 * line break; a CRLF is never split; only the first piece holds the BOM, title rows and the heading), each
 * later piece after a copy of the heading line, so DuckDB reads each on its own with the same columns and
 * the pieces' rows, in order, are the file's rows. Each piece's bytes are read once here to find its end,
 * never the whole file at once.
 */
export async function* csvPieces(file: Blob, options: CsvPieceOptions): AsyncGenerator<CsvPiece> {
	const lineBreak = options.lineBreak === '\r' ? cr : lf;
	const heading = await headingBytes(file, options.headingLine, lineBreak);
	let start = 0;
	let lines = 0;
	while (start < file.size) {
		const pieceBytes = Math.max(1, options.pieceBytes);
		// The first piece holds the heading and at least one line after it, as every later piece does.
		const after = start === 0 ? heading.end : 0;
		let end = file.size;
		let breaks = 0;
		for (let window = pieceBytes; start + pieceBytes < file.size; window *= 2) {
			const bytes = new Uint8Array(await file.slice(start, start + window).arrayBuffer());
			const cut = pieceEnd(bytes, lineBreak, pieceBytes, after);
			if (cut) {
				end = start + cut.end;
				breaks = cut.breaks;
				break;
			}
			// No line ends in the window: a line longer than a piece, read on to its end.
			if (start + window >= file.size) break;
		}
		const first = start === 0;
		yield {
			first,
			blob: first ? file.slice(0, end) : new Blob([heading.blob, file.slice(start, end)]),
			// A later piece's line 1 is the heading's copy, its line 2 the file's line `lines + 1`.
			lineOffset: first ? 0 : lines - 1,
			start,
			end
		};
		lines += breaks;
		start = end;
	}
}

/** The heading line's bytes with its line break (no BOM), to head every later piece, and where it ends. */
async function headingBytes(
	file: Blob,
	line: number,
	lineBreak: number
): Promise<{ blob: Blob; end: number }> {
	for (let window = 1 << 16; ; window *= 2) {
		const bytes = new Uint8Array(await file.slice(0, window).arrayBuffer());
		// Where each of the first `line` lines ends (just after its line break).
		const ends: number[] = [];
		for (
			let at = bytes.indexOf(lineBreak);
			at >= 0 && ends.length < line;
			at = bytes.indexOf(lineBreak, at + 1)
		)
			ends.push(at + 1);
		if (ends.length < line && window < file.size) continue;
		const start = line > 1 ? (ends[line - 2] ?? file.size) : 0;
		const bom = start === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
		const end = ends[line - 1] ?? file.size;
		return { blob: file.slice(bom ? 3 : start, end), end };
	}
}
