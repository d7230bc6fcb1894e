import { tables, type TableName } from '$lib/contract';
import { buildFacts } from '$lib/sql/derived';
import { buildCube, episodeCube, referralCube } from '$lib/sql/cubes';
import { columnList, createEnumTypes, createTable, readContractCsv } from '$lib/sql/schema';
import { ident, sql } from '$lib/sql/sql';
import type { Engine } from './engine';

/** Create the contract's types and empty tables, then the (empty) facts tables. */
export async function createSchema(engine: Engine): Promise<void> {
	for (const statement of createEnumTypes()) await engine.exec(statement);
	for (const table of Object.values(tables)) await engine.exec(createTable(table));
	await refreshFacts(engine);
}

/** Rebuild the derived facts tables; call after every change to the base tables. */
export async function refreshFacts(engine: Engine): Promise<void> {
	for (const statement of [...buildFacts(), buildCube(referralCube), buildCube(episodeCube)])
		await engine.exec(statement);
}

/** The virtual file a contract CSV is registered as while it loads (the only files `lockDown` leaves open). */
export const contractCsvFile = (name: TableName): string => `${name}.contract.csv`;

/**
 * Replace a table's rows with a CSV already in the contract's layout (the bundled demo extract). User files
 * go through the ingest pipeline instead, which maps and validates them first.
 */
export async function loadContractCsv(engine: Engine, name: TableName, csvText: string): Promise<void> {
	const table = tables[name];
	const fileName = contractCsvFile(name);
	await engine.registerText(fileName, csvText);
	try {
		await engine.exec(sql`DELETE FROM ${ident(name)}`);
		await engine.exec(
			sql`INSERT INTO ${ident(name)} (${columnList(table)}) ${readContractCsv(table, fileName)}`
		);
	} finally {
		await engine.dropFile(fileName);
	}
}
