import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { cambridgeshireAndPeterborough } from '../../src/lib/contract';
import type { Engine } from '../../src/lib/engine/engine';
import { ingestStaged } from '../../src/lib/engine/ingest-staged';
import { loadPopulation } from '../../src/lib/engine/load-reference';
import { createSchema, refreshFacts } from '../../src/lib/engine/load-tables';
import { createNodeEngine } from '../../src/lib/engine/node-engine';
import { parquetGroupsWasm } from '../../src/lib/ingest/read-parquet';
import { sql, type Sql } from '../../src/lib/sql/sql';
import { extract } from './load-extract';
import { median } from './preview-server';

type Format = 'csv' | 'parquet';

/**
 * The Data page's staged load phase by phase (issue 14) in DuckDB-WASM's Node build (the browser's wasm, one
 * thread, no browser): the floor (`read_csv` all VARCHAR; parquet-wasm → Arrow → insert), then the staged
 * load's read, check, insert, facts and cubes, each statement timed. The quick loop while changing the
 * load's SQL: `BENCH_SIZES=100k` (default) or `1M`, `BENCH_FORMATS=csv,parquet`, `BENCH_RUNS` (default 3).
 * Parquet is the generator's own (`referrals.parquet`); the load-baselines bench has the browser's figures.
 */
export async function stagedPhases(runs = Number(process.env.BENCH_RUNS ?? 3)): Promise<void> {
	const label = process.env.BENCH_SIZES?.split(',')[0] ?? '100k';
	const rows = label === '1M' ? 1_000_000 : 100_000;
	const dir = extract(label, rows);
	const formats = (process.env.BENCH_FORMATS?.split(',') ?? ['csv', 'parquet']) as Format[];
	for (const format of formats) {
		const path =
			process.env.BENCH_PARQUET && format === 'parquet'
				? process.env.BENCH_PARQUET
				: `${dir}/referrals.${format}`;
		const bytes = new Uint8Array(readFileSync(path));
		const phases = new Map<string, number[]>();
		const statements = new Map<string, number[]>();
		const add = (map: Map<string, number[]>, name: string, ms: number, run: number) => {
			const list = map.get(name) ?? [];
			list[run] = (list[run] ?? 0) + ms;
			map.set(name, list);
		};
		for (let run = 0; run < runs; run++) {
			const inner = await createNodeEngine();
			let phase = 'floor';
			const engine: Engine = {
				...inner,
				async exec(statement: Sql) {
					const started = performance.now();
					await inner.exec(statement);
					add(
						statements,
						`${phase}: ${statement.text.replace(/\s+/g, ' ').slice(0, 90)}`,
						performance.now() - started,
						run
					);
				},
				async query<Row extends object>(statement: Sql) {
					const started = performance.now();
					const result = await inner.query<Row>(statement);
					add(
						statements,
						`${phase}: ${statement.text.replace(/\s+/g, ' ').slice(0, 90)}`,
						performance.now() - started,
						run
					);
					return result;
				},
				async insertArrow(table: string, ipc: Uint8Array, create: boolean) {
					const started = performance.now();
					await inner.insertArrow(table, ipc, create);
					add(statements, `${phase}: insertArrow`, performance.now() - started, run);
				}
			};
			try {
				await createSchema(inner, 'sightline-bench');
				await loadPopulation(inner, readFileSync('data/reference/district-population.csv', 'utf8'));
				// The floor, in the same engine before the load.
				let started = performance.now();
				if (format === 'csv') {
					await inner.registerFile('floor.csv', new Blob([bytes]));
					await inner.exec(
						sql`CREATE TABLE floor AS SELECT * FROM read_csv('floor.csv', header = true, all_varchar = true)`
					);
					await inner.dropFile('floor.csv');
				} else {
					const { decodeParquetWasm } = await import('../../src/lib/ingest/read-parquet');
					await inner.insertArrow('floor', await decodeParquetWasm(bytes), true);
				}
				add(phases, 'floor', performance.now() - started, run);
				await inner.exec(sql`DROP TABLE floor`);

				started = performance.now();
				phase = 'read';
				let last = started;
				const file = Object.assign(new Blob([bytes]), { name: `referrals.${format}` });
				const staged = await ingestStaged(engine, file, {
					today: '2026-12-07',
					areas: cambridgeshireAndPeterborough,
					parquet: parquetGroupsWasm,
					onPhase: (next) => {
						const now = performance.now();
						add(phases, phase, now - last, run);
						last = now;
						phase = next === 'validate' ? 'check' : next;
					}
				});
				if (!staged) throw new Error(`the staged path declined ${path}`);
				add(phases, phase, performance.now() - last, run);
				if (staged.result.loaded !== rows) throw new Error(`loaded ${staged.result.loaded} of ${rows}`);
				phase = 'insert';
				last = performance.now();
				await staged.insert();
				await staged.discard();
				add(phases, 'insert', performance.now() - last, run);
				last = performance.now();
				phase = 'facts';
				await refreshFacts(engine, (step) => {
					const now = performance.now();
					if (step === 'cubes') add(phases, 'facts', now - last, run);
					last = now;
					phase = step;
				});
				add(phases, 'cubes', performance.now() - last, run);
			} finally {
				await inner.close();
			}
		}
		const floor = median(phases.get('floor')!);
		console.log(`\n| ${label} ${format} (wasm, Node) | median (s) | ÷ floor |\n| --- | --- | --- |`);
		let total = 0;
		for (const [name, list] of phases) {
			if (name !== 'floor') total += median(list);
			console.log(`| ${name} | ${(median(list) / 1000).toFixed(2)} | ${(median(list) / floor).toFixed(2)} |`);
		}
		console.log(`| load (sum of medians) | ${(total / 1000).toFixed(2)} | ${(total / floor).toFixed(2)} |`);
		console.log(`${runs} runs, load average ${loadavg()[0]!.toFixed(1)}`);
		if (process.env.BENCH_STATEMENTS === '1')
			for (const [name, list] of statements)
				if (median(list) > 20) console.log(`  ${(median(list) / 1000).toFixed(2)} s  ${name}`);
	}
}
