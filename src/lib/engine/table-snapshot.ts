import { tables, type TableName } from '$lib/contract';
import { ident, join, sql } from '$lib/sql/sql';
import type { Engine } from './engine';
import { appendArrow } from './load-arrow';

/** The contract tables' loaded rows, one Arrow IPC stream per table, in the contract's columns only. */
export type TableSnapshot = Record<TableName, Uint8Array>;

/**
 * What "keep this data on this device" stores: the validated contract columns as loaded, never the files
 * they came from (a date of birth, a worker's name or any column the contract does not hold is not in
 * them). Codes leave as text, as the ingest pipeline's Arrow does, so `appendArrow` casts them back.
 */
export async function snapshotTables(engine: Engine): Promise<TableSnapshot> {
	const snapshot = {} as TableSnapshot;
	for (const name of Object.keys(tables) as TableName[]) {
		const columns = tables[name].fields.map((field) =>
			field.kind === 'enum'
				? sql`CAST(${ident(field.name)} AS VARCHAR) AS ${ident(field.name)}`
				: ident(field.name)
		);
		snapshot[name] = await engine.ipc(sql`SELECT ${join(columns)} FROM ${ident(name)}`);
	}
	return snapshot;
}

/** Append a snapshot's rows to the (cleared) contract tables. */
export async function restoreTables(engine: Engine, snapshot: TableSnapshot): Promise<void> {
	for (const name of Object.keys(tables) as TableName[]) {
		const ipc = snapshot[name];
		// A stream is copied first: the browser engine transfers its buffer to DuckDB's worker.
		if (ipc && ipc.byteLength > 0) await appendArrow(engine, name, ipc.slice());
	}
}
