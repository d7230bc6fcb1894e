import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { freemem, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	DuckDBInstance,
	DuckDBTypeId,
	JSDuckDBValueConverter,
	type DuckDBConnection,
	type DuckDBValueConverter,
	type JS
} from '@duckdb/node-api';
import { tableFromJSON, tableToIPC, type Table } from 'apache-arrow';
import type { Sql } from '$lib/sql/sql';
import type { Engine } from './engine';

/** A native engine can also say where its data lives and run SQL straight on files by path. */
export interface NativeEngine extends Engine {
	/** The database file, or ':memory:'. */
	readonly path: string;
}

/** How much memory native DuckDB may hold, and where it spills what does not fit. */
export interface NativeOptions {
	/** DuckDB's `memory_limit`, e.g. '6GB' (default: `defaultMemoryLimit()`). */
	readonly memoryLimit?: string;
	/**
	 * Where DuckDB writes what exceeds the limit (temporary tables, joins, sorts); created if absent (and then
	 * deleted on close). Default: a folder beside a database file (`FILE.tmp`), or DuckDB's own for ':memory:'.
	 */
	readonly tempDirectory?: string;
	/**
	 * DuckDB's `threads` (default: DuckDB's own, one per core it may use). Every statement of a load runs on all
	 * of them; fewer leave cores to other work on a shared machine, at the cost of a longer load.
	 */
	readonly threads?: number;
}

/** The share of the memory available at start that native DuckDB takes unless told otherwise. */
export const defaultMemoryShare = 0.5;

/**
 * Half the memory available now (at least 1 GB), in whole megabytes. DuckDB's own default is 80% of the
 * machine's RAM, however much of it other work holds: a 10M-row check then grew to 14.8 GB resident on a
 * shared 24 GB machine without spilling. Below its limit DuckDB spills temporary tables, joins and sorts to
 * its temp directory instead.
 */
export function defaultMemoryLimit(available = freemem()): string {
	return `${Math.max(1024, Math.floor((available * defaultMemoryShare) / 2 ** 20))}MB`;
}

/**
 * Values as `arrowToRows` gives them from the wasm engines, so a metric's rows look the same on both: dates
 * as yyyy-mm-dd, 64- and 128-bit integers and decimals as numbers (counts stay far below 2^53), lists as
 * arrays. Everything else as node-api's own JS conversion.
 */
const rowValue: DuckDBValueConverter<JS> = (value, type, converter) => {
	if (value === null) return null;
	switch (type.typeId) {
		case DuckDBTypeId.BIGINT:
		case DuckDBTypeId.UBIGINT:
		case DuckDBTypeId.HUGEINT:
		case DuckDBTypeId.UHUGEINT:
			return Number(value as bigint);
		case DuckDBTypeId.DECIMAL:
			return (value as { toDouble(): number }).toDouble();
		case DuckDBTypeId.DATE:
			return String(value);
		case DuckDBTypeId.TIMESTAMP:
			return String(value).slice(0, 10);
		default:
			return JSDuckDBValueConverter(value, type, converter);
	}
};

/**
 * Native DuckDB through `@duckdb/node-api` (a dev dependency pinned to the DuckDB build the wasm engines
 * embed): the same `Engine` interface, so the contract DDL, facts, cubes and metric SQL run unchanged on data
 * too large for a browser. `path` is a database file to create or open (':memory:' for none). Text
 * registered as a virtual file is written to a private temporary folder that DuckDB searches for relative
 * file names, so `read_csv('referrals.contract.csv')` works as it does in the wasm engines. DuckDB holds at
 * most `options.memoryLimit` and spills the rest to `options.tempDirectory` (see `NativeOptions`).
 */
export async function createNativeEngine(
	path = ':memory:',
	options: NativeOptions = {}
): Promise<NativeEngine> {
	const spill = options.tempDirectory ?? (path === ':memory:' ? undefined : `${path}.tmp`);
	// Only a folder made here is deleted on close: a given one may hold other things.
	const made = spill !== undefined && !existsSync(spill);
	if (spill) mkdirSync(spill, { recursive: true });
	const instance = await DuckDBInstance.create(path, {
		memory_limit: options.memoryLimit ?? defaultMemoryLimit(),
		...(spill ? { temp_directory: spill } : {}),
		...(options.threads ? { threads: String(options.threads) } : {})
	});
	const connection: DuckDBConnection = await instance.connect();
	const files = mkdtempSync(join(tmpdir(), 'sightline-native-'));
	await connection.run(`SET file_search_path = '${files.replaceAll("'", "''")}'`);

	const query = async <Row extends object>(statement: Sql): Promise<Row[]> =>
		(await connection.runAndReadAll(statement.text)).convertRowObjects(rowValue) as Row[];
	return {
		path,
		canSpill: true,
		async exec(statement) {
			await connection.run(statement.text);
		},
		// node-api reads results as values, not Arrow: built from the rows, for the few callers that want a table.
		arrow: async (statement: Sql): Promise<Table> =>
			tableFromJSON(await query<Record<string, unknown>>(statement)),
		async ipc(statement) {
			return tableToIPC(tableFromJSON(await query<Record<string, unknown>>(statement)), 'stream');
		},
		query,
		async querySingle<Row extends object>(statement: Sql) {
			const prepared = await connection.prepare(statement.text);
			return (await prepared.runAndReadAll()).convertRowObjects(rowValue) as Row[];
		},
		async registerText(name, text) {
			writeFileSync(join(files, name), text, 'utf8');
		},
		async registerBytes(name, bytes) {
			writeFileSync(join(files, name), bytes);
		},
		async registerFile(name, file) {
			writeFileSync(join(files, name), new Uint8Array(await file.arrayBuffer()));
		},
		async dropFile(name) {
			rmSync(join(files, name), { force: true });
		},
		async insertArrow() {
			// Core DuckDB reads no Arrow IPC (that is an extension): native loads read files with SQL instead.
			throw new Error('The native engine loads files with SQL (read_csv, read_parquet), not Arrow IPC');
		},
		async close() {
			// A file database is checkpointed on close, so the file holds every table without its WAL.
			await connection.run('CHECKPOINT').catch(() => undefined);
			connection.closeSync();
			instance.closeSync();
			rmSync(files, { recursive: true, force: true });
			if (made) rmSync(spill, { recursive: true, force: true });
		}
	};
}
