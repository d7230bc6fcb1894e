import type { Field, TextField } from '$lib/contract';
import { columnType } from './schema';
import { ident, join, literal, sql, Sql } from './sql';

/**
 * SQL for checking a file column-wise in DuckDB before it is loaded: the file is read into an all-VARCHAR
 * staging table (nothing sniffed or coerced), each column's distinct cells are judged once by the ingest
 * pipeline's own parsers and the verdicts joined back as small lookup tables. Used by the native load
 * (`engine/load-staged.ts`); the browser's row-wise pipeline applies the same rules to the same cells.
 */

/** Where a staged file comes from: a path DuckDB reads itself. */
export interface StagedSource {
	readonly path: string;
	readonly format: 'csv' | 'parquet';
}

/** The table DuckDB's CSV reader puts the lines it cannot split into (`store_rejects`). */
export const readerRejects = ident('reject_errors');

/**
 * Read a file into `stage` as text, in file order (DuckDB keeps insertion order, so `rowid + 1` is the data
 * row). CSV: every cell as VARCHAR (a blank cell is NULL), a short row padded with NULLs, a line that cannot
 * be split kept aside in `reject_errors` with its line number rather than failing the load. Parquet: every
 * column cast to VARCHAR, so its cells meet the same parsers as text (dates as yyyy-mm-dd, true/false).
 */
export function stageFile(stage: Sql, source: StagedSource): Sql {
	if (source.format === 'parquet') {
		return sql`CREATE OR REPLACE TEMP TABLE ${stage} AS SELECT COLUMNS(*)::VARCHAR FROM read_parquet(${source.path})`;
	}
	return sql`CREATE OR REPLACE TEMP TABLE ${stage} AS SELECT * FROM read_csv(${source.path}, header = true, delim = ',', quote = '"', escape = '"', all_varchar = true, null_padding = true, store_rejects = true)`;
}

/** The staged columns' names: the file's headings, as DuckDB read them. */
export const stagedColumns = (stage: Sql): Sql => sql`SELECT column_name AS name FROM (DESCRIBE ${stage})`;

/** A cell as its lookup key: a blank cell (NULL) is the empty text, as the parsers see it. */
export const cellKey = (column: Sql): Sql => sql`COALESCE(${column}, '')`;

/**
 * Text cells that need no parser: 5 or more of letters, digits and `_ . : / -` within the field's length,
 * not starting with `#`. Trimming, invisible characters, missing-value tokens (all 4 characters or fewer)
 * and Excel errors cannot apply, so the parser would return the cell unchanged. Identifiers are unique per
 * row, so this keeps their distinct values (one per row) out of the parser.
 */
export function plainText(column: Sql, field: TextField): Sql {
	return sql`(length(${column}) BETWEEN 5 AND ${field.maxLength} AND regexp_full_match(${column}, '[A-Za-z0-9_.:/][A-Za-z0-9_.:/-]*'))`;
}

/** A row whose every staged cell is blank: skipped and counted, never read (as in the browser). */
export function blankRow(columns: readonly Sql[]): Sql {
	return join(
		columns.map((column) => sql`trim(${cellKey(column)}) = ''`),
		' AND '
	);
}

/** A staged column whose distinct cells a parser must judge; `plain` cells (text fields) need none. */
export interface JudgedColumn {
	readonly field: number;
	readonly column: Sql;
	readonly plain?: Sql;
}

/** The distinct cells of every judged column, tagged with the field's index, in one statement. */
export function distinctCells(stage: Sql, columns: readonly JudgedColumn[]): Sql {
	const parts = columns.map(({ field, column, plain }) => {
		const where = plain ? sql` WHERE NOT ${plain}` : sql``;
		return sql`SELECT DISTINCT ${field} AS field, ${cellKey(column)} AS cell FROM ${stage}${where}`;
	});
	return join(parts, ' UNION ALL ');
}

/**
 * The verdicts on every judged cell: the field's index, the cell, its value as text (NULL for none), a
 * reason, whether it rejects the row, and whether the reason needs the row's main date.
 */
export function createVerdicts(table: Sql): Sql {
	return sql`CREATE OR REPLACE TEMP TABLE ${table} (field INTEGER, cell VARCHAR, value VARCHAR, reason VARCHAR, rejects BOOLEAN, needs_date BOOLEAN)`;
}

export interface Verdict {
	readonly field: number;
	readonly cell: string;
	readonly value: string | null;
	readonly reason: string | null;
	readonly rejects: boolean;
	/** The reason holds only when the row's main date was read (the age rule asks for no age otherwise). */
	readonly needsDate: boolean;
}

