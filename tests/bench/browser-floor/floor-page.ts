import * as duckdb from '@duckdb/duckdb-wasm';
import initParquet, { readParquet } from 'parquet-wasm/esm/parquet_wasm.js';

/**
 * The in-browser load floor (issue 14), bundled by the load-baselines bench and served beside DuckDB-WASM's
 * own files: the same eh build as the app, in a Web Worker, without the app. Choosing a file in `#file`
 * loads it into a table and sets `window.floorDone`: a CSV with DuckDB-WASM's own reader (every column as
 * VARCHAR, as the app's validation will want it), a Parquet file through parquet-wasm → Arrow → insert
 * (DuckDB-WASM's Parquet reader is an extension that cannot be had offline).
 */
declare global {
	interface Window {
		floorReady: Promise<void>;
		floorDone: { ms: number; rows: number } | string | undefined;
	}
}

let loads = 0;
window.floorReady = (async () => {
	const worker = new Worker('/duckdb/duckdb-browser-eh.worker.js');
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate('/duckdb/duckdb-eh.wasm');
	await db.open({});
	await initParquet('/parquet/parquet_wasm_bg.wasm');
	const connection = await db.connect();
	await connection.query('SET autoinstall_known_extensions = false');
	await connection.query('SET autoload_known_extensions = false');
	const input = document.querySelector<HTMLInputElement>('#file')!;
	input.addEventListener('change', async () => {
		const file = input.files![0]!;
		const started = performance.now();
		const table = `t${++loads}`;
		try {
			if (file.name.endsWith('.parquet')) {
				const ipc = readParquet(new Uint8Array(await file.arrayBuffer()), {
					batchSize: 10_000
				}).intoIPCStream();
				await connection.insertArrowFromIPCStream(ipc, { name: table, create: true });
			} else {
				await db.registerFileHandle(file.name, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
				await connection.query(
					`CREATE TABLE ${table} AS SELECT * FROM read_csv('${file.name}', header = true, all_varchar = true)`
				);
			}
			const counted = await connection.query(`SELECT count(*)::INTEGER AS n FROM ${table}`);
			const rows = Number(counted.getChildAt(0)?.get(0));
			await connection.query(`DROP TABLE ${table}`);
			window.floorDone = { ms: performance.now() - started, rows };
		} catch (error) {
			window.floorDone = String(error);
		}
	});
})();
