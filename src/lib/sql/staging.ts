import type { Field, TextField } from '$lib/contract';
import { columnType } from './schema';
import { ident, join, sql, Sql } from './sql';

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

/**
 * Where the check's working tables (the staged text, the checked rows, the duplicates, the issues, the
 * verdicts) are written. `database`: the app's own database, which DuckDB-WASM compresses (it cannot spill,
 * so the staged text must fit its 4 GB compressed). `temporary`: DuckDB's temporary database, uncompressed
 * and spilled to disk beyond the memory limit, for native DuckDB: a database file compresses and writes every
 * table it holds, and these are read a few times and dropped (at 1M rows, staging a Parquet file into the
 * database file took 5 times the CPU of staging it into a temporary table). Unqualified names find a
 * temporary table first, so only the statements creating them differ.
 */
export type Scratch = 'database' | 'temporary';

const createScratch = (scratch: Scratch): Sql =>
	new Sql(scratch === 'temporary' ? 'CREATE OR REPLACE TEMP TABLE' : 'CREATE OR REPLACE TABLE');

/** The table DuckDB's CSV reader puts the lines it cannot split into (`store_rejects`). */
export const readerRejects = ident('reject_errors');
/** The table DuckDB's CSV reader lists its scans in (`store_rejects`): a rejected line names its scan. */
export const readerScans = ident('reject_scans');

/** Drop the reader's reject tables an earlier read left, so a read's rejects are its own. */
export const dropReaderRejects = (): Sql[] =>
	[readerRejects, readerScans].map((table) => sql`DROP TABLE IF EXISTS ${table}`);

/**
 * Read a file into `stage` as text, in file order (DuckDB keeps insertion order, so `rowid + 1` is the data
 * row). CSV: every cell as VARCHAR (a blank cell is NULL), a short row padded with NULLs (or, with
 * `padShortRows` false, kept aside as the reader's error: the Data page warns about a short row), a line that cannot
 * be split kept aside in `reject_errors` with its line number rather than failing the load; `skipLines` lines
 * above the heading (title rows, counted as lines) are not read. Parquet: every
 * column cast to VARCHAR, so its cells meet the same parsers as text (dates as yyyy-mm-dd, true/false).
 */
export function stageFile(
	stage: Sql,
	source: StagedSource,
	padShortRows = true,
	skipLines = 0,
	scratch: Scratch = 'database'
): Sql {
	if (source.format === 'parquet') {
		return sql`${createScratch(scratch)} ${stage} AS SELECT COLUMNS(*)::VARCHAR FROM read_parquet(${source.path})`;
	}
	return sql`${createScratch(scratch)} ${stage} AS SELECT * FROM ${readCsv(source.path, padShortRows, skipLines)}`;
}

/** DuckDB's CSV reader as `stageFile` reads a CSV: every cell as text, the lines it cannot split set aside. */
const readCsv = (path: string, padShortRows: boolean, skipLines: number): Sql =>
	sql`read_csv(${path}, header = true, delim = ',', quote = '"', escape = '"', all_varchar = true, null_padding = ${new Sql(padShortRows ? 'true' : 'false')}, store_rejects = true${skipLines > 0 ? sql`, skip = ${skipLines}` : sql``})`;

/**
 * Append a later piece of a CSV (`ingest/csv-pieces.ts`: the heading line, then whole lines) to the staging
 * table `stageFile` made from its first piece, read the same way; its rows follow the earlier pieces' rows,
 * so `rowid + 1` stays the data row.
 */
export const appendCsvPiece = (stage: Sql, path: string, padShortRows = true): Sql =>
	sql`INSERT INTO ${stage} SELECT * FROM ${readCsv(path, padShortRows, 0)}`;

/**
 * Move the lines DuckDB's reader set aside in scans after `scan` (a later piece's) to the file's line
 * numbers: a piece's line `n` is the file's line `n + offset`.
 */
export const shiftReaderRejects = (scan: number, offset: number): Sql =>
	sql`UPDATE ${readerRejects} SET line = line + ${offset} WHERE scan_id > ${scan}`;

/** The latest scan DuckDB's reader recorded (0 before any). */
export const lastReaderScan = (): Sql => sql`SELECT coalesce(max(scan_id), 0) AS scan FROM ${readerScans}`;

