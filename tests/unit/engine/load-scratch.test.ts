import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cambridgeshireAndPeterborough } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import { ingestStaged } from '$lib/engine/ingest-staged';
import { createSchema } from '$lib/engine/load-tables';
import { scratchOf } from '$lib/engine/load-staged';
import { uncompressedScratchBytes } from '$lib/ingest/browser-budget';
import { sql } from '$lib/sql/sql';
import { freshEngine, TEST_SECRET } from '../../helpers/engine';

describe('where a load writes its working tables (issue 14)', () => {
	const browser = { canSpill: false } as Engine;
	const native = { canSpill: true } as Engine;

	it('uncompressed (TEMP) for a file that fits so, compressed in the database for a larger one in the browser', () => {
		expect(scratchOf(browser, 184_173_291)).toBe('temporary');
		expect(scratchOf(browser, uncompressedScratchBytes)).toBe('temporary');
		expect(scratchOf(browser, uncompressedScratchBytes + 1)).toBe('database');
		// A caller that does not know the size (the facts, a Parquet stage) keeps the compressed tables.
		expect(scratchOf(browser)).toBe('database');
		// Native DuckDB spills, so it always writes them uncompressed.
		expect(scratchOf(native, 10 * uncompressedScratchBytes)).toBe('temporary');
		expect(scratchOf(native)).toBe('temporary');
	});

	describe('the Data page path', () => {
		let engine: Engine;
		beforeAll(async () => {
			engine = await freshEngine();
			await createSchema(engine, TEST_SECRET);
		}, 120_000);
		afterAll(async () => {
			await engine.close();
		});

		it('stages and checks a small CSV in TEMP tables, read in pieces or whole, and leaves none behind', async () => {
			const bytes = readFileSync('tests/fixtures/ingest/append-january.csv');
			for (const csvPieceBytes of [64, undefined]) {
				const file = Object.assign(new Blob([bytes]), { name: 'append-january.csv' });
				const staged = await ingestStaged(engine, file, {
					today: '2024-06-30',
					areas: cambridgeshireAndPeterborough,
					csvPieceBytes
				});
				expect(staged).toBeDefined();
				const working = async () =>
					await engine.query<{ name: string; temporary: boolean }>(
						sql`SELECT table_name AS name, temporary FROM duckdb_tables() WHERE regexp_matches(table_name, '^(stage|checked|duplicates)_') ORDER BY name`
					);
				const tables = await working();
				expect(tables.map((table) => table.name)).toContain('stage_upload');
				expect(tables.every((table) => table.temporary)).toBe(true);
				await staged!.discard();
				expect(await working()).toEqual([]);
			}
		}, 120_000);
	});
});
