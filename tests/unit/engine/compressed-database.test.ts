import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import { createNodeEngine } from '$lib/engine/node-engine';
import { sql } from '$lib/sql/sql';

/**
 * The app's tables are stored compressed (issue 14): DuckDB-WASM's memory is at most 4 GB and cannot spill,
 * and DuckDB's default in-memory database holds every value uncompressed. A new engine of its own (not the
 * test helper's, which attaches compressed databases itself).
 */
describe('the engine database', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await createNodeEngine();
	}, 120_000);
	afterAll(async () => {
		await engine.close();
	});

	it('is an in-memory database DuckDB compresses, and the default for unqualified names', async () => {
		const [current] = await engine.query<{ name: string }>(sql`SELECT current_database() AS name`);
		expect(current!.name).toBe('sightline');
		// A column of coded text, as a staged or contract column holds. DuckDB compresses a write when it
		// checkpoints, which it does by itself as a later statement commits (a load writes many).
		await engine.exec(
			sql`CREATE TABLE coded AS SELECT (['male', 'female', 'not_recorded'])[1 + i % 3] AS gender FROM range(1000000) AS r(i)`
		);
		await engine.exec(sql`CHECKPOINT`);
		const storage = await engine.query<{ compression: string; n: number }>(
			sql`SELECT compression, count(*) AS n FROM pragma_storage_info('coded') WHERE segment_type = 'VARCHAR' GROUP BY ALL ORDER BY compression`
		);
		expect(storage.length).toBeGreaterThan(0);
		expect(storage.map((row) => row.compression)).not.toContain('Uncompressed');
		const [memory] = await engine.query<{ bytes: number }>(
			sql`SELECT sum(memory_usage_bytes)::DOUBLE AS bytes FROM duckdb_memory()`
		);
		// Uncompressed, 1,000,000 strings take 16 bytes each (16 MB) before any overhead.
		expect(memory!.bytes).toBeLessThan(4_000_000);
	});
});
