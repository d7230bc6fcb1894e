import { readFileSync } from 'node:fs';
import { tables, type TableName } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import { loadPopulation } from '$lib/engine/load-reference';
import { createSchema, loadContractCsv, refreshFacts } from '$lib/engine/load-tables';
import { createNodeEngine } from '$lib/engine/node-engine';
import { ident, sql, type Sql } from '$lib/sql/sql';

/** The partnership secret record keys are computed with in tests: fixed, so published figures are too. */
export const TEST_SECRET = 'sightline-test-partnership';

type Cell = string | number | boolean | null | undefined;

/** Serialise rows in the contract's CSV layout (header = field names), quoting every text cell. */
export function contractCsv(name: TableName, rows: readonly Record<string, Cell>[]): string {
	const fields = tables[name].fields.map((field) => field.name);
	const cell = (value: Cell) =>
		value === null || value === undefined
			? ''
			: typeof value === 'string'
				? `"${value.replaceAll('"', '""')}"`
				: String(value);
	return (
		[fields.join(','), ...rows.map((row) => fields.map((field) => cell(row[field])).join(','))].join('\n') +
		'\n'
	);
}

/**
 * Instantiating DuckDB-WASM costs seconds of CPU (it compiles a ~35 MB wasm module), far more than the
 * statements a test file runs, so each test worker starts one instance and shares it. The unit project runs
 * without isolation (vite.config.ts), so this module, and the instance, outlive a single test file.
 */
let shared: Promise<Engine> | undefined;
/** The attached database the shared connection currently resolves unqualified names in. */
let inUse = 'sightline';
let databases = 0;

/**
 * A Node DuckDB-WASM engine over an empty database of its own: a fresh in-memory database ATTACHed to the
 * worker's shared instance, so no table, type or row from another test file is visible. Every call switches
 * the shared connection to this database first (`USE`), so engines may be interleaved; close() DETACHes it.
 */
export async function freshEngine(): Promise<Engine> {
	shared ??= createNodeEngine();
	const engine = await shared;
	const database = `test_${++databases}`;
	const use = async () => {
		if (inUse === database) return;
		await engine.exec(sql`USE ${ident(database)}`);
		inUse = database;
	};
	// Compressed, as the app's own database is (engine.ts, `compressedDatabase`).
	await engine.exec(sql`ATTACH ':memory:' AS ${ident(database)} (COMPRESS)`);
	await use();
	let closed = false;
	const open = async () => {
		if (closed) throw new Error(`${database} was closed`);
		await use();
	};
	return {
		async exec(statement) {
			await open();
			return engine.exec(statement);
		},
		async arrow(query) {
			await open();
			return engine.arrow(query);
		},
		async ipc(query) {
			await open();
			return engine.ipc(query);
		},
		async query<Row extends object>(query: Sql) {
			await open();
			return engine.query<Row>(query);
		},
		async querySingle<Row extends object>(query: Sql) {
			await open();
			return engine.querySingle<Row>(query);
		},
		registerText: (name, text) => engine.registerText(name, text),
		registerBytes: (name, bytes) => engine.registerBytes(name, bytes),
		registerFile: (name, file) => engine.registerFile(name, file),
		dropFile: (name) => engine.dropFile(name),
		async insertArrow(table, ipcStream, create) {
			await open();
			return engine.insertArrow(table, ipcStream, create);
		},
		async close() {
			if (closed) return;
			closed = true;
			if (inUse === database) {
				await engine.exec(sql`USE sightline`);
				inUse = 'sightline';
			}
			await engine.exec(sql`DETACH ${ident(database)}`);
		}
	};
}

const populationCsv = readFileSync('data/reference/district-population.csv', 'utf8');

/** A Node DuckDB-WASM engine (see {@link freshEngine}) with the contract schema and the given rows loaded. */
export async function engineWith(
	data: Partial<Record<TableName, readonly Record<string, Cell>[]>>
): Promise<Engine> {
	const engine = await freshEngine();
	await createSchema(engine, TEST_SECRET);
	await loadPopulation(engine, populationCsv);
	for (const [name, rows] of Object.entries(data) as [TableName, Record<string, Cell>[]][]) {
		await loadContractCsv(engine, name, contractCsv(name, rows));
	}
	await refreshFacts(engine);
	return engine;
}

/** A referral row with neutral defaults; tests override only what they count. */
export function referral(overrides: Record<string, Cell>): Record<string, Cell> {
	return {
		referral_id: 'R1',
		child_id: 'C1',
		referral_date: '2024-01-15',
		age_at_referral: 15,
		gender: 'male',
		ethnicity: 'white',
		looked_after: false,
		district: 'fenland',
		referral_source: 'police',
		risk_level: 'medium',
		pathway_stage: 'mash_referral',
		intervention: 'none',
		nrm_referral: false,
		missing_episodes_12m: 0,
		...overrides
	};
}

export function episode(overrides: Record<string, Cell>): Record<string, Cell> {
	return {
		episode_id: 'E1',
		child_id: 'C1',
		start_date: '2024-01-10',
		end_date: '2024-01-11',
		episode_type: 'missing',
		age_at_start: 15,
		looked_after: false,
		district: 'fenland',
		rhi_offered: true,
		rhi_accepted: true,
		rhi_date: '2024-01-12',
		...overrides
	};
}
