import { cambridgeshireAndPeterborough, tables, type AreaReference, type TableName } from '$lib/contract';
import {
	appendedFacts,
	baseRows,
	derivedTables,
	dropAppended,
	findAppended,
	onlyAppended,
	touchedFacts,
	type BaseRows
} from '$lib/sql/derived-tables';
import { setSecret } from '$lib/sql/record-keys';
import { columnList, createEnumTypes, createTable, readContractCsv } from '$lib/sql/schema';
import { ident, sql, type Sql } from '$lib/sql/sql';
import type { Scratch } from '$lib/sql/staging';
import type { Engine } from './engine';
import { scratchOf } from './load-staged';

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

/** What a refresh did: rebuilt every derived table, or brought them up to date with appended rows. */
export type Refresh = 'rebuild' | 'append';

/**
 * Bring the derived tables (sql/derived-tables.ts: the facts, then the cubes) up to date; call after every
 * change to the base tables. `onStep` hears when each of the two starts (a large load spends most of its last
 * seconds here). After rows were only appended (`append`: a further monthly extract), only the appended rows,
 * the rows of the children they belong to, and the cube cells those fall in are recomputed, in one
 * transaction; if rows were in fact removed too, or the append fails part way, everything is rebuilt.
 * Returns which it did. Call `append` outside any transaction of the caller's.
 */
export async function refreshFacts(
	engine: Engine,
	onStep: (step: 'facts' | 'cubes') => void = () => {},
	change: Refresh = 'rebuild'
): Promise<Refresh> {
	if (change === 'append') {
		const [only] = await engine.query<{ only_appended: boolean }>(onlyAppended());
		if (only?.only_appended === true && (await appendDerived(engine, onStep))) return 'append';
	}
	const [rows] = await engine.query<BaseRows>(baseRows());
	for (const statement of derivedStatements(onStep, 'rebuild', rows, scratchOf(engine)))
		await engine.exec(statement);
	return 'rebuild';
}

/**
 * Each derived table's statements in order, telling `onStep` as the facts, then the cubes, begin. On append,
 * `touched` lists the facts tables whose base gained rows: a table derived from another is left as it is.
 */
function* derivedStatements(
	onStep: (step: 'facts' | 'cubes') => void,
	change: Refresh,
	rows?: BaseRows,
	scratch?: Scratch,
	touched?: readonly Sql[]
): Generator<Sql> {
	let step: 'facts' | 'cubes' | undefined;
	for (const table of derivedTables()) {
		if (table.step !== step) onStep((step = table.step));
		if (
			change === 'append' &&
			table.facts &&
			touched &&
			!touched.some((facts) => facts.text === table.facts!.text)
		)
			continue;
		yield* change === 'append' && table.append ? table.append() : table.build(rows, scratch);
	}
}

/** The append refresh, all or nothing: false (nothing changed) if any statement failed. */
async function appendDerived(engine: Engine, onStep: (step: 'facts' | 'cubes') => void): Promise<boolean> {
	await engine.exec(sql`BEGIN TRANSACTION`);
	try {
		for (const statement of findAppended()) await engine.exec(statement);
		const [appended] = await engine.query<{ referrals: boolean; episodes: boolean }>(appendedFacts());
		const touched = touchedFacts(appended!);
		for (const statement of derivedStatements(onStep, 'append', undefined, undefined, touched))
			await engine.exec(statement);
		for (const statement of dropAppended()) await engine.exec(statement);
		await engine.exec(sql`COMMIT`);
		return true;
	} catch (error) {
		await engine.exec(sql`ROLLBACK`).catch(() => undefined);
		console.warn('Appending to the facts and cubes failed; rebuilding them instead', error);
		return false;
	}
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