export function insertVerdicts(table: Sql, verdicts: readonly Verdict[]): Sql {
	const rows = verdicts.map(
		(verdict) =>
			sql`(${verdict.field}, ${verdict.cell}, ${verdict.value}, ${verdict.reason}, ${verdict.rejects}, ${verdict.needsDate})`
	);
	return sql`INSERT INTO ${table} VALUES ${join(rows)}`;
}

/** How one contract field is fed: from a staged column judged by a verdict table, or absent (NULL). */
export type FieldSource =
	| { readonly field: Field; readonly column: Sql; readonly verdicts: Sql; readonly plain?: Sql }
	| { readonly field: Field; readonly column: undefined };

/** The checked columns of field `i`: its typed value, the reason of its verdict and whether it rejects. */
export const valueColumn = (index: number) => ident(`v${index}`);
export const reasonColumn = (index: number) => ident(`r${index}`);
export const rejectsColumn = (index: number) => ident(`x${index}`);
export const cellColumn = (index: number) => ident(`c${index}`);

/**
 * One row per staged row: its data row number, whether it is blank, and per field the value cast to the
 * contract's type, the verdict's reason, whether it rejects the row, and the cell (only where there is a
 * reason, so the table stays as small as the typed data). `mainDate` is the index of the table's main date,
 * which the age verdicts depend on.
 */
export function checkRows(stage: Sql, checked: Sql, sources: readonly FieldSource[], mainDate: number): Sql {
	const select: Sql[] = [sql`${stage}.rowid + 1 AS "row"`];
	const joins: Sql[] = [];
	sources.forEach((source, index) => {
		const type = columnType(source.field);
		if (source.column === undefined) {
			select.push(
				sql`CAST(NULL AS ${type}) AS ${valueColumn(index)}`,
				sql`CAST(NULL AS VARCHAR) AS ${reasonColumn(index)}`,
				sql`FALSE AS ${rejectsColumn(index)}`,
				sql`CAST(NULL AS VARCHAR) AS ${cellColumn(index)}`
			);
			return;
		}
		const alias = ident(`l${index}`);
		const column = sql`${stage}.${source.column}`;
		const value = source.plain
			? sql`CASE WHEN ${source.plain} THEN ${column} ELSE ${alias}.value END`
			: sql`${alias}.value`;
		const mainValue = sources[mainDate]?.column ? sql`${ident(`l${mainDate}`)}.value` : new Sql('NULL');
		const holds = sql`(${alias}.reason IS NOT NULL AND (NOT ${alias}.needs_date OR ${mainValue} IS NOT NULL))`;
		select.push(
			sql`CAST(${value} AS ${type}) AS ${valueColumn(index)}`,
			sql`CASE WHEN ${holds} THEN ${alias}.reason END AS ${reasonColumn(index)}`,
			sql`coalesce(${holds} AND ${alias}.rejects, FALSE) AS ${rejectsColumn(index)}`,
			sql`CASE WHEN ${holds} THEN ${cellKey(column)} END AS ${cellColumn(index)}`
		);
		joins.push(
			sql`LEFT JOIN (SELECT * FROM ${source.verdicts} WHERE field = ${index}) AS ${alias} ON ${cellKey(column)} = ${alias}.cell`
		);
	});
	const columns = sources.flatMap((source) => (source.column ? [sql`${stage}.${source.column}`] : []));
	select.push(sql`${blankRow(columns)} AS blank`);
	return sql`CREATE OR REPLACE TEMP TABLE ${checked} AS SELECT ${join(select)} FROM ${stage} ${join(joins, ' ')} ORDER BY "row"`;
}

/** Whether a checked row is rejected by a cell rule (before the key's uniqueness is known). */
export function cellRejects(count: number): Sql {
	return join(
		Array.from({ length: count }, (_, index) => rejectsColumn(index)),
		' OR '
	);
}

/**
 * The key's first loaded row: a duplicate is rejected after the first row with that key that no cell rule
 * rejected, as the browser's validator does row by row.
 */
export function firstLoaded(checked: Sql, key: Sql, firsts: Sql, count: number): Sql {
	return sql`CREATE OR REPLACE TEMP TABLE ${firsts} AS SELECT ${key} AS key, min("row") AS first FROM ${checked} WHERE NOT blank AND NOT (${cellRejects(count)}) AND ${key} IS NOT NULL GROUP BY ${key}`;
}

