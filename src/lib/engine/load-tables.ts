import { cambridgeshireAndPeterborough, tables, type AreaReference, type TableName } from '$lib/contract';
import { buildFacts } from '$lib/sql/derived';
import { buildCube, cubes } from '$lib/sql/cubes';
import { buildChildCube, childCubes } from '$lib/sql/child-cubes';
import { setSecret } from '$lib/sql/record-keys';
import { columnList, createEnumTypes, createTable, readContractCsv } from '$lib/sql/schema';
import { ident, sql } from '$lib/sql/sql';
import type { Engine } from './engine';

/**
 * Create the contract's types and empty tables, keep the partnership secret the record keys are computed
 * with (see sql/record-keys.ts), then build the (empty) facts tables. The district type holds the area
 * reference's codes (the bundled Cambridgeshire and Peterborough list unless another is given).
 */
export async function createSchema(
	engine: Engine,
	secret: string,
	areas: AreaReference = cambridgeshireAndPeterborough
): Promise<void> {
	for (const statement of createEnumTypes(areas)) await engine.exec(statement);
	for (const table of Object.values(tables)) await engine.exec(createTable(table));
	for (const statement of setSecret(secret)) await engine.exec(statement);
	await refreshFacts(engine);
}

/** Replace the partnership secret and rebuild the facts, so every record key follows it. */
export async function changeSecret(engine: Engine, secret: string): Promise<void> {
	for (const statement of setSecret(secret)) await engine.exec(statement);
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
	for (const statement of cubes().map(buildCube)) await engine.exec(statement);
	for (const statement of childCubes().map(buildChildCube)) await engine.exec(statement);
}

/** The field names on a contract CSV's first line (plain names: the contract's own layout is unquoted). */
const headerOf = (csvText: string): string[] =>
	csvText
		.slice(0, csvText.search(/\r?\n|$/))
		.split(',')
		.map((name) => name.trim().replace(/^"|"$/g, ''));

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
			sql`INSERT INTO ${ident(name)} (${columnList(table)}) ${readContractCsv(table, fileName, headerOf(csvText))}`
		);
	} finally {
		await engine.dropFile(fileName);
	}
}
