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

/**
 * Rebuild the derived facts tables, then the cubes; call after every change to the base tables. `onStep`
 * hears when each of the two starts (a large load spends most of its last seconds here).
 */
export async function refreshFacts(
	engine: Engine,
	onStep: (step: 'facts' | 'cubes') => void = () => {}
): Promise<void> {
	onStep('facts');
	for (const statement of buildFacts()) await engine.exec(statement);
	onStep('cubes');
	for (const statement of [buildCube(referralCube), buildCube(episodeCube)]) await engine.exec(statement);
}

/**
 * Replace a table's rows with a CSV already in the contract's layout (the bundled demo extract). User files
 * go through the ingest pipeline instead, which maps and validates them first.
 */
export async function loadContractCsv(engine: Engine, name: TableName, csvText: string): Promise<void> {
	const table = tables[name];
	const fileName = `${name}.contract.csv`;
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
