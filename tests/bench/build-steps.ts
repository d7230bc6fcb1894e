import { readFileSync } from 'node:fs';
import type { Engine } from '../../src/lib/engine/engine';
import { loadPopulation } from '../../src/lib/engine/load-reference';
import { createSchema, loadContractCsv, refreshFacts } from '../../src/lib/engine/load-tables';
import { createNativeEngine } from '../../src/lib/engine/native-engine';
import { createNodeEngine } from '../../src/lib/engine/node-engine';
import { sql, type Sql } from '../../src/lib/sql/sql';
import { appendMonthTimes } from './append-month-scenario';
import { extract } from './load-extract';
import { median } from './preview-server';

/**
 * Where the facts and cubes' time goes (issue 14): the extract (BENCH_SIZES, default 1M) loaded into an
 * engine, then `refreshFacts` run BENCH_RUNS times (default 3) with every statement timed, as a rebuild and as
 * the append of a 10k-referral month (append-month-scenario.ts). BENCH_ENGINE=native (default: @duckdb/node-api,
 * both cores) or wasm (DuckDB-WASM's Node build: the browser's wasm, one thread). Prints each statement's
 * median and its share of the refresh, so a change to the derived SQL can be judged statement by statement.
 */
export async function buildSteps(runs = Number(process.env.BENCH_RUNS ?? 3)): Promise<void> {
	const label = process.env.BENCH_SIZES?.split(',')[0] ?? '1M';
	const dir = extract(label, label === '100k' ? 100_000 : 1_000_000);
	const kind = process.env.BENCH_ENGINE ?? 'native';
	const inner = kind === 'wasm' ? await createNodeEngine() : await createNativeEngine();
	const times = new Map<string, number[]>();
	let phase = 'load';
	const engine: Engine = {
		...inner,
		async exec(statement: Sql) {
			const started = performance.now();
			await inner.exec(statement);
			record(statement, performance.now() - started);
			// The append scenario inserts a month, appends, removes it and rebuilds: time each as its own.
			if (statement.text.startsWith('INSERT INTO referrals')) phase = 'append';
			if (statement.text.startsWith('DELETE FROM referrals')) phase = 'rebuild';
		},
		async query<Row extends object>(statement: Sql) {
			const started = performance.now();
			const rows = await inner.query<Row>(statement);
			record(statement, performance.now() - started);
			return rows;
		}
	};
	function record(statement: Sql, ms: number): void {
		const name = `${phase}: ${statement.text.replace(/\s+/g, ' ').slice(0, 70)}`;
		const list = times.get(name) ?? [];
		list.push(ms);
		times.set(name, list);
	}
	try {
		if (kind === 'native') await inner.exec(sql`SET memory_limit = '6GB'`);
		await createSchema(inner, 'sightline-bench');
		await loadPopulation(inner, readFileSync('data/reference/district-population.csv', 'utf8'));
		for (const name of ['referrals', 'missing_episodes'] as const)
			await loadContractCsv(inner, name, readFileSync(`${dir}/${name}.csv`, 'utf8'));
		const totals = { rebuild: [] as number[], append: [] as number[] };
		for (let run = 0; run < runs; run++) {
			phase = 'rebuild';
			const started = performance.now();
			await refreshFacts(engine);
			totals.rebuild.push(performance.now() - started);
		}
		const appended = await appendMonthTimes(engine, runs);
		totals.append = appended.append;
		totals.rebuild.push(...appended.rebuild);
		console.log(`| ${kind} ${label} | statement | median (ms) | share |`);
		console.log('| --- | --- | --- | --- |');
		for (const [name, list] of times) {
			if (name.startsWith('load')) continue;
			const of = name.startsWith('rebuild') ? median(totals.rebuild) : median(totals.append);
			console.log(
				`| ${name.split(':')[0]} | \`${name.slice(name.indexOf(':') + 2)}\` | ${median(list).toFixed(0)} | ${((100 * median(list)) / of).toFixed(1)}% |`
			);
		}
		console.log(
			`rebuild median ${median(totals.rebuild).toFixed(0)} ms, append median ${median(totals.append).toFixed(0)} ms (rebuild ÷ append ${(median(totals.rebuild) / median(totals.append)).toFixed(1)}×), ${runs} runs, load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`
		);
	} finally {
		await inner.close();
	}
}