/** The staged columns' names: the file's headings, as DuckDB read them. */
export const stagedColumns = (stage: Sql): Sql => sql`SELECT column_name AS name FROM (DESCRIBE ${stage})`;

/**
 * A staged column's cells as text, as the parsers read them: a text column as it is; a typed column (a
 * Parquet DATE, BOOLEAN or whole-number column, staged as Arrow gave it: `type` is DuckDB's name for it)
 * as DuckDB writes its values as text (yyyy-mm-dd, true/false, digits), exactly what staging it as text
 * gave before (issue 14: the text copy of every typed cell was a third of a Parquet load).
 */
export const stagedText = (column: Sql, type?: string): Sql =>
	type === undefined ? column : sql`CAST(${column} AS VARCHAR)`;

/**
 * Whether a typed staged column's values can be cast straight to the field's type: a cell whose text the
 * parser leaves as it is (no verdict) casts from the text to the same value (a DATE to a date field, a
 * BOOLEAN to a yes/no field, a whole number to a whole-number field). Anything else goes through the text.
 */
export function castsDirectly(type: string | undefined, field: Field): boolean {
	if (type === undefined) return false;
	if (field.kind === 'date') return type === 'DATE';
	if (field.kind === 'boolean') return type === 'BOOLEAN';
	if (field.kind === 'integer') return /^U?(TINYINT|SMALLINT|INTEGER|BIGINT)$/.test(type);
	return false;
}

/** A cell as its lookup key: a blank cell (NULL) is the empty text, as the parsers see it. */
export const cellKey = (column: Sql): Sql => sql`COALESCE(${column}, '')`;

/**
 * Text cells that need no parser: 5 or more characters within the field's length, all ASCII (so no invisible
 * character or Unicode space), the first and last above the space (nothing to trim), not starting with `#`.
 * Trimming, invisible characters, missing-value tokens (all 4 characters or fewer) and Excel errors cannot
 * apply, so the parser would return the cell unchanged. Identifiers are unique per row, so this keeps their
 * distinct values (one per row) out of the parser. Byte tests rather than a regular expression: this runs on
 * every cell of the identifier columns, and a regular expression per cell was a fifth of the check.
 */
export function plainText(column: Sql, field: TextField): Sql {
	// A blank cell (NULL) is never plain: it is judged (a required field's "required but empty").
	return sql`coalesce(strlen(${column}) BETWEEN 5 AND ${field.maxLength} AND strlen(${column}) = length(${column}) AND ${column}[1] > ' ' AND ${column}[-1] > ' ' AND ${column}[1] <> '#', FALSE)`;
}

/** Whether a cell holds a line break (a quoted newline), by byte search rather than a regular expression. */
const lineBreakIn = (column: Sql): Sql => sql`(contains(${column}, ${'\n'}) OR contains(${column}, ${'\r'}))`;

/**
 * A row with some staged cell that is not blank (`trim(cell) = ''` for none of them): a row whose every cell
 * is blank is skipped and counted, never read (as in the browser). A cell whose first character is not a
 * space is settled without trimming it, so almost every row is kept by its first cell's first character.
 */
export function notBlankRow(columns: readonly Sql[], typed: readonly Sql[] = []): Sql {
	return join(
		[
			...columns.map((column) => sql`(${column} <> '' AND (${column}[1] <> ' ' OR trim(${column}) <> ''))`),
			// A typed value's text is never blank: only a NULL is.
			...typed.map((column) => sql`(${column} IS NOT NULL)`)
		],
		' OR '
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
 * One judged field's verdicts, a small table per field (so each column's join reads only its own): the
 * cell, its value as text (NULL for none), a reason, whether it rejects the row, and whether the reason
 * needs the row's main date.
 */
export function createVerdicts(table: Sql, scratch: Scratch = 'database'): Sql {
	return sql`${createScratch(scratch)} ${table} (cell VARCHAR, value VARCHAR, reason VARCHAR, rejects BOOLEAN, needs_date BOOLEAN)`;
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
			sql`(${verdict.cell}, ${verdict.value}, ${verdict.reason}, ${verdict.rejects}, ${verdict.needsDate})`
	);
	return sql`INSERT INTO ${table} VALUES ${join(rows)}`;
}

/**
 * How one contract field is fed: from a staged column, judged by a verdict table when any of its cells needs
 * one (a cell the table does not hold is its own value, with nothing to say), or absent (NULL).
 */
