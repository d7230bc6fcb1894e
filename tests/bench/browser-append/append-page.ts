import * as duckdb from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { arrowToRows } from '../../../src/lib/engine/arrow-rows';
import { connectionSettings, type Engine } from '../../../src/lib/engine/engine';
import { loadPopulation } from '../../../src/lib/engine/load-reference';
import { createSchema, loadContractCsv, refreshFacts } from '../../../src/lib/engine/load-tables';
import { appendMonthTimes, type AppendMonthTimes } from '../append-month-scenario';

/**
 * The append-month bench in the browser (issue 14), bundled by `append-month.ts`: DuckDB-WASM's eh build in a
 * Web Worker, as the app runs it, with the app's schema, load and refresh code over a bare connection (the
 * app's engine imports its wasm through Vite). `window.appendMonth(runs)` loads the served extract, builds
 * the facts and cubes, and returns the append and rebuild times.
 */
declare global {
	interface Window {
		appendMonth: (runs: number) => Promise<AppendMonthTimes & { loadMs: number }>;
	}
}

async function createEngine(): Promise<Engine> {
	const worker = new Worker('/duckdb/duckdb-browser-eh.worker.js');
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate('/duckdb/duckdb-eh.wasm');
	await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const connection = await db.connect();
	for (const setting of connectionSettings) await connection.query(setting);
	const arrow = async (text: string) => (await connection.query(text)) as unknown as Table;
	const unused = () => Promise.reject(new Error('not used by the bench'));
	return {
		exec: async (statement) => void (await connection.query(statement.text)),
		arrow: (query) => arrow(query.text),
		query: async (query) => arrowToRows(await arrow(query.text)),
		querySingle: unused,
		ipc: unused,
		registerText: (name, text) => db.registerFileText(name, text),
		registerBytes: (name, bytes) => db.registerFileBuffer(name, bytes),
		registerFile: unused,
		dropFile: async (name) => {
			await db.dropFile(name);
		},
		insertArrow: unused,
		close: async () => {
			await connection.close();
			await db.terminate();
		}
	};
}

const text = async (url: string) => (await fetch(url)).text();

window.appendMonth = async (runs) => {
	const engine = await createEngine();
	const started = performance.now();
	await createSchema(engine, 'sightline-bench');
	await loadPopulation(engine, await text('/data/district-population.csv'));
	for (const name of ['referrals', 'missing_episodes'] as const)
		await loadContractCsv(engine, name, await text(`/data/${name}.csv`));
	await refreshFacts(engine);
	const loadMs = performance.now() - started;
	try {
		return { ...(await appendMonthTimes(engine, runs)), loadMs };
	} finally {
		await engine.close();
	}
};
