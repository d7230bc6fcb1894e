import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Table } from 'apache-arrow';
import type { Sql } from '$lib/sql/sql';
import { arrowToRows } from './arrow-rows';
import { connectionSettings, type Engine } from './engine';

type Blocking = typeof import('@duckdb/duckdb-wasm/blocking');

/**
 * DuckDB-WASM in Node through its blocking bindings: the same wasm build and SQL dialect as the browser, used
 * by unit tests, the validate CLI and benchmarks. Calls are synchronous underneath; the async interface
 * matches the browser engine.
 */
export async function createNodeEngine(): Promise<Engine> {
	const require = createRequire(import.meta.url);
	const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as Blocking;
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
	const bundles = {
		mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
		eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate();
	db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const connection = db.connect();
	for (const setting of connectionSettings) connection.query(setting);

	const arrow = async (query: Sql): Promise<Table> => connection.query(query.text) as unknown as Table;
	// The CommonJS build's own apache-arrow: its tables are not instances of the ESM build's classes.
	const { tableToIPC } = require('apache-arrow') as typeof import('apache-arrow');
	return {
		async exec(statement) {
			connection.query(statement.text);
		},
		arrow,
		async ipc(query) {
			return tableToIPC(await arrow(query), 'stream');
		},
		async query<Row extends object>(query: Sql) {
			return arrowToRows<Row>(await arrow(query));
		},
		async querySingle<Row extends object>(query: Sql) {
			const statement = connection.prepare(query.text);
			try {
				return arrowToRows<Row>(statement.query() as unknown as Table);
			} finally {
				statement.close();
			}
		},
		async registerText(name, text) {
			db.registerFileText(name, text);
		},
		async registerBytes(name, bytes) {
			db.registerFileBuffer(name, bytes);
		},
		// Node's DuckDB-WASM has no browser file reader: the file's bytes are registered instead.
		async registerFile(name, file) {
			db.registerFileBuffer(name, new Uint8Array(await file.arrayBuffer()));
		},
		async dropFile(name) {
			db.dropFile(name);
		},
		async insertArrow(table, ipcStream, create) {
			connection.insertArrowFromIPCStream(ipcStream, { name: table, create });
		},
		async close() {
			connection.close();
			db.reset();
		}
	};
}