export type FieldSource =
	| {
			readonly field: Field;
			readonly column: Sql;
			readonly verdicts?: Sql;
			/** The staged column's DuckDB type when it is not text (`stagedText`). */
			readonly type?: string;
	  }
	| { readonly field: Field; readonly column: undefined };

/**
 * Whether a verdict says anything a plain cast of the cell would not: a value other than the cell itself,
 * or a reason. Only those are written to the verdict tables, so a clean column needs no join at all.
 */
export const changesCell = (verdict: Verdict): boolean =>
	verdict.reason !== null || verdict.value !== (verdict.cell === '' ? null : verdict.cell);

/** A cell as its own value: itself, or none when it is empty (a blank Parquet string is '', not NULL). */
const ownValue = (column: Sql): Sql => sql`NULLIF(${column}, '')`;

/** A judged cell's value: the verdict's where the table holds one, else the cell itself. */
const judgedValue = (column: Sql, alias: Sql): Sql =>
	sql`CASE WHEN ${alias}.cell IS NULL THEN ${ownValue(column)} ELSE ${alias}.value END`;

/** The checked columns of field `i`: its typed value, the reason of its verdict and whether it rejects. */
export const valueColumn = (index: number) => ident(`v${index}`);
export const reasonColumn = (index: number) => ident(`r${index}`);
export const rejectsColumn = (index: number) => ident(`x${index}`);
export const cellColumn = (index: number) => ident(`c${index}`);

/**
 * One row per read staged row (blank rows are left out): its data row number, per field the value cast to
 * the contract's type and, for a field with a verdict table, the verdict's reason, whether it rejects the row,
 * and the cell (only where there is a reason, so the table stays as small as the typed data); `cell_rejects`:
 * whether any cell rule rejects the row; `breaks`: whether any of the `lineBreaks` columns' cells holds a line
 * break (a quoted newline). One pass over the staged rows, each column whose cells need a verdict joined to
 * its own small verdict table (a clean column is cast, with no join), and no ordering (the data row number
 * says where a row came from). `mainDate` is the index of the table's main date, which the age verdicts
 * depend on.
 */
export function checkRows(
	stage: Sql,
	checked: Sql,
	sources: readonly FieldSource[],
	mainDate: number,
	lineBreaks: readonly Sql[] = [],
	scratch: Scratch = 'database'
): Sql {
	const select: Sql[] = [sql`${stage}.rowid + 1 AS "row"`];
	const joins: Sql[] = [];
	const rejects: Sql[] = [];
	const main = sources[mainDate];
	const mainText = main?.column ? stagedText(sql`${stage}.${main.column}`, main.type) : undefined;
	const mainValue = !mainText
		? new Sql('NULL')
		: main?.column && main.verdicts
			? judgedValue(mainText, ident(`l${mainDate}`))
			: ownValue(mainText);
	const textColumns: Sql[] = [];
	const typedColumns: Sql[] = [];
	sources.forEach((source, index) => {
		const type = columnType(source.field);
		// A field with no verdict table has nothing to say about any cell: its value only (no reason, rejects or
		// cell columns to write for every row), and no join.
		if (source.column === undefined) {
			select.push(sql`CAST(NULL AS ${type}) AS ${valueColumn(index)}`);
			return;
		}
		const staged = sql`${stage}.${source.column}`;
		(source.type === undefined ? textColumns : typedColumns).push(staged);
		const column = stagedText(staged, source.type);
		const direct = castsDirectly(source.type, source.field);
		if (source.verdicts === undefined) {
			select.push(
				direct
					? sql`CAST(${staged} AS ${type}) AS ${valueColumn(index)}`
					: sql`CAST(${ownValue(column)} AS ${type}) AS ${valueColumn(index)}`
			);
			return;
		}
		const alias = ident(`l${index}`);
		const holds = sql`(${alias}.reason IS NOT NULL AND (NOT ${alias}.needs_date OR ${mainValue} IS NOT NULL))`;
		const rejected = sql`coalesce(${holds} AND ${alias}.rejects, FALSE)`;
		rejects.push(rejected);
		select.push(
			direct
				? sql`CASE WHEN ${alias}.cell IS NULL THEN CAST(${staged} AS ${type}) ELSE CAST(${alias}.value AS ${type}) END AS ${valueColumn(index)}`
				: sql`CAST(${judgedValue(column, alias)} AS ${type}) AS ${valueColumn(index)}`,
			sql`CASE WHEN ${holds} THEN ${alias}.reason END AS ${reasonColumn(index)}`,
			sql`${rejected} AS ${rejectsColumn(index)}`,
			sql`CASE WHEN ${holds} THEN ${cellKey(column)} END AS ${cellColumn(index)}`
		);
		joins.push(sql`LEFT JOIN ${source.verdicts} AS ${alias} ON ${cellKey(column)} = ${alias}.cell`);
	});
	select.push(
		rejects.length > 0 ? sql`(${join(rejects, ' OR ')}) AS cell_rejects` : sql`FALSE AS cell_rejects`,
		// In the same pass rather than a scan of its own (that was an eighth of the check).
		lineBreaks.length > 0
			? sql`coalesce(${join(
					lineBreaks.map((column) => lineBreakIn(sql`${stage}.${column}`)),
					' OR '
				)}, FALSE) AS breaks`
			: sql`FALSE AS breaks`
	);
	// A blank row's test is NULL or FALSE: WHERE leaves it out.
	return sql`${createScratch(scratch)} ${checked} AS SELECT ${join(select)} FROM ${stage} ${join(joins, ' ')} WHERE ${notBlankRow(textColumns, typedColumns)}`;
}

