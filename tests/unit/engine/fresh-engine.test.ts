import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import { sql } from '$lib/sql/sql';
import { freshEngine } from '../../helpers/engine';

// The test helper shares one DuckDB instance per worker; these check that files still cannot see each other.
const opened: Engine[] = [];
async function open(): Promise<Engine> {
	const engine = await freshEngine();
	opened.push(engine);
	return engine;
}
// Opened in a hook: the first engine in a worker instantiates DuckDB, which can outlast a test's timeout.
let empty: Engine, first: Engine, second: Engine;
beforeAll(async () => {
	[empty, first, second] = [await open(), await open(), await open()];
});
afterAll(async () => {
	for (const engine of opened) await engine.close();
});

const count = async (engine: Engine) =>
	(await engine.query<{ n: number }>(sql`SELECT count(*) AS n FROM t`))[0]?.n;

describe('freshEngine', () => {
	it('starts with no tables or types', async () => {
		const [row] = await empty.query<{ tables: number; types: number }>(
			sql`SELECT (SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database()) AS tables,
				(SELECT count(*) FROM duckdb_types() WHERE database_name = current_database() AND NOT internal) AS types`
		);
		expect(row).toEqual({ tables: 0, types: 0 });
	});

	it('keeps same-named tables of interleaved engines apart', async () => {
		await first.exec(sql`CREATE TABLE t AS SELECT 1 AS x`);
		await second.exec(sql`CREATE TABLE t AS SELECT * FROM range(2)`);
		expect(await count(first)).toBe(1);
		expect(await count(second)).toBe(2);
		await first.close();
		expect(await count(second)).toBe(2);
		await expect(count(first)).rejects.toThrow(/closed/);
	});
});
