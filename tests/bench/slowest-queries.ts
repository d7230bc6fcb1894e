import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadPopulation } from '../../src/lib/engine/load-reference';
import { createSchema, loadContractCsv, refreshFacts } from '../../src/lib/engine/load-tables';
import { createNodeEngine } from '../../src/lib/engine/node-engine';
import { Sql } from '../../src/lib/sql/sql';

/** Any fixed secret: benches time queries, whatever the record keys. */
const TEST_SECRET = 'sightline-bench';

/**
 * Where a page's filter-change time goes: replays the queries a filter-change run recorded
 * (BENCH_QUERIES=dir) against the extract of BENCH_SIZES (default 1M) in Node, and prints each page's
 * slowest queries with their time. Run the filter-change benchmark at any size first: the SQL is the same.
 */
export async function slowestQueries(): Promise<void> {
	const dir = process.env.BENCH_QUERIES;
	if (!dir || !existsSync(dir))
		throw new Error('Set BENCH_QUERIES to the directory a filter-change run wrote.');
	const size = process.env.BENCH_SIZES?.split(',')[0] ?? '1M';
	const engine = await createNodeEngine();
	await createSchema(engine, TEST_SECRET);
	await loadPopulation(engine, readFileSync('data/reference/district-population.csv', 'utf8'));
	for (const table of ['referrals', 'missing_episodes'] as const)
		await loadContractCsv(engine, table, readFileSync(`data/bench/${size}/${table}.csv`, 'utf8'));
	await refreshFacts(engine);
	for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
		const recorded = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as { sql: string }[];
		const timed: { ms: number; sql: string }[] = [];
		for (const sql of new Set(recorded.map((query) => query.sql))) {
			const start = performance.now();
			await engine.query(new Sql(sql));
			timed.push({ ms: performance.now() - start, sql: sql.replace(/\s+/g, ' ') });
		}
		const total = timed.reduce((sum, query) => sum + query.ms, 0);
		console.log(`\n### ${file} at ${size}: ${timed.length} distinct queries, ${total.toFixed(0)} ms`);
		for (const { ms, sql } of timed.sort((a, b) => b.ms - a.ms).slice(0, 8))
			console.log(`${ms.toFixed(0).padStart(6)} ms  ${sql.slice(0, 150)}`);
	}
	await engine.close();
}