/**
 * The key's duplicates, as a small table of (row, first, loaded): a row whose key was first loaded on an
 * earlier row (the first row with that key that no cell rule rejected, as the browser's validator decides row
 * by row), or, given `loadedKeys` (the keys of the rows already in the table a file is appended to), whose
 * key is among them (`loaded`, which the browser's validator reports before a duplicate within the file).
 * The window reads only the row number, the key and `cell_rejects`, never the rest of the row; the loaded
 * keys stay in DuckDB (appending a file once copied every loaded key into JavaScript for the worker's check).
 */
export function duplicateRows(
	checked: Sql,
	key: Sql,
	duplicates: Sql,
	scratch: Scratch = 'database',
	loadedKeys?: Sql
): Sql {
	const loaded = loadedKeys ? sql`${key} IN (${loadedKeys})` : sql`FALSE`;
	return sql`${createScratch(scratch)} ${duplicates} AS SELECT "row", first, loaded FROM (SELECT "row", min("row") FILTER (WHERE NOT cell_rejects) OVER (PARTITION BY ${key}) AS first, ${loaded} AS loaded FROM ${checked} WHERE ${key} IS NOT NULL) WHERE loaded OR first < "row"`;
}

/**
 * The verdict per read row, as a view (nothing is copied): the checked row, `duplicate_of` (the first loaded
 * row with its key, unless the key was loaded before the file), `already_loaded` and `rejected`.
 */
export function rowOutcome(checked: Sql, duplicates: Sql, outcome: Sql): Sql {
	return sql`CREATE OR REPLACE TEMP VIEW ${outcome} AS SELECT c.*, CASE WHEN NOT d.loaded THEN d.first END AS duplicate_of, coalesce(d.loaded, FALSE) AS already_loaded, c.cell_rejects OR d."row" IS NOT NULL AS rejected FROM ${checked} AS c LEFT JOIN ${duplicates} AS d ON c."row" = d."row"`;
}

/**
 * Insert the rows no rule rejected into the contract table, values already typed, in file order: the checked
 * rows were written in the staged order by scans, filters and joins that keep DuckDB's insertion order
 * (`preserve_insertion_order`), so no sort is needed.
 */
export function insertLoaded(target: Sql, outcome: Sql, fields: readonly Field[]): Sql {
	const names = join(fields.map((field) => ident(field.name)));
	const values = join(fields.map((_, index) => valueColumn(index)));
	return sql`INSERT INTO ${target} (${names}) SELECT ${values} FROM ${outcome} WHERE NOT rejected`;
}

