import { readdirSync, readFileSync } from 'node:fs';
import { DateDay, Int32, Int64, Table, tableToIPC, Utf8, Vector, vectorFromArray } from 'apache-arrow';
import { Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cambridgeshireAndPeterborough, tables, type TableName } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import { ingestStaged, type StagedIngest } from '$lib/engine/ingest-staged';
import { createSchema } from '$lib/engine/load-tables';
import { ingestFile } from '$lib/ingest';
import { columnValue } from '$lib/ingest/loaded-column';
import { windows1252High } from '$lib/ingest/decode-windows-1252';
import { parquetGroupsWasm } from '$lib/ingest/read-parquet';
import { ident, join, sql } from '$lib/sql/sql';
import { freshEngine, TEST_SECRET } from '../../helpers/engine';

const today = '2024-06-30';
const folder = 'tests/fixtures/ingest';
const fixtures = readdirSync(folder).filter((name) => /\.(csv|tsv|txt|parquet)$/.test(name));

/** The files the staged path takes; the rest it hands to the worker (another encoding, delimiter, layout…). */
const taken = [
	'all-rejected.csv',
	'append-february.csv',
	'append-january.csv',
	'dates-day-first.csv',
	'dates-excel-serial.csv',
	'dates-iso.csv',
	'dates-two-digit-year.csv',
	'duplicate-ids.csv',
	'future-and-age-warnings.csv',
	'hostile-cells.csv',
	'invisible-ids.csv',
	'long-cell.csv',
	'referrals.parquet',
	'missing-tokens.csv',
	'unknown-districts.csv',
	'unknown-optional-values.csv',
	'utf8-basic.csv',
	'utf8-bom.csv'
];

