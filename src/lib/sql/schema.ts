import {
	cambridgeshireAndPeterborough,
	tables,
	withAreas,
	type AreaReference,
	type EnumField,
	type Field,
	type TableContract,
	type TableName
} from '$lib/contract';
import { ident, join, literal, sql, Sql } from './sql';

/**
 * DDL derived from the contract. Enumerations become DuckDB ENUM types (one per field name, shared across
 * tables), which makes group-bys and filters on categoricals several times faster than VARCHAR.
 */
export function enumTypeName(field: EnumField): Sql {
	return ident(`${field.name}_t`);
}

/**
 * A code of a referral column's ENUM as a constant of that type: comparing a column with a plain string casts
 * every row's value to VARCHAR (at 1M referrals the indicator masks' 24 comparisons cost more than any window
 * of the facts), a constant of the column's own type compares the small integers underneath.
 */
export function referralEnumValue(column: string, code: string): Sql {
	return enumValue('referrals', column, code);
}

/** A code of an ENUM column of a contract table as a constant of that type (see `referralEnumValue`). */
export function enumValue(table: keyof typeof tables, column: string, code: string): Sql {
	const field = (tables[table].fields as readonly Field[]).find((one) => one.name === column);
	if (field?.kind !== 'enum' || !(field.values.codes as readonly string[]).includes(code))
		throw new Error(`${table}.${column} has no code ${code}`);
	return sql`CAST(${literal(code)} AS ${enumTypeName(field)})`;
}

/**
 * Whether a referral column's ENUM value is one of `codes`, tested on its position in the ENUM (`enum_code`,
 * the contract's order): a range when the positions are consecutive, else a list. NULL for a NULL cell, as a
 * comparison is. At 1M referrals in DuckDB-WASM the indicator masks' CASEs over ENUM constants (four a
 * column for "present") took 1.1 to 3.8 times as long as this test on the position (issue 14, three rounds
 * alternated in one process).
 */
export function referralEnumIn(column: Sql, name: string, codes: readonly string[]): Sql {
	const field = tables.referrals.fields.find((one) => one.name === name);
	const all = field?.kind === 'enum' ? (field.values.codes as readonly string[]) : [];
	const positions = codes.map((code) => all.indexOf(code)).sort((a, b) => a - b);
	if (positions.length === 0 || positions.includes(-1))
		throw new Error(`referrals.${name} has no codes ${codes.join(', ')}`);
	const first = positions[0]!;
	const last = positions.at(-1)!;
	const position = sql`enum_code(${column})`;
	return last - first === positions.length - 1
		? sql`${position} BETWEEN ${first} AND ${last}`
		: sql`${position} IN (${join(positions.map((at) => sql`${at}`))})`;
}

/** The enumerated field of the referrals table called `name`: its ENUM's codes in order. */
function referralEnumField(name: string): EnumField {
	const field = tables.referrals.fields.find((one) => one.name === name);
	if (field?.kind !== 'enum') throw new Error(`referrals.${name} is not enumerated`);
	return field;
}

/** How many codes a referral column's ENUM has: its `enum_code` positions are 0 to this less one. */
export function referralEnumSize(name: string): number {
	return referralEnumField(name).values.codes.length;
}

/** The ENUM value of a referral column at a 0-based position (`enum_code`'s inverse), as text. */
export function referralEnumAt(name: string, position: Sql): Sql {
	return sql`CAST(enum_range(NULL::${enumTypeName(referralEnumField(name))})[${position} + 1] AS VARCHAR)`;
}

export function columnType(field: Field): Sql {
	switch (field.kind) {
		case 'text':
			return new Sql('VARCHAR');
		case 'integer':
			return new Sql('INTEGER');
		case 'date':
			return new Sql('DATE');
		case 'time':
			// Minutes after midnight (UTC clock): elapsed time is integer arithmetic, no time-zone extension.
			return new Sql('INTEGER');
		case 'boolean':
			return new Sql('BOOLEAN');
		case 'enum':
			return enumTypeName(field);
	}
}

/**
 * CREATE TYPE statements for every enumerated field of every table, each type once. The district type takes
 * its codes from the loaded area reference (in its order, so districts sort as the reference lists them).
 */
export function createEnumTypes(areas: AreaReference = cambridgeshireAndPeterborough): Sql[] {
	const byType = new Map<string, EnumField>();
	for (const table of Object.values(tables)) {
		for (const field of withAreas(table as TableContract, areas).fields)
			if (field.kind === 'enum') byType.set(enumTypeName(field).text, field);
	}
	return [...byType.values()].map(createEnumType);
}

/** CREATE TYPE for one enumerated field: its codes, in order. */
export function createEnumType(field: EnumField): Sql {
	const values = join(field.values.codes.map((code) => literal(code)));
	return sql`CREATE TYPE ${enumTypeName(field)} AS ENUM (${values})`;
}

export function createTable(table: TableContract, name: Sql = ident(table.name)): Sql {
	const columns = table.fields.map(
		(field) => sql`${ident(field.name)} ${columnType(field)}${new Sql(field.required ? ' NOT NULL' : '')}`
	);
	return sql`CREATE OR REPLACE TABLE ${name} (${join(columns)})`;
}

/** The contract's column list of a table, in order. */
export function columnList(table: TableContract): Sql {
	return join(table.fields.map((field) => ident(field.name)));
}

/**
 * Read a file written in the contract's own layout (header = field names, ISO dates, codes) with DuckDB's
 * CSV reader. Types and date format are given, never sniffed: the sniffer guesses date order per file.
 */
export function readContractCsv(
	table: TableContract,
	fileName: string,
	header: readonly string[] = table.fields.map((field) => field.name)
): Sql {
	// An optional field the file has no column for (a demo written before the field existed) reads as NULL.
	const present = new Set(header);
	const missing = table.fields.filter((field) => !present.has(field.name));
	for (const field of missing) {
		if (field.required) throw new Error(`${fileName} has no column ${field.name}, which is required`);
	}
	const select = join(
		table.fields.map((field) =>
			present.has(field.name)
				? ident(field.name)
				: sql`CAST(NULL AS ${columnType(field)}) AS ${ident(field.name)}`
		)
	);
	const columns = join(
		table.fields
			.filter((field) => present.has(field.name))
			.map(
				(field) =>
					sql`${literal(field.name)}: ${literal(field.kind === 'enum' ? 'VARCHAR' : columnType(field).text)}`
			)
	);
	return sql`SELECT ${select} FROM read_csv(${fileName}, header = true, delim = ',', quote = '"', escape = '"', dateformat = '%Y-%m-%d', auto_detect = false, columns = {${columns}})`;
}

export function tableName(name: TableName): Sql {
	return ident(name);
}