/** Row counts of a staged load: read (blank rows excluded), rejected, blank; and whether a cell breaks a line. */
export function stagedCounts(stage: Sql, outcome: Sql): Sql {
	return sql`SELECT count(*) AS "read", count(*) FILTER (WHERE rejected) AS rejected, (SELECT count(*) FROM ${stage}) - count(*) AS blank, coalesce(bool_or(breaks), FALSE) AS multiline FROM ${outcome}`;
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

/**
 * One kind of issue a row of the outcome can have: when it holds, the column, field, value (text) and reason
 * it reports, its place in the declared rules (`rule`, the report's order within a row), and whether it is
 * a rejected row's issue or a loaded row's warning.
 */
export interface IssueTest {
	readonly holds: Sql;
	readonly column: string;
	readonly field: string;
	readonly value: Sql;
	readonly reason: Sql;
	readonly rule: number;
	readonly rejects: boolean;
}

/**
 * The cell issues: per judged field, a rejected row's rejecting cell and a loaded row's cell warning, and a
 * rejected row's duplicate key (within the file, or already loaded: `duplicateReason` says which). A field
 * with no verdict table is left out: every cell of it is its own value with nothing to say. `rank` is a field's place in the declared rules and `last` the duplicate's.
 */
export function cellIssueTests(
	sources: readonly FieldSource[],
	headers: readonly string[],
	keyIndex: number,
	duplicateReason: Sql,
	rank: (index: number) => number,
	last: number
): IssueTest[] {
	const tests: IssueTest[] = [];
	sources.forEach((source, index) => {
		if (source.column === undefined || source.verdicts === undefined) return;
		const cell = {
			column: headers[index]!,
			field: source.field.name,
			value: cellColumn(index),
			reason: reasonColumn(index),
			rule: rank(index)
		};
		tests.push(
			{ ...cell, holds: sql`rejected AND ${rejectsColumn(index)}`, rejects: true },
			{ ...cell, holds: sql`NOT rejected AND ${reasonColumn(index)} IS NOT NULL`, rejects: false }
		);
	});
	tests.push({
		holds: sql`duplicate_of IS NOT NULL OR already_loaded`,
		column: headers[keyIndex]!,
		field: sources[keyIndex]!.field.name,
		value: sql`CAST(${valueColumn(keyIndex)} AS VARCHAR)`,
		reason: duplicateReason,
		rule: last,
		rejects: true
	});
	return tests;
}

/** A row rule over the loaded rows' typed values, as a warning: where it holds, with the cell and the message. */
export function rowRuleTest(
	holds: Sql,
	column: string,
	field: string,
	value: Sql,
	reason: Sql,
	rule: number
): IssueTest {
	return {
		holds: sql`NOT rejected AND ${holds}`,
		column,
		field,
		value: sql`CAST(${value} AS VARCHAR)`,
		reason,
		rule,
		rejects: false
	};
}

/**
 * Every issue of every row into the table `issues`, in one scan of the outcome: each row that has any issue
 * unnests a list holding one entry per test that holds (rather than one query per test, each reading every
 * row: four unions over every column were a fifth of the check).
 */
export function collectIssues(
	outcome: Sql,
	issues: Sql,
	tests: readonly IssueTest[],
	scratch: Scratch = 'database'
): Sql {
	const entries = tests.map(
		(test) =>
			sql`CASE WHEN ${test.holds} THEN {'column': ${test.column}, 'field': ${test.field}, 'value': ${test.value}, 'reason': ${test.reason}, 'rule': ${test.rule}, 'rejects': ${test.rejects}} END`
	);
	const any = join(
		tests.map((test) => sql`(${test.holds})`),
		' OR '
	);
	return sql`${createScratch(scratch)} ${issues} AS SELECT "row", issue."column" AS "column", issue.field AS field, issue.value AS value, issue.reason AS reason, issue.rule AS rule, issue.rejects AS rejects FROM (SELECT "row", unnest([${join(entries)}]) AS issue FROM ${outcome} WHERE ${any}) WHERE issue IS NOT NULL`;
}

/** Rejected rows' issues (`rejects`) or warnings, in row order, then rule order within a row, at most `limit`. */
export function listIssues(issues: Sql, rejects: boolean, limit: number): Sql {
	return sql`SELECT "row", "column", field, value, reason, rule FROM ${issues} WHERE rejects = ${rejects} ORDER BY "row", rule LIMIT ${limit}`;
}

/** How many issues of rejected rows and how many warnings there are in all. */
export function countIssues(issues: Sql): Sql {
	return sql`SELECT count(*) FILTER (WHERE rejects) AS rejected, count(*) FILTER (WHERE NOT rejects) AS warnings FROM ${issues}`;
}
