import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tables, type TableName } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import { appendArrow } from '$lib/engine/load-arrow';
import { loadPopulation } from '$lib/engine/load-reference';
import { createSchema, refreshFacts, type Refresh } from '$lib/engine/load-tables';
import { ingestFile, toArrowIPC } from '$lib/ingest';
import { keyField } from '$lib/ingest/key-field';
import { derivedTables } from '$lib/sql/derived-tables';
import { ident, sql, type Sql } from '$lib/sql/sql';
import { freshEngine, TEST_SECRET } from '../../helpers/engine';

/**
 * Appending a monthly extract brings the facts and cubes up to date incrementally (issue 14): for random
 * splits of the demo extract into 2–4 files appended one by one through the Data page's pipeline (ingest
 * with the loaded IDs, so a row in two files is rejected as a duplicate the second time; Arrow; insert), the
 * derived tables equal a full rebuild of the same rows, table by table (EXCEPT ALL both ways), for every
 * table `derivedTables()` lists. Any other table a load leaves behind fails the test by name: a derived
 * table must be listed to be kept up to date.
 */
const populationCsv = readFileSync('data/reference/district-population.csv', 'utf8');
const demo = Object.fromEntries(
	(['referrals', 'missing_episodes'] as const).map((name) => {
		const [header, ...lines] = readFileSync(`data/demo/${name}.csv`, 'utf8').trimEnd().split('\n');
		return [name, { header: header!, lines }];
	})
) as Record<TableName, { header: string; lines: string[] }>;
/** The tables a load fills from files or the reference, which no refresh builds. */
const notDerived = new Set([...Object.keys(tables), 'population', 'partnership_secret']);
const today = '2026-12-07';

/** How an extract is split into files: in date order at random cuts, or each row to a random file. */
interface Split {
	parts: number;
	seed: number;
	chronological: boolean;
	/** The share of rows also put in a later file (rejected there as duplicates). */
	overlap: number;
}

/** A small seeded generator (mulberry32), so a split is fully given by its seed. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
	};
}

/** The lines of each file of a split (the demo's lines are in date order). */
function splitLines(lines: readonly string[], split: Split): string[][] {
	const next = random(split.seed);
	const cuts = Array.from({ length: split.parts - 1 }, () => Math.floor(next() * lines.length)).sort(
		(a, b) => a - b
	);
	const files: string[][] = Array.from({ length: split.parts }, () => []);
	lines.forEach((line, index) => {
		const part = split.chronological
			? cuts.filter((cut) => cut <= index).length
			: Math.floor(next() * split.parts);
		files[part]!.push(line);
		if (part < split.parts - 1 && next() < split.overlap) {
			files[part + 1 + Math.floor(next() * (split.parts - 1 - part))]!.push(line);
		}
	});
	return files;
}

/** Load one file as the Data page appends it; false when none of its rows loads (nothing changes then). */
async function appendFile(engine: Engine, name: TableName, lines: readonly string[]): Promise<boolean> {
	if (lines.length === 0) return false;
	const key = keyField(tables[name]).name;
	const known = await engine.query<{ id: string }>(sql`SELECT ${ident(key)} AS id FROM ${ident(name)}`);
	const text = [demo[name].header, ...lines].join('\n') + '\n';
	const outcome = await ingestFile(
		{ name: `${name}.csv`, bytes: new TextEncoder().encode(text) },
		{ table: name, today, knownIds: new Set(known.map((row) => row.id)) }
	);
	if (outcome.status !== 'loaded') throw new Error(`${name}: ${outcome.status}`);
	if (outcome.result.loaded === 0) return false;
	await appendArrow(engine, name, toArrowIPC(outcome.result));
	return true;
}

const tableNames = async (engine: Engine): Promise<string[]> =>
	(
		await engine.query<{ name: string }>(
			sql`SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1`
		)
	).map((row) => row.name);

/** Rows of `a` not in `b`, counting duplicates (EXCEPT ALL), leaving out the child number. */
async function rowsOnlyIn(engine: Engine, a: Sql, b: Sql, columns: Sql): Promise<number> {
	const [row] = await engine.query<{ n: number }>(
		sql`SELECT count(*) AS n FROM (SELECT ${columns} FROM ${a} EXCEPT ALL SELECT ${columns} FROM ${b})`
	);
	return row!.n;
}

