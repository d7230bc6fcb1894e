import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import { loadPopulation } from '$lib/engine/load-reference';
import { createSchema, loadContractCsv, refreshFacts } from '$lib/engine/load-tables';
import { appendArrow } from '$lib/engine/load-arrow';
import { cambridgeshireAndPeterborough } from '$lib/contract';
import { ingestStaged } from '$lib/engine/ingest-staged';
import { lockDown } from '$lib/engine/lock-down';
import { createNodeEngine } from '$lib/engine/node-engine';
import { wrappedQuery } from '$lib/engine/read-only-query';
import { ingestFile, toArrowIPC } from '$lib/ingest';
import { Sql, sql } from '$lib/sql/sql';
import { TEST_SECRET } from '../../helpers/engine';

/**
 * The lock-down changes the whole DuckDB instance for good, so this file starts an engine of its own rather
 * than the test worker's shared one (tests/helpers/engine.ts), and locks it before loading, as the app does.
 */
let engine: Engine;
beforeAll(async () => {
	engine = await createNodeEngine();
	await lockDown(engine);
	await engine.registerText('secret.csv', 'a,b\n1,2\n');
});
afterAll(() => engine.close());

describe('lockDown', () => {
	it('still loads the demo extract, the population and validated user files', async () => {
		await createSchema(engine, TEST_SECRET);
		await loadPopulation(engine, readFileSync('data/reference/district-population.csv', 'utf8'));
		await loadContractCsv(engine, 'referrals', readFileSync('data/demo/referrals.csv', 'utf8'));
		const outcome = await ingestFile(
			{ name: 'w.csv', bytes: new Uint8Array(readFileSync('tests/fixtures/ingest/windows-1252-crlf.csv')) },
			{ today: '2026-11-25' }
		);
		if (outcome.status !== 'loaded') throw new Error(outcome.status);
		await appendArrow(engine, 'referrals', toArrowIPC(outcome.result));
		await refreshFacts(engine);
		const [row] = await engine.query<{ n: number }>(sql`SELECT count(*) AS n FROM referral_facts`);
		const demoRows = readFileSync('data/demo/referrals.csv', 'utf8').trim().split('\n').length - 1;
		expect(row?.n).toBe(demoRows + outcome.result.loaded);
	});

	it("reads a chosen CSV through the Data page's staged load (the one upload name it allows)", async () => {
		const bytes = readFileSync('tests/fixtures/ingest/utf8-basic.csv');
		const file = Object.assign(new Blob([new Uint8Array(bytes)]), { name: 'utf8-basic.csv' });
		const staged = await ingestStaged(engine, file, {
			today: '2026-11-25',
			areas: cambridgeshireAndPeterborough
		});
		expect(staged?.result.loaded).toBe(6);
		await staged?.discard();
	});

	it('refuses any other file, even one registered in the engine, however it is named', async () => {
		for (const text of [
			"SELECT * FROM read_csv('secret.csv')",
			"SELECT * FROM 'secret.csv'",
			"SELECT * FROM read_text('secret.csv')",
			"SELECT * FROM glob('*')"
		]) {
			await expect(engine.query(new Sql(text))).rejects.toThrow(/Permission Error|disabled by configuration/);
			expect(await wrappedQuery(engine, text, 10)).toMatchObject({ status: 'error' });
		}
	});

	it('cannot be lifted: the configuration is locked', async () => {
		await expect(engine.exec(sql`SET enable_external_access = true`)).rejects.toThrow(/locked/);
		await expect(engine.exec(sql`SET lock_configuration = false`)).rejects.toThrow(/locked/);
		await expect(engine.exec(sql`SET allowed_paths = ['secret.csv']`)).rejects.toThrow(/locked/);
	});
});