/** The verdict per checked row: `duplicate_of` (the first loaded row with its key) and `rejected`. */
export function rowOutcome(checked: Sql, key: Sql, firsts: Sql, outcome: Sql, count: number): Sql {
	return sql`CREATE OR REPLACE TEMP TABLE ${outcome} AS SELECT c.*, CASE WHEN f.first < c."row" THEN f.first END AS duplicate_of, (${cellRejects(count)}) OR coalesce(f.first < c."row", FALSE) AS rejected FROM ${checked} AS c LEFT JOIN ${firsts} AS f ON c.${key} = f.key WHERE NOT c.blank ORDER BY c."row"`;
}

/** Insert the rows no rule rejected into the contract table, values already typed, in file order. */
export function insertLoaded(target: Sql, outcome: Sql, fields: readonly Field[]): Sql {
	const names = join(fields.map((field) => ident(field.name)));
	const values = join(fields.map((_, index) => valueColumn(index)));
	return sql`INSERT INTO ${target} (${names}) SELECT ${values} FROM ${outcome} WHERE NOT rejected ORDER BY "row"`;
}

/** Row counts of a staged load: read (blank rows excluded), rejected, blank. */
export function stagedCounts(checked: Sql, outcome: Sql): Sql {
	return sql`SELECT (SELECT count(*) FROM ${outcome}) AS "read", (SELECT count(*) FROM ${outcome} WHERE rejected) AS rejected, (SELECT count(*) FROM ${checked} WHERE blank) AS blank`;
}

/** The loaded rows' earliest and latest main date. */
export function loadedRange(outcome: Sql, mainDate: number): Sql {
	const date = valueColumn(mainDate);
	return sql`SELECT CAST(min(${date}) AS VARCHAR) AS min, CAST(max(${date}) AS VARCHAR) AS max FROM ${outcome} WHERE NOT rejected`;
}

/** One issue as a row: data row, column, field, value and reason, with its order within the row. */
export interface IssueRow {
	readonly row: number;
	readonly column: string;
	readonly field: string | null;
	readonly value: string;
	readonly reason: string;
	readonly rule: number;
}

/** A literal of a text for an issue column. */
const text = (value: string) => literal(value);

/**
 * Cell issues of rejected rows (`rejects`) or warnings of loaded rows (not `rejects`), one query per field,
 * with the duplicate key issue of rejected rows; `rank` is a field's place in the declared rules and `last`
 * the duplicate's, so `listIssues` puts a row's issues in the report's order.
 */
export function cellIssues(
	outcome: Sql,
	sources: readonly FieldSource[],
	headers: readonly string[],
	rejects: boolean,
	keyIndex: number,
	duplicateReason: Sql,
	rank: (index: number) => number,
	last: number
): Sql[] {
	const parts: Sql[] = [];
	sources.forEach((source, index) => {
		if (source.column === undefined) return;
		const which = rejects
			? sql`rejected AND ${rejectsColumn(index)}`
			: sql`NOT rejected AND ${reasonColumn(index)} IS NOT NULL`;
		parts.push(
			sql`SELECT "row", ${text(headers[index]!)} AS "column", ${text(source.field.name)} AS field, ${cellColumn(index)} AS value, ${reasonColumn(index)} AS reason, ${rank(index)} AS rule FROM ${outcome} WHERE ${which}`
		);
	});
	if (rejects) {
		parts.push(
			sql`SELECT "row", ${text(headers[keyIndex]!)} AS "column", ${text(sources[keyIndex]!.field.name)} AS field, CAST(${valueColumn(keyIndex)} AS VARCHAR) AS value, ${duplicateReason} AS reason, ${last} AS rule FROM ${outcome} WHERE duplicate_of IS NOT NULL`
		);
	}
	return parts;
}

/** Issues in row order, then in rule order within a row (the report's order), at most `limit`. */
export function listIssues(parts: readonly Sql[], limit: number): Sql {
	return sql`SELECT * FROM (${join(parts, ' UNION ALL ')}) ORDER BY "row", rule LIMIT ${limit}`;
}

/** How many issues the parts find in all. */
export function countIssues(parts: readonly Sql[]): Sql {
	return sql`SELECT count(*) AS n FROM (${join(parts, ' UNION ALL ')})`;
}

/** A row rule as SQL over the loaded rows' typed values: rows where it holds, with the cell and the message. */
export function rowRuleIssues(
	outcome: Sql,
	holds: Sql,
	column: string,
	field: string,
	value: Sql,
	reason: Sql,
	rule: number
): Sql {
	return sql`SELECT "row", ${text(column)} AS "column", ${text(field)} AS field, CAST(${value} AS VARCHAR) AS value, ${reason} AS reason, ${rule} AS rule FROM ${outcome} WHERE NOT rejected AND ${holds}`;
}