describe('the Data page staged path (DuckDB reads the file) against the worker path', () => {
	let engine: Engine;
	/** How many files the engine was given to read (each piece of a CSV read in pieces is one). */
	let registrations = 0;
	beforeAll(async () => {
		const fresh = await freshEngine();
		engine = {
			...fresh,
			async registerFile(name, file) {
				registrations++;
				await fresh.registerFile(name, file);
			}
		};
		await createSchema(engine, TEST_SECRET);
	}, 120_000);
	afterAll(async () => {
		await engine.close();
	});

	/**
	 * The staged account of a file equals the worker's (and its rows are inserted), or it is handed over.
	 * `appending`: the file is appended to the referrals already loaded, which the worker is given as known IDs.
	 */
	async function expectWorkerAccount(
		name: string,
		bytes: Uint8Array<ArrayBuffer>,
		taken: boolean,
		headerRow?: number,
		csvPieceBytes?: number,
		appending = false
	): Promise<StagedIngest | undefined> {
		const file = Object.assign(new Blob([bytes]), { name });
		const staged = await ingestStaged(engine, file, {
			today,
			areas: cambridgeshireAndPeterborough,
			parquet: parquetGroupsWasm,
			headerRow,
			csvPieceBytes,
			appending
		});
		expect(staged !== undefined, `taken by the staged path: ${name}`).toBe(taken);
		if (!staged) {
			// Nothing left behind for the worker path's load (the staging tables are in the app's database, not TEMP).
			const left = await engine.query<{ n: number }>(
				sql`SELECT count(*) AS n FROM duckdb_tables() WHERE regexp_matches(table_name, '^(stage|checked|verdicts|duplicates|issues|reject)_')`
			);
			expect(left[0]!.n).toBe(0);
			return undefined;
		}
		try {
			const rowsOf = (table: TableName) =>
				engine.query<Record<string, unknown>>(
					sql`SELECT ${join(tables[table].fields.map((field) => ident(field.name)))} FROM ${ident(table)}`
				);
			const before = await rowsOf(staged.result.table);
			const knownIds = appending ? new Set(before.map((row) => String(row.referral_id))) : undefined;
			const worker = await ingestFile(
				{ name, bytes },
				{ today, areaNotRecorded: 'ask', contractCheck: 'all', headerRow, knownIds }
			);
			if (worker.status !== 'loaded') throw new Error(`the worker did not load ${name}: ${worker.status}`);
			const { columns: _columns, ...expected } = worker.result;
			expect(staged.result).toEqual(expected);
			expect(staged.result.read).toBe(
				staged.result.loaded + staged.result.rejectedRows + staged.result.outOfScope
			);
			// Inserted rows: exactly those the worker loads, value for value, after any loaded before.
			await staged.insert();
			const fields = tables[worker.result.table].fields;
			const inserted = await rowsOf(worker.result.table);
			const loaded = Array.from({ length: worker.result.loaded }, (_, row) =>
				Object.fromEntries(
					fields.map((field) => [field.name, columnValue(worker.result.columns[field.name]!, row)])
				)
			);
			const byId = (rows: Record<string, unknown>[]) => rows.map((row) => JSON.stringify(row)).sort();
			expect(byId(inserted)).toEqual(byId([...before, ...loaded]));
			return staged;
		} finally {
			await staged.discard();
			await engine.exec(sql`DELETE FROM referrals`);
			await engine.exec(sql`DELETE FROM missing_episodes`);
		}
	}

	it.each(fixtures)('%s: the same account of every row, or handed to the worker', async (name) => {
		await expectWorkerAccount(name, new Uint8Array(readFileSync(`${folder}/${name}`)), taken.includes(name));
	});

	it('appends a file with the worker account given the loaded IDs: a key already loaded is rejected as such', async () => {
		const fixture = (name: string) => new Uint8Array(readFileSync(`${folder}/${name}`));
		const january = await ingestStaged(
			engine,
			Object.assign(new Blob([fixture('append-january.csv')]), { name: 'append-january.csv' }),
			{
				today,
				areas: cambridgeshireAndPeterborough
			}
		);
		await january!.insert();
		await january!.discard();
		// February repeats two of January's referrals (and the worker names them already loaded).
		const february = await expectWorkerAccount(
			'append-february.csv',
			fixture('append-february.csv'),
			true,
			undefined,
			undefined,
			true
		);
		expect(
			february!.result.rejected.filter((issue) => issue.reason.endsWith('(already loaded)'))
		).toHaveLength(2);
	});

	it.each(fixtures.filter((name) => name.endsWith('.csv')))(
		'%s read in pieces: the same account and rows as read whole (and as the worker)',
		async (name) => {
			const bytes = new Uint8Array(readFileSync(`${folder}/${name}`));
			const registered = registrations;
			for (const pieceBytes of [1, 50, 333]) {
				await expectWorkerAccount(name, bytes, taken.includes(name), undefined, pieceBytes);
			}
			// Not vacuous: a file staged in pieces registers each piece.
			if (taken.includes(name)) expect(registrations - registered).toBeGreaterThan(3);
		}
	);

	it('sends every identifier the parser would change to the parser (the byte test that skips it)', async () => {
		// Identifiers the SQL test must not pass as plain: blank, padded, a tab, `#`, a non-breaking or
		// zero-width character, a missing-value token, over the field's length; and plain ones beside them.
		const ids = [
			'',
			' R0002',
			'R0003 ',
			'R0004\t',
			'#R0005',
			'R\u00A00006',
			'R0007\u200B',
			'NULL',
			'n/a',
			'R'.repeat(65),
			'R 0011',
			'R0012:a/b.c-d_e',
			'R"0013"'
		];
		const rows = ids.map(
			(id, at) =>
				`${id.includes('"') ? `"${id.replaceAll('"', '""')}"` : id},C${at},2024-01-15,15,male,white,false,fenland,police,high`
		);
		const text = [
			'referral_id,child_id,referral_date,age_at_referral,gender,ethnicity,looked_after,district,referral_source,risk_level',
			...rows,
			''
		].join('\n');
		await expectWorkerAccount('identifiers.csv', new TextEncoder().encode(text), true);
	});

	/** Windows-1252 bytes of a text (every character in it is one of Windows-1252's). */
	const windows1252 = (text: string) =>
		Uint8Array.from(text, (char) => {
			const code = char.charCodeAt(0);
			const high = windows1252High.indexOf(code);
			if (code >= 0x80 && code <= 0x9f) throw new Error('not a Windows-1252 character');
			return high >= 0 ? 0x80 + high : code;
		});
	const heading =
		'referral_id,child_id,referral_date,age_at_referral,gender,ethnicity,looked_after,district,referral_source,risk_level';
	/** Referrals with cells Windows-1252 writes as one byte each, a rejected row of each kind and a duplicate. */
	const awkwardRows = [
		'R\u00e90001,C1,15/01/2024,15,male,white,false,fenland,police,high',
		'R0002,Ch\u00e2teau \u2019\u20ac,2024-02-01,16,Female,white,false,Peterborough,police,medium',
		'R0003,C3,31/02/2024,14,male,white,false,fenland,police,high',
		'R0004,C4,2024-03-01,14,m\u00e2le,white,false,fenland,police,high',
		'R\u00a00005,C5,2024-03-02,15,female,white,false,fenland,police,high',
		'R0002,C6,2024-03-03,15,female,white,false,fenland,police,high',
		'R0007,C7,2024-03-04,13,female,white,false,nowhere \u201cquoted\u201d,police,low',
		'R0008,C8,2024-03-05,17,female,white,false,cambridge,police,low'
	];
	const csv = (lines: readonly string[], crlf = false) =>
		lines.join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');

	it('stages a Windows-1252 CSV (converted to UTF-8 in pieces) with the worker account, row and line numbers', async () => {
		for (const crlf of [false, true]) {
			const staged = await expectWorkerAccount(
				`windows-1252${crlf ? '-crlf' : ''}.csv`,
				windows1252(csv([heading, ...awkwardRows], crlf)),
				true
			);
			const summary = staged!.result.files[0]!;
			expect(summary.encoding).toBe('windows-1252');
			expect([staged!.result.read, staged!.result.loaded, staged!.result.rejectedRows]).toEqual([8, 5, 3]);
			expect(staged!.result.rejected.map((issue) => [issue.row, issue.line])).toEqual([
				[3, 4],
				[6, 7],
				[7, 8]
			]);
			// The unknown district is quoted as Windows-1252 meant it (curly quotes, not bytes 0x93 and 0x94).
			expect(staged!.result.rejected.map((issue) => issue.value)).toContain('nowhere \u201cquoted\u201d');
		}
	});

	it('reads a chosen heading line below title rows as the worker does, with its rows and lines', async () => {
		const titled = [
			'Exploitation referrals, Fenland,,',
			'',
			'Produced 1 April 2024 by the MASH',
			heading,
			...awkwardRows
		];
		const staged = await expectWorkerAccount('titled.csv', windows1252(csv(titled)), true, 4);
		expect(staged!.result.files[0]!.headerRow).toBe(4);
		expect(staged!.result.files[0]!.notes).toContain('The headings are on line 4, as chosen.');
		// Data row 6 (line 10) repeats the ID first seen on data row 2, line 6.
		expect(staged!.result.rejected.map((issue) => [issue.row, issue.line])).toEqual([
			[3, 7],
			[6, 10],
			[7, 11]
		]);
		expect(staged!.result.rejected[1]!.reason).toContain('data row 2, line 6');
		// Line 1 chosen on a file whose headings are there: the same account, with the worker's note.
		const first = await expectWorkerAccount(
			'first-line.csv',
			windows1252(csv([heading, ...awkwardRows])),
			true,
			1
		);
		expect(first!.result.files[0]!.notes).toContain('The headings are on line 1, as chosen.');
	});

	it('reads a Windows-1252 CSV and a chosen heading below title rows in pieces, with the same rows and lines', async () => {
		const titled = ['Exploitation referrals, Fenland,,', 'Produced 1 April 2024', heading, ...awkwardRows];
		for (const pieceBytes of [1, 70, 150]) {
			for (const crlf of [false, true]) {
				const whole = await expectWorkerAccount('w.csv', windows1252(csv(titled, crlf)), true, 3);
				const pieced = await expectWorkerAccount(
					'w.csv',
					windows1252(csv(titled, crlf)),
					true,
					3,
					pieceBytes
				);
				expect(pieced!.result).toEqual(whole!.result);
				expect(pieced!.result.rejected.map((issue) => [issue.row, issue.line])).toEqual([
					[3, 6],
					[6, 9],
					[7, 10]
				]);
			}
		}
	});

	it('hands a chosen heading line to the worker when a quote above it could open a cell across lines', async () => {
		const quoted = ['"Exploitation referrals', 'Fenland"', heading, ...awkwardRows];
		await expectWorkerAccount('quoted-title.csv', windows1252(csv(quoted)), false, 3);
		// A blank chosen line is the worker's to refuse.
		await expectWorkerAccount(
			'blank-heading.csv',
			windows1252(csv(['Title', '', heading, ...awkwardRows])),
			false,
			2
		);
	});

	/** A Parquet file written by parquet-wasm from Arrow columns (arrays as apache-arrow infers their types). */
	const parquetOf = (
		columns: Record<string, readonly unknown[] | Float64Array | Int32Array | Vector>,
		rowGroupSize?: number
	) => {
		const vectors = Object.fromEntries(
			Object.entries(columns).map(([name, values]) => [
				name,
				values instanceof Vector ? values : vectorFromArray(values)
			])
		);
		const properties =
			rowGroupSize === undefined
				? undefined
				: new WriterPropertiesBuilder().setMaxRowGroupSize(rowGroupSize).build();
		return new Uint8Array(
			writeParquet(WasmTable.fromIPCStream(tableToIPC(new Table(vectors), 'stream')), properties)
		);
	};

	it('stages a Parquet file of text, dates, yes/no and whole numbers with the worker account', async () => {
		const n = 8;
		const bytes = parquetOf({
			referral_id: ['P1', 'P2', 'P2', '', ' P5', 'P6', 'P7', 'P8'],
			child_id: Array.from({ length: n }, (_, at) => `C${at}`),
			referral_date: vectorFromArray(
				Array.from({ length: n }, (_, at) => new Date(Date.UTC(2023, 0, 15 + at * 40))),
				new DateDay()
			),
			age_at_referral: Int32Array.from([15, 16, 30, 12, 14, -1, 17, 9]),
			gender: ['male', 'Female', 'x', 'male', 'female', 'male', 'a) Male', 'female'],
			district: [
				'fenland',
				'Peterborough',
				'nowhere',
				'cambridge',
				'fenland',
				'fenland',
				'fenland',
				'fenland'
			],
			looked_after: [true, false, true, false, true, false, true, false]
		});
		await expectWorkerAccount('edge.parquet', bytes, true);
	});

	it('stages the dates, yes/no and whole numbers of a Parquet file typed (no text copy), with the worker account', async () => {
		// Typed cells each check can fail: a date missing or before the plausible window, in the future, a
		// missing yes/no, an age missing or out of range, a count above its range, a 64-bit count; and clean ones.
		const day = (iso: string | null) => (iso === null ? null : new Date(`${iso}T00:00:00Z`));
		const dates = ['2023-01-15', null, '1990-06-01', '2027-03-01', '2024-02-29', '2024-05-01', '2000-01-01'];
		const n = dates.length;
		const bytes = parquetOf({
			referral_id: Array.from({ length: n }, (_, at) => `T${at}`),
			child_id: Array.from({ length: n }, (_, at) => `C${at}`),
			referral_date: vectorFromArray(dates.map(day), new DateDay()),
			age_at_referral: vectorFromArray([15, 16, 12, 14, 30, null, 17], new Int32()),
			gender: Array.from({ length: n }, () => 'female'),
			district: Array.from({ length: n }, () => 'fenland'),
			looked_after: [true, null, false, true, null, false, true],
			nrm_referral: [false, true, null, true, false, null, true],
			missing_episodes_12m: vectorFromArray([0n, 3n, null, 2n, 40n, 1n, 501n], new Int64())
		});
		const file = Object.assign(new Blob([bytes]), { name: 'typed.parquet' });
		const staged = await ingestStaged(engine, file, {
			today,
			areas: cambridgeshireAndPeterborough,
			parquet: parquetGroupsWasm
		});
		try {
			const types = await engine.query<{ name: string; type: string }>(
				sql`SELECT column_name AS name, column_type AS type FROM (DESCRIBE stage_upload)`
			);
			expect(Object.fromEntries(types.map((column) => [column.name, column.type]))).toMatchObject({
				referral_id: 'VARCHAR',
				referral_date: 'DATE',
				age_at_referral: 'INTEGER',
				looked_after: 'BOOLEAN',
				missing_episodes_12m: 'BIGINT'
			});
		} finally {
			await staged?.discard();
		}
		const account = await expectWorkerAccount('typed.parquet', bytes, true);
		// Every kind of typed verdict was met: rejected rows and warnings both.
		expect(account!.result.rejectedRows).toBeGreaterThan(0);
		expect(account!.result.warnings.length).toBeGreaterThan(0);
	});

	it('hands a Parquet file with a column of another type (a float) to the worker', async () => {
		const bytes = parquetOf({
			referral_id: ['P1', 'P2'],
			child_id: ['C1', 'C2'],
			referral_date: ['2024-01-15', '2024-02-01'],
			age_at_referral: Float64Array.from([15, 16.5]),
			gender: ['male', 'female'],
			district: ['fenland', 'fenland']
		});
		await expectWorkerAccount('float.parquet', bytes, false);
	});

	it.each(['dictionary', 'plain'])(
		'stages a Parquet file of several row groups (%s text), one at a time, with the worker account in file order',
		async (kind) => {
			// Dictionary text is staged by copying each group (its codes as text); plain text appends the groups.
			const text = (values: string[]) => (kind === 'plain' ? vectorFromArray(values, new Utf8()) : values);
			// Row groups of 3: a duplicate of a first group's ID in the third, a rejected cell in the second, and an
			// ID whose first row was rejected; row numbers run on across the groups.
			const n = 10;
			const bytes = parquetOf(
				{
					referral_id: text(['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G1', 'G8', 'G5', 'G10']),
					child_id: text(Array.from({ length: n }, (_, at) => `C${at}`)),
					referral_date: vectorFromArray(
						Array.from({ length: n }, (_, at) => new Date(Date.UTC(2023, 0, 15 + at * 20))),
						new DateDay()
					),
					age_at_referral: Int32Array.from([15, 16, 12, 14, 40, 13, 11, 17, 9, 10]),
					gender: text(['male', 'female', 'male', 'x', 'male', 'female', 'male', 'female', 'male', 'female']),
					district: text(Array.from({ length: n }, () => 'fenland'))
				},
				3
			);
			const { ParquetFile } = await import('parquet-wasm');
			const reader = await ParquetFile.fromFile(new Blob([bytes]));
			expect(reader.metadata().numRowGroups()).toBe(4);
			reader.free();
			await expectWorkerAccount('groups.parquet', bytes, true);
		}
	);
});
