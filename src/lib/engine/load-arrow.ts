import { tables, type TableName } from '$lib/contract';
import { columnList } from '$lib/sql/schema';
import { ident, sql } from '$lib/sql/sql';
import type { Engine } from './engine';
import { refreshFacts } from './load-tables';

/**
 * Append validated rows (an Arrow IPC stream from the ingest pipeline, in the contract's column order) to a
 * table. Arrow carries codes as text; the INSERT casts them to the contract's ENUM types, so a value outside
 * the contract would fail loudly here rather than load silently.
 */
export async function appendArrow(engine: Engine, name: TableName, ipc: Uint8Array): Promise<void> {
	const staging = `staging_${name}`;
	await engine.exec(sql`DROP TABLE IF EXISTS ${ident(staging)}`);
	await engine.insertArrow(staging, ipc, true);
	try {
		const columns = columnList(tables[name]);
		await engine.exec(sql`INSERT INTO ${ident(name)} (${columns}) SELECT ${columns} FROM ${ident(staging)}`);
	} finally {
		await engine.exec(sql`DROP TABLE IF EXISTS ${ident(staging)}`);
	}
}

/** Remove every loaded row (the demo, or earlier files), keeping the schema and reference tables. */
export async function clearData(engine: Engine): Promise<void> {
	for (const name of Object.keys(tables) as TableName[]) await engine.exec(sql`DELETE FROM ${ident(name)}`);
	await refreshFacts(engine);
}
