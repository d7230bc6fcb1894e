import {
	districtVocabulary,
	population,
	tables,
	withAreas,
	type AreaReference,
	type EnumField,
	type PopulationRow,
	type TableName
} from '$lib/contract';
import { createEnumType, createTable, enumTypeName, readContractCsv } from '$lib/sql/schema';
import { childCubes } from '$lib/sql/child-cubes';
import { cubes } from '$lib/sql/cubes';
import { episodeFacts, referralFacts } from '$lib/sql/derived';
import { ident, join, literal, sql, type Sql } from '$lib/sql/sql';
import type { Engine } from './engine';
import { refreshFacts } from './load-tables';

/** The virtual file the population CSV is registered as while it loads. */
export const populationCsvFile = 'population.contract.csv';

/** Load the child population reference (denominators for rates) from CSV in the contract's layout. */
export async function loadPopulation(engine: Engine, csvText: string): Promise<void> {
	const fileName = populationCsvFile;
	await engine.registerText(fileName, csvText);
	try {
		await engine.exec(createTable(population));
		await engine.exec(sql`INSERT INTO ${ident(population.name)} ${readContractCsv(population, fileName)}`);
	} finally {
		await engine.dropFile(fileName);
	}
}

/** What changing the area reference did to the data already loaded. */
export interface AreasReplaced {
	/** Rows kept, by table: their district is one of the new reference's areas (or not recorded). */
	readonly kept: Readonly<Record<TableName, number>>;
	/** Rows removed, by table: their district is not among the new reference's areas. */
	readonly removed: Readonly<Record<TableName, number>>;
}

/** The derived tables that carry the district type; dropped before the type is replaced, then rebuilt. */
const derivedTables = (): Sql[] => [
	...childCubes().map((cube) => cube.table),
	...cubes().map((cube) => cube.table),
	referralFacts,
	episodeFacts
];

/**
 * Make `reference` the area reference: the district ENUM type is recreated with its codes (in its order),
 * the population table replaced by `rows` (empty: no denominators, so no rates), and the loaded rows whose
 * district is one of the new areas kept; the others are removed and counted, never silently. The facts and
 * cubes are rebuilt. DuckDB cannot alter an ENUM in place, so every table typed by it is dropped and
 * recreated; kept rows pass through VARCHAR.
 */
export async function replaceAreas(
	engine: Engine,
	reference: AreaReference,
	rows: readonly PopulationRow[]
): Promise<AreasReplaced> {
	const codes = districtVocabulary(reference).codes;
	const names = Object.keys(tables) as TableName[];
	const kept = {} as Record<TableName, number>;
	const removed = {} as Record<TableName, number>;
	for (const name of names) {
		await engine.exec(
			sql`CREATE OR REPLACE TEMP TABLE ${ident(`kept_${name}`)} AS SELECT * REPLACE (CAST(district AS VARCHAR) AS district) FROM ${ident(name)}`
		);
	}
	for (const table of [...derivedTables(), ...[population.name, ...names].map((name) => ident(name))])
		await engine.exec(sql`DROP TABLE IF EXISTS ${table}`);
	const district = withAreas(tables.referrals, reference).field('district') as EnumField;
	await engine.exec(sql`DROP TYPE IF EXISTS ${enumTypeName(district)}`);
	await engine.exec(createEnumType(district));
	await engine.exec(createTable(population));
	for (const name of names) {
		const saved = ident(`kept_${name}`);
		await engine.exec(createTable(tables[name]));
		const known = sql`district IN (${join(codes.map((code) => literal(code)))})`;
		await engine.exec(sql`INSERT INTO ${ident(name)} SELECT * FROM ${saved} WHERE ${known}`);
		const [count] = await engine.query<{ kept: number; removed: number }>(
			sql`SELECT count(*) FILTER (WHERE ${known}) AS kept, count(*) FILTER (WHERE NOT ${known}) AS removed FROM ${saved}`
		);
		kept[name] = Number(count?.kept ?? 0);
		removed[name] = Number(count?.removed ?? 0);
		await engine.exec(sql`DROP TABLE ${saved}`);
	}
	if (rows.length > 0) {
		const values = rows.map(
			(row) =>
				sql`(${literal(row.district)}, ${row.year}, ${literal(row.age_band)}, ${row.sex}, ${row.age}, ${row.children}, ${literal(row.source)})`
		);
		await engine.exec(sql`INSERT INTO ${ident(population.name)} VALUES ${join(values)}`);
	}
	await refreshFacts(engine);
	return { kept, removed };
}
