import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cambridgeshireAndPeterborough } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import { createSchema } from '$lib/engine/load-tables';
import { checkStaged, readStaged, readStagedPieces, type StagedCheck } from '$lib/engine/load-staged';
import { csvPieces } from '$lib/ingest/csv-pieces';
import { ident, sql } from '$lib/sql/sql';
import { freshEngine, TEST_SECRET } from '../../helpers/engine';

const heading =
	'referral_id,child_id,referral_date,age_at_referral,gender,ethnicity,looked_after,district,referral_source,risk_level';
const path = 'sightline-upload.csv';

/** The kinds of line a file holds: good rows, rows a rule rejects, rows DuckDB's reader cannot split. */
const lineKinds: ((n: number, eol: string) => string)[] = [
	(n: number) => `R${n},C${n},2024-01-15,15,male,white,false,fenland,police,high`,
	// A quoted cell with a comma, a doubled quote, a line break (LF, or the file's CRLF) inside.
	(n: number, eol: string) =>
		`R${n},"C${n}, ""the"" child${eol}x",2024-02-01,14,female,white,false,fenland,police,low`,
	// A quote inside a plain cell is a character of it (DuckDB does not open a quoted cell there).
	(n: number) => `R${n},C${n}ab"c,2024-02-01,14,female,white,false,fenland,police,low`,
	// Rejected by the rules: an impossible date, an unknown district, a duplicate ID.
	(n: number) => `R${n},C${n},31/02/2024,15,male,white,false,fenland,police,high`,
	(n: number) => `R${n},C${n},2024-03-01,15,male,white,false,nowhere,police,high`,
	() => `R1,C1,2024-03-02,15,male,white,false,fenland,police,high`,
	// Set aside by the reader: too many cells, too few.
	(n: number) => `R${n},C${n},2024-03-03,15,male,white,false,fenland,police,high,extra`,
	(n: number) => `R${n},C${n},2024-03-04`
];

interface Case {
	readonly text: string;
	readonly headingLine: number;
	readonly lineBreak: '\n' | '\r\n';
}

/** A file: optional BOM and title rows above the heading, then lines of the kinds above. */
const cases: fc.Arbitrary<Case> = fc
	.record({
		kinds: fc.array(fc.nat(lineKinds.length - 1), { minLength: 1, maxLength: 24 }),
		crlf: fc.boolean(),
		bom: fc.boolean(),
		titles: fc.nat(2),
		finalBreak: fc.boolean()
	})
	.map(({ kinds, crlf, bom, titles, finalBreak }) => {
		const eol = crlf ? '\r\n' : '\n';
		const lines = [
			...Array.from({ length: titles }, (_, at) => `Title ${at + 1},,`),
			heading,
			// The first data line is a good row: DuckDB's sniffer reads the first lines of each read.
			lineKinds[0]!(1, eol),
			...kinds.map((kind, at) => lineKinds[kind]!(at + 2, eol))
		];
		return {
			text: (bom ? '\uFEFF' : '') + lines.join(eol) + (finalBreak ? eol : ''),
			headingLine: titles + 1,
			lineBreak: eol
		};
	});

describe('readStagedPieces: a CSV read by DuckDB in pieces cut at line ends', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await freshEngine();
		await createSchema(engine, TEST_SECRET);
	}, 120_000);
	afterAll(async () => {
		await engine.close();
	});

	/** The staged rows and the whole account of a file, read whole or in pieces of `pieceBytes`. */
	async function account(file: Case, pieceBytes: number | undefined) {
		const stage = ident('stage_pieces');
		const blob = new Blob([file.text]);
		const skip = file.headingLine - 1;
		let staged;
		let pieces = 0;
		if (pieceBytes === undefined) {
			await engine.registerFile(path, blob);
			staged = await readStaged(engine, { path, format: 'csv' }, stage, false, skip);
		} else {
			const counted = async function* () {
				for await (const piece of csvPieces(blob, {
					pieceBytes,
					headingLine: file.headingLine,
					lineBreak: file.lineBreak
				})) {
					pieces++;
					yield piece;
				}
			};
			staged = await readStagedPieces(engine, counted(), path, stage, false, skip);
		}
		const rows = await engine.query(sql`SELECT rowid, * FROM ${stage} ORDER BY rowid`);
		let check: StagedCheck | undefined;
		try {
			check = await checkStaged(engine, 'referrals', { path, format: 'csv' }, staged, {
				today: '2024-06-30',
				areas: cambridgeshireAndPeterborough,
				listLimit: Number.MAX_SAFE_INTEGER,
				headingLine: file.headingLine
			});
			const { insert: _insert, discard: _discard, phases: _phases, ...rest } = check;
			return { headers: staged.headers, rows, account: rest, pieces };
		} finally {
			await check?.discard();
			if (pieceBytes === undefined) await engine.dropFile(path);
		}
	}

	it('gives the same rows and the same account (rows, lines, columns, values, reasons) as one read', async () => {
		let most = 0;
		await fc.assert(
			fc.asyncProperty(cases, fc.integer({ min: 1, max: 400 }), async (file, pieceBytes) => {
				const whole = await account(file, undefined);
				const pieced = await account(file, pieceBytes);
				expect(pieced.headers).toEqual(whole.headers);
				expect(pieced.rows).toEqual(whole.rows);
				expect(pieced.account).toEqual(whole.account);
				const { read, loaded, rejectedRows, outOfScope } = pieced.account;
				expect(read).toBe(loaded + rejectedRows + outOfScope);
				most = Math.max(most, pieced.pieces);
			}),
			{ numRuns: 40, seed: 14 }
		);
		// Not vacuous: files were cut into many pieces.
		expect(most).toBeGreaterThan(10);
	}, 300_000);
});
