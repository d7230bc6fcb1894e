import * as duckdb from '@duckdb/duckdb-wasm';
import coiWasm from '@duckdb/duckdb-wasm/dist/duckdb-coi.wasm?url';
import coiWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.worker.js?url';
import coiPthreadWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.pthread.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { RecordBatchReader, Table, tableToIPC } from 'apache-arrow';
import type { Sql } from '$lib/sql/sql';
import { arrowToRows } from './arrow-rows';
import { chooseBundle, threadsFor } from './duckdb-bundle';
import { connectionSettings, type Engine } from './engine';

/**
 * DuckDB-WASM in a Web Worker. The wasm and worker files are bundled by Vite (`?url`) and served from the
 * app's own origin, so no request ever leaves it. `chooseBundle` picks the threaded build where the host
 * serves the page cross-origin isolated (README, "Cross-origin isolation"), else the exception-handling build
 * where the browser supports it. The threaded build's pthread workers come from the same origin too.
 */
export async function createBrowserEngine(): Promise<Engine> {
	const bundle = chooseBundle(await duckdb.getPlatformFeatures(), {
		mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
		eh: { mainModule: ehWasm, mainWorker: ehWorker },
		coi: { mainModule: coiWasm, mainWorker: coiWorker, pthreadWorker: coiPthreadWorker }
	});
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	await db.open({
		maximumThreads: threadsFor(bundle, navigator.hardwareConcurrency),
		query: { castBigIntToDouble: true, castDecimalToDouble: true }
	});
	const connection = await db.connect();
	for (const setting of connectionSettings) await connection.query(setting);

	const arrow = async (query: Sql): Promise<Table> =>
		(await connection.query(query.text)) as unknown as Table;
	/**
	 * A view's query, in three timed parts (User Timing measures, read by the filter-change benchmark's
	 * profile): `sightline:worker` from posting the SQL to the worker to its Arrow IPC answer arriving (DuckDB,
	 * the wait behind other queries in the worker, both messages), `sightline:decode` reading the IPC into a
	 * Table, `sightline:rows` turning it into plain rows. The same calls `connection.query` makes, split.
	 */
	const timedRows = async <Row extends object>(query: Sql): Promise<Row[]> => {
		const posted = performance.now();
		const bytes = await connection.useUnsafe((bindings, id) => bindings.runQuery(id, query.text));
		const arrived = performance.now();
		performance.measure('sightline:worker', { start: posted, end: arrived, detail: query.text });
		const table = new Table(RecordBatchReader.from(bytes));
		const decoded = performance.now();
		performance.measure('sightline:decode', { start: arrived, end: decoded, detail: query.text });
		const rows = arrowToRows<Row>(table);
		performance.measure('sightline:rows', { start: decoded, detail: query.text });
		return rows;
	};
	return {
		async exec(statement) {
			await connection.query(statement.text);
		},
		arrow,
		async ipc(query) {
			return tableToIPC(await arrow(query), 'stream');
		},
		query: timedRows,
		async querySingle<Row extends object>(query: Sql) {
			const statement = await connection.prepare(query.text);
			try {
				return arrowToRows<Row>((await statement.query()) as unknown as Table);
			} finally {
				await statement.close();
			}
		},
		registerText: (name, text) => db.registerFileText(name, text),
		registerBytes: (name, bytes) => db.registerFileBuffer(name, bytes),
		registerFile: (name, file) =>
			db.registerFileHandle(name, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true),
		async dropFile(name) {
			await db.dropFile(name);
		},
		insertArrow: (table, ipcStream, create) =>
			connection.insertArrowFromIPCStream(ipcStream, { name: table, create }),
		async close() {
			await connection.close();
			await db.terminate();
		}
	};
}
