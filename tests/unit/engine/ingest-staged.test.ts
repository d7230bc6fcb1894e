import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cambridgeshireAndPeterborough } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import { ingestStaged } from '$lib/engine/ingest-staged';
import { createSchema } from '$lib/engine/load-tables';
import { ingestFile } from '$lib/ingest';
import { sql } from '$lib/sql/sql';
import { freshEngine, TEST_SECRET } from '../../helpers/engine';

const today = '2024-06-30';
const folder = 'tests/fixtures/ingest';
const fixtures = readdirSync(folder).filter((name) => /\.(csv|tsv|txt)$/.test(name));

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
	'missing-tokens.csv',
	'unknown-districts.csv',
	'unknown-optional-values.csv',
	'utf8-basic.csv',
	'utf8-bom.csv'
];

describe('the Data page staged path (DuckDB reads the file) against the worker path', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await freshEngine();
		await createSchema(engine, TEST_SECRET);
	}, 120_000);
	afterAll(async () => {
		await engine.close();
	});

	it.each(fixtures)('%s: the same account of every row, or handed to the worker', async (name) => {
		const bytes = new Uint8Array(readFileSync(`${folder}/${name}`));
		const file = Object.assign(new Blob([bytes]), { name });
		const staged = await ingestStaged(engine, file, { today, areas: cambridgeshireAndPeterborough });
		expect(staged !== undefined, `taken by the staged path: ${name}`).toBe(taken.includes(name));
		if (!staged) {
			// Nothing left behind for the worker path's load.
			const left = await engine.query<{ n: number }>(
				sql`SELECT count(*) AS n FROM duckdb_tables() WHERE temporary AND regexp_matches(table_name, '^(stage|checked|verdicts|duplicates|reject)_')`
			);
			expect(left[0]!.n).toBe(0);
			return;
		}
		try {
			const worker = await ingestFile(
				{ name, bytes },
				{ today, areaNotRecorded: 'ask', contractCheck: 'all' }
			);
			if (worker.status !== 'loaded') throw new Error(`the worker did not load ${name}: ${worker.status}`);
			const { columns: _columns, ...expected } = worker.result;
			expect(staged.result).toEqual(expected);
			expect(staged.result.read).toBe(
				staged.result.loaded + staged.result.rejectedRows + staged.result.outOfScope
			);
			// Inserted rows: exactly those loaded.
			const [before] = await engine.query<{ n: number }>(sql`SELECT count(*) AS n FROM referrals`);
			await staged.insert();
			const [after] = await engine.query<{ n: number }>(sql`SELECT count(*) AS n FROM referrals`);
			expect(after!.n - before!.n).toBe(staged.result.loaded);
		} finally {
			await staged.discard();
			await engine.exec(sql`DELETE FROM referrals`);
			await engine.exec(sql`DELETE FROM missing_episodes`);
		}
	});
});
