import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNativeEngine, defaultMemoryLimit } from '$lib/engine/native-engine';
import { sql } from '$lib/sql/sql';
import { freshEngine } from '../../helpers/engine';

describe('native engine', () => {
	let native: Engine;
	let wasm: Engine;
	beforeAll(async () => {
		native = await createNativeEngine();
		wasm = await freshEngine();
	}, 60_000);
	afterAll(async () => {
		await native.close();
		await wasm.close();
	});

	it('is the DuckDB build the wasm engines embed (the dev dependency is pinned to it)', async () => {
		const build = sql`SELECT library_version AS version, source_id FROM pragma_version()`;
		expect(await native.query(build)).toEqual(await wasm.query(build));
	});

	it('gives rows as the wasm engines do: dates as yyyy-mm-dd, big integers and decimals as numbers', async () => {
		const row = sql`SELECT DATE '2024-02-29' AS day, CAST(12 AS BIGINT) AS n, CAST(1.5 AS DECIMAL(4, 1)) AS d, 'x' AS t, [1, 2] AS l, NULL AS nothing`;
		expect(await native.query(row)).toEqual([
			{ day: '2024-02-29', n: 12, d: 1.5, t: 'x', l: [1, 2], nothing: null }
		]);
		expect(await native.query(row)).toEqual(await wasm.query(row));
	});

	it('reads text registered as a file by its name, as the wasm engines do', async () => {
		await native.registerText('registered.csv', 'a,b\n1,x\n');
		expect(await native.query(sql`SELECT * FROM read_csv('registered.csv')`)).toEqual([{ a: 1, b: 'x' }]);
		await native.dropFile('registered.csv');
	});
});

describe('native engine threads', () => {
	it('runs on the threads it is given, and on one per core DuckDB may use otherwise', async () => {
		const threads = sql`SELECT current_setting('threads') AS threads`;
		const one = await createNativeEngine(':memory:', { memoryLimit: '300MB', threads: 1 });
		const own = await createNativeEngine(':memory:', { memoryLimit: '300MB' });
		try {
			expect(await one.query(threads)).toEqual([{ threads: 1 }]);
			const [cores] = await own.query<{ threads: number }>(threads);
			expect(cores!.threads).toBeGreaterThanOrEqual(1);
		} finally {
			await one.close();
			await own.close();
		}
	});
});

describe('native engine memory', () => {
	it('takes half the memory available, never less than 1 GB', () => {
		expect(defaultMemoryLimit(8 * 2 ** 30)).toBe('4096MB');
		expect(defaultMemoryLimit(2 ** 30)).toBe('1024MB');
	});

	it('holds DuckDB to the limit and spills beside the database file, removing the spill folder on close', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'sightline-native-test-'));
		try {
			const path = join(dir, 'test.duckdb');
			const engine = await createNativeEngine(path, { memoryLimit: '300MB' });
			const [settings] = await engine.query<{ limit: string; spill: string }>(
				sql`SELECT current_setting('memory_limit') AS "limit", current_setting('temp_directory') AS spill`
			);
			expect(settings).toEqual({ limit: '286.1 MiB', spill: `${path}.tmp` });
			expect(existsSync(`${path}.tmp`)).toBe(true);
			await engine.close();
			expect(existsSync(`${path}.tmp`)).toBe(false);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
