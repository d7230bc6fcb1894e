import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvPieces, type CsvPiece } from '$lib/ingest/csv-pieces';

const text = async (blob: Blob) =>
	new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());

/**
 * Where each line of a CSV ends (just after its line break), read character by character as DuckDB reads
 * it: a quote at a cell's start opens a quoted cell, `""` inside one is a quote, a line break inside one
 * belongs to the cell. The slow, obvious reference the piece cutter's jumps are checked against.
 */
function lineEnds(csv: string, eol: string): number[] {
	const ends: number[] = [];
	let quoted = false;
	let cellStart = true;
	for (let at = 0; at < csv.length; at++) {
		const char = csv[at]!;
		if (quoted) {
			if (char === '"' && csv[at + 1] === '"') at++;
			else if (char === '"') quoted = false;
			continue;
		}
		if (char === '"' && cellStart) {
			quoted = true;
			cellStart = false;
		} else if (csv.startsWith(eol, at)) {
			at += eol.length - 1;
			ends.push(at + 1);
			cellStart = true;
		} else cellStart = char === ',';
	}
	return ends;
}

async function piecesOf(csv: string, pieceBytes: number, eol: '\n' | '\r\n', headingLine = 1) {
	const pieces: CsvPiece[] = [];
	for await (const piece of csvPieces(new Blob([csv]), { pieceBytes, lineBreak: eol, headingLine }))
		pieces.push(piece);
	return pieces;
}

describe('csvPieces', () => {
	it('cuts after a CRLF, never inside a quoted line break, with the heading before every later piece', async () => {
		const csv = 'a,b\r\n1,"x\r\ny"\r\n2,3\r\n';
		const pieces = await piecesOf(csv, 8, '\r\n');
		expect(await Promise.all(pieces.map((piece) => text(piece.blob)))).toEqual([
			'a,b\r\n1,"x\r\ny"\r\n',
			'a,b\r\n2,3\r\n'
		]);
		// The second piece's line 2 is the file's line 3 (DuckDB numbers the quoted cell's row as one line).
		expect(pieces.map((piece) => piece.lineOffset)).toEqual([0, 1]);
	});

	it('keeps a BOM and title rows in the first piece only, which reaches past the chosen heading', async () => {
		const csv = '\uFEFFTitle\nMore,,\na,b\n1,2\n3,4\n';
		const pieces = await piecesOf(csv, 1, '\n', 3);
		expect(await Promise.all(pieces.map((piece) => text(piece.blob)))).toEqual([
			'\uFEFFTitle\nMore,,\na,b\n1,2\n',
			'a,b\n3,4\n'
		]);
		expect(pieces[1]!.lineOffset).toBe(3);
	});

	it('reads a quote inside a plain cell as a character, not the start of a quoted cell', async () => {
		const pieces = await piecesOf('a,b\n1,x"y\n2,3\n', 1, '\n');
		expect(await Promise.all(pieces.map((piece) => text(piece.blob)))).toEqual([
			'a,b\n1,x"y\n',
			'a,b\n2,3\n'
		]);
	});

	/** Cells of every awkward kind: plain, quoted with commas, doubled quotes and line breaks, a stray quote. */
	const cell = fc.constantFrom(
		'1',
		'abc',
		'"x,y"',
		'"say ""hi"""',
		'"two\nlines"',
		'"cr\r\nlf"',
		'a"b',
		'',
		'é€'
	);
	const files = fc
		.record({
			rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
			crlf: fc.boolean(),
			finalBreak: fc.boolean()
		})
		.map(({ rows, crlf, finalBreak }) => {
			const eol: '\n' | '\r\n' = crlf ? '\r\n' : '\n';
			const lines = ['h1,h2', ...rows.map((cells) => cells.join(','))];
			return { csv: lines.join(eol) + (finalBreak ? eol : ''), eol };
		});

	it('pieces are the file in order, each cut at a line end outside quotes, with the lines before it', async () => {
		await fc.assert(
			fc.asyncProperty(files, fc.integer({ min: 1, max: 120 }), async ({ csv, eol }, pieceBytes) => {
				const bytes = new TextEncoder().encode(csv);
				const pieces = await piecesOf(csv, pieceBytes, eol);
				// Byte offsets of the line ends (the reference reads characters; the cutter reads UTF-8 bytes).
				const ends = lineEnds(csv, eol).map((at) => new TextEncoder().encode(csv.slice(0, at)).length);
				const heading = new TextEncoder().encode(`h1,h2${eol}`);
				expect(pieces[0]!.start).toBe(0);
				expect(pieces.at(-1)!.end).toBe(bytes.length);
				for (const [index, piece] of pieces.entries()) {
					if (index > 0) expect(piece.start).toBe(pieces[index - 1]!.end);
					const own = bytes.subarray(piece.start, piece.end);
					const blob = new Uint8Array(await piece.blob.arrayBuffer());
					expect(blob).toEqual(index === 0 ? own : new Uint8Array([...heading, ...own]));
					if (index === pieces.length - 1) continue;
					expect(ends).toContain(piece.end);
					// At most a piece's bytes, unless a single line is longer (then it ends at that line's end).
					const linesIn = ends.filter((end) => end > piece.start && end <= piece.end);
					if (index > 0) expect(piece.end - piece.start <= pieceBytes || linesIn.length === 1).toBe(true);
				}
				for (const piece of pieces.slice(1))
					expect(piece.lineOffset).toBe(ends.filter((end) => end <= piece.start).length - 1);
			}),
			{ numRuns: 300, seed: 14 }
		);
	});
});
