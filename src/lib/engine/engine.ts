import type { Table } from 'apache-arrow';
import type { Sql } from '$lib/sql/sql';

/**
 * The one interface the rest of the app uses to reach DuckDB. A browser implementation runs DuckDB-WASM in a
 * Web Worker; a Node implementation runs the same wasm build for tests and the CLI, so metric SQL is tested
 * on the engine users run.
 */
export interface Engine {
	/** Run a statement that returns nothing useful (DDL, INSERT). */
	exec(statement: Sql): Promise<void>;
	/** Run a query and return its Arrow table. */
	arrow(query: Sql): Promise<Table>;
	/** Run a query and return its answer as an Arrow IPC stream (for keeping loaded data on the device). */
	ipc(query: Sql): Promise<Uint8Array>;
	/** Run a query and return plain rows: dates as yyyy-mm-dd strings, integers as numbers. */
	query<Row extends object>(query: Sql): Promise<Row[]>;
	/**
	 * Like `query`, but as a prepared statement: DuckDB refuses to prepare text that holds more than one
	 * statement, so text from outside the app (the SQL console) can never smuggle a second one in.
	 */
	querySingle<Row extends object>(query: Sql): Promise<Row[]>;
	/** Register text as a virtual file DuckDB can read (e.g. with read_csv). */
	registerText(name: string, text: string): Promise<void>;
	/** Register bytes as a virtual file. */
	registerBytes(name: string, bytes: Uint8Array): Promise<void>;
	/**
	 * Register a file the user chose as a virtual file DuckDB reads in pieces as it needs them (in the browser,
	 * through the browser's file reader: the file is never copied whole into JavaScript).
	 */
	registerFile(name: string, file: Blob): Promise<void>;
	dropFile(name: string): Promise<void>;
	/** Append an Arrow IPC stream to a table, creating it when absent. */
	insertArrow(table: string, ipcStream: Uint8Array, create: boolean): Promise<void>;
	close(): Promise<void>;
	/**
	 * Whether DuckDB can spill what exceeds its memory to disk (native DuckDB; DuckDB-WASM cannot): a large
	 * load's working tables then go to DuckDB's temporary database rather than the app's (`Scratch`).
	 */
	readonly canSpill?: boolean;
}

/**
 * The app's tables live in an in-memory database that DuckDB compresses as it compresses a database file
 * (dictionary, run-length, bit-packing, FSST), not in the default in-memory database, which holds every value
 * uncompressed (issue 14). DuckDB-WASM's memory is 32-bit, at most 4 GB, and it cannot spill to disk (an
 * OPFS temporary directory does not work: duckdb-wasm issue 2061), so every table must fit in it: compressed,
 * the contract's coded columns take a byte or less a cell instead of 16. `USE` makes it the default for
 * every unqualified name, so no query names it. TEMP tables stay in DuckDB's uncompressed temporary
 * database, which is why the staged load writes its large tables here instead.
 */
function compressedDatabase(): string[] {
	return ["ATTACH IF NOT EXISTS ':memory:' AS sightline (COMPRESS)", 'USE sightline'];
}

/**
 * Settings applied to every new connection. DuckDB-WASM would otherwise download the Parquet, JSON and ICU
 * extensions from the internet on first use; Sightline must run air-gapped, so autoloading is off and
 * Parquet is read with parquet-wasm instead.
 */
export const connectionSettings = [
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false',
	...compressedDatabase()
];