/** A fresh database with the schema and the population reference, and no rows. */
async function emptyEngine(): Promise<Engine> {
	const engine = await freshEngine();
	await createSchema(engine, TEST_SECRET);
	await loadPopulation(engine, populationCsv);
	return engine;
}

describe('appending refreshes the derived tables incrementally', () => {
	it('lists every table a load builds', async () => {
		const engine = await emptyEngine();
		const listed = derivedTables().map((table) => table.table.text);
		const built = (await tableNames(engine)).filter((name) => !notDerived.has(name));
		expect(built.filter((name) => !listed.includes(ident(name).text))).toEqual([]);
		expect(built.map((name) => ident(name).text).sort()).toEqual([...listed].sort());
		await engine.close();
	});

	it('equals a full rebuild on random splits of the demo into 2 to 4 files, overlaps included', async () => {
		const splits = fc.record({
			parts: fc.integer({ min: 2, max: 4 }),
			seed: fc.integer(),
			chronological: fc.boolean(),
			overlap: fc.constantFrom(0, 0.02, 0.1),
			// Which table each part appends last: a table an append wrongly leaves as it is is caught only when
			// no later append (of the other table) rebuilds it.
			episodesFirst: fc.boolean()
		});
		await fc.assert(
			fc.asyncProperty(splits, async (split) => {
				const engine = await emptyEngine();
				try {
					const names = ['referrals', 'missing_episodes'] as const;
					const files = (split.episodesFirst ? [...names].reverse() : names).map(
						(name) => [name, splitLines(demo[name].lines, split)] as const
					);
					const refreshes: Refresh[] = [];
					for (let part = 0; part < split.parts; part++) {
						for (const [name, parts] of files) {
							if (await appendFile(engine, name, parts[part]!))
								refreshes.push(await refreshFacts(engine, () => {}, 'append'));
						}
					}
					// Every appended file was brought in incrementally, and no row was loaded twice.
					expect(refreshes.every((refresh) => refresh === 'append')).toBe(true);
					const [counts] = await engine.query<{ referrals: number; episodes: number }>(
						sql`SELECT (SELECT count(*) FROM referrals) AS referrals, (SELECT count(*) FROM missing_episodes) AS episodes`
					);
					expect(counts).toEqual({
						referrals: demo.referrals.lines.length,
						episodes: demo.missing_episodes.lines.length
					});

					const listed = derivedTables().map((one) => one.table);
					for (const table of listed)
						await engine.exec(
							sql`CREATE TABLE ${ident(`kept_${JSON.parse(table.text)}`)} AS SELECT * FROM ${table}`
						);
					expect(await refreshFacts(engine)).toBe('rebuild');
					for (const table of listed) {
						const kept = ident(`kept_${JSON.parse(table.text)}`);
						// The child number is a surrogate: an append numbers new children after the last one.
						const columns = sql`* EXCLUDE (child_key)`;
						const hasKey = (
							await engine.query<{ n: number }>(
								sql`SELECT count(*) AS n FROM duckdb_columns() WHERE database_name = current_database() AND table_name = ${JSON.parse(table.text)} AND column_name = 'child_key'`
							)
						)[0]!.n;
						const compared = hasKey > 0 ? columns : sql`*`;
						const counted = async (from: Sql) =>
							(await engine.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${from}`))[0]!.n;
						expect({
							table: table.text,
							rows: await counted(kept),
							onlyIncremental: await rowsOnlyIn(engine, kept, table, compared),
							onlyRebuilt: await rowsOnlyIn(engine, table, kept, compared)
						}).toEqual({ table: table.text, rows: await counted(table), onlyIncremental: 0, onlyRebuilt: 0 });
					}
					// Each child keeps one number, the one `child_keys` gives it, and numbers stay distinct.
					const [keys] = await engine.query<{ wrong: number; duplicates: number }>(
						sql`SELECT
							(SELECT count(*) FROM (SELECT child_id, child_key FROM kept_referral_facts UNION ALL SELECT child_id, child_key FROM kept_episode_facts) f
								ANTI JOIN kept_child_keys k USING (child_id, child_key)) AS wrong,
							(SELECT count(*) - count(DISTINCT child_key) FROM kept_child_keys) AS duplicates`
					);
					expect(keys).toEqual({ wrong: 0, duplicates: 0 });
				} finally {
					await engine.close();
				}
			}),
			{ seed: 14, numRuns: 8, endOnFailure: true }
		);
	}, 600_000);
});
