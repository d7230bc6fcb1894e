/**
 * The native command's load, statement by statement (issue 14): `npx tsx tests/bench/native-profile.ts FILE
 * [native|wasm]` runs schema, population, staged check and insert, facts and cubes on one referrals file,
 * timing every statement, and prints the slowest with their share of the whole. `native` (default) is the
 * native command's engine (a database file, PROFILE_MEMORY_LIMIT, default 6GB); `wasm` is DuckDB-WASM in
 * Node on the same statements, to tell what native DuckDB does slower. PROFILE_EXPLAIN=N prints DuckDB's
 * `EXPLAIN ANALYZE` of the N slowest statements (native only; they are run again, on a second database).
 * PROFILE_LOG=1 prints each statement as it ends (a long run stopped part way still says how far it got);
 * the read, check and insert and the facts and cubes are printed with their wall and CPU seconds.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPopulation } from '../../src/lib/engine/load-reference';
import { loadStaged } from '../../src/lib/engine/load-staged';
import { createSchema, refreshFacts } from '../../src/lib/engine/load-tables';
import { createNativeEngine } from '../../src/lib/engine/native-engine';
import { createNodeEngine } from '../../src/lib/engine/node-engine';
import type { Engine } from '../../src/lib/engine/engine';
import { Sql } from '../../src/lib/sql/sql';

interface Timed {
	readonly text: string;
	readonly ms: number;
}

/** The engine, with every exec and query timed into `log`. */
function timed(engine: Engine, log: Timed[]): Engine {
	const clock =
		<A extends unknown[], R>(run: (statement: Sql, ...rest: A) => Promise<R>) =>
		async (statement: Sql, ...rest: A): Promise<R> => {
			const started = performance.now();
			try {
				return await run(statement, ...rest);
			} finally {
				log.push({ text: statement.text, ms: performance.now() - started });
				// PROFILE_LOG=1: each statement as it ends, for a run that may be stopped before the summary.
				if (process.env.PROFILE_LOG === '1')
					console.log(
						`${new Date().toISOString().slice(11, 19)} ${((performance.now() - started) / 1000).toFixed(2).padStart(8)} s  ${(peakRss / 1e9).toFixed(2)} GB  ${oneLine(statement.text, 120)}`
					);
			}
		};
	return {
		...engine,
		exec: clock((statement) => engine.exec(statement)),
		query: clock((statement) => engine.query(statement)) as Engine['query'],
		arrow: clock((statement) => engine.arrow(statement))
	};
}

/** The largest resident memory of this process so far, sampled every 200 ms. */
let peakRss = 0;
setInterval(() => {
	peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 200).unref();

/** Wall and CPU seconds of this process (every DuckDB thread) since `from`, and the peak resident memory so far. */
function since(from: { wall: number; cpu: NodeJS.CpuUsage }): string {
	const cpu = process.cpuUsage(from.cpu);
	return `${((performance.now() - from.wall) / 1000).toFixed(1)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, peak resident ${(peakRss / 1e9).toFixed(2)} GB so far`;
}

const mark = () => ({ wall: performance.now(), cpu: process.cpuUsage() });

async function load(engine: Engine, path: string): Promise<void> {
	const format = path.endsWith('.parquet') ? 'parquet' : 'csv';
	await createSchema(engine, 'sightline-profile');
	await loadPopulation(engine, readFileSync('data/reference/district-population.csv', 'utf8'));
	const staged = mark();
	const loaded = await loadStaged(engine, 'referrals', { path, format }, { today: '2026-12-07' });
	console.log(
		`read, check and insert (${loaded.loaded.toLocaleString('en-GB')} rows loaded): ${since(staged)}`
	);
	const facts = mark();
	await refreshFacts(engine);
	console.log(`facts and cubes: ${since(facts)}`);
}

const oneLine = (text: string, width = 160) => text.replace(/\s+/g, ' ').slice(0, width);

async function main(): Promise<void> {
	const [path, kind = 'native'] = process.argv.slice(2);
	if (!path) throw new Error('Usage: tsx tests/bench/native-profile.ts FILE [native|wasm]');
	const memoryLimit = process.env.PROFILE_MEMORY_LIMIT ?? '6GB';
	const dir = mkdtempSync(join(tmpdir(), 'sightline-profile-'));
	const log: Timed[] = [];
	const engine =
		kind === 'wasm'
			? await createNodeEngine()
			: await createNativeEngine(join(dir, 'sightline.duckdb'), { memoryLimit });
	// PROFILE_WORK=temp|memory: do the load's work in DuckDB's temporary (uncompressed) database, or an attached in-memory one.
	const work = process.env.PROFILE_WORK;
	if (work === 'temp') await engine.exec(new Sql('USE temp'));
	if (work === 'memory') await engine.exec(new Sql("ATTACH ':memory:' AS work; USE work"));
	const started = performance.now();
	const cpu = process.cpuUsage();
	try {
		await load(timed(engine, log), path);
	} finally {
		await engine.close();
	}
	const total = performance.now() - started;
	const slowest = [...log].sort((a, b) => b.ms - a.ms);
	const used = process.cpuUsage(cpu);
	console.log(
		`${kind}${work ? ` (work in ${work})` : ''} ${path}: ${(total / 1000).toFixed(1)} s, CPU ${((used.user + used.system) / 1e6).toFixed(1)} s, in ${log.length} statements`
	);
	for (const one of slowest.slice(0, 25))
		console.log(
			`${(one.ms / 1000).toFixed(2).padStart(8)} s ${((one.ms / total) * 100).toFixed(1).padStart(5)}%  ${oneLine(one.text)}`
		);
	const explain = Number(process.env.PROFILE_EXPLAIN ?? 0);
	if (kind === 'native' && explain > 0) {
		// Run the load again on a fresh database, explaining the slowest statements in place of running them.
		const wanted = new Set(slowest.slice(0, explain).map((one) => one.text));
		const again = await createNativeEngine(join(dir, 'explain.duckdb'), { memoryLimit });
		const explaining: Engine = {
			...again,
			async exec(statement) {
				if (!wanted.has(statement.text)) return again.exec(statement);
				const rows = await again.query<{ explain_value: string }>(
					new Sql(`EXPLAIN ANALYZE ${statement.text}`)
				);
				console.log(
					`\n=== ${oneLine(statement.text, 300)}\n${rows.map((row) => row.explain_value).join('\n')}`
				);
			}
		};
		try {
			await load(explaining, path);
		} finally {
			await again.close();
		}
	}
	rmSync(dir, { recursive: true, force: true });
}

await main();
