import {
	cambridgeshireAndPeterborough,
	tables,
	withAreas,
	type AreaReference,
	type Field,
	type TableContract,
	type TableName
} from '$lib/contract';
import type { AgeRule } from '$lib/ingest/age-rule';
import { CellProblem } from '$lib/ingest/cell-problem';
import type { CsvPiece } from '$lib/ingest/csv-pieces';
import { fieldParser } from '$lib/ingest/field-parser';
import { cellText, type Issue } from '$lib/ingest/issue';
import { matchHeaders, type ColumnMatch } from '$lib/ingest/match-headers';
import { ageResolver } from '$lib/ingest/resolve-age';
import { rulesFor } from '$lib/ingest/rules';
import { withoutInvisibles } from '$lib/ingest/without-invisibles';
import { ident, sql, type Sql } from '$lib/sql/sql';
import {
	cellIssueTests,
	checkRows,
	collectIssues,
	countIssues,
	changesCell,
	createVerdicts,
	distinctCells,
	dropReaderRejects,
	duplicateRows,
	insertLoaded,
	insertVerdicts,
	listIssues,
	loadedRange,
	plainText,
	readerRejects,
	rowOutcome,
	rowRuleTest,
	stagedColumns,
	stagedCounts,
	stagedText,
	stageFile,
	valueColumn,
	type FieldSource,
	type IssueRow,
	type JudgedColumn,
	type Scratch,
	type StagedSource,
	type Verdict,
	appendCsvPiece,
	lastReaderScan,
	shiftReaderRejects
} from '$lib/sql/staging';
import type { Engine } from './engine';

export type { StagedSource } from '$lib/sql/staging';

export interface StagedOptions {
	/** Today as yyyy-mm-dd, for the "in the future" warning. */
	readonly today: string;
	readonly areas?: AreaReference;
	/** How many rejected-row issues and warnings to list (the counts are always complete). */
	readonly listLimit?: number;
	/** The file's name in the issues (default: the path DuckDB reads). */
	readonly fileName?: string;
	/**
	 * The line the headings are on, when every data row is one line straight after it (no quoted newlines, no
	 * blank lines: the caller has checked), so an issue gives its line as the Data page does: the data row +
	 * this line. Without it, issues give no line.
	 */
	readonly headingLine?: number;
	/**
	 * The file is appended to the rows already in its table: a row whose key is among theirs is rejected as
	 * already loaded, as the worker rejects the known IDs it is given (checked here in DuckDB, so the loaded
	 * keys never reach JavaScript).
	 */
	readonly appending?: boolean;
}

/** A file read into a staging table, and its headings. */
export interface Staged {
	readonly stage: Sql;
	readonly headers: readonly string[];
	/**
	 * DuckDB's type of each staged column not held as text, by heading (a Parquet file's dates, yes/no and
	 * whole numbers, staged as Arrow gave them): its cells are judged as their text (`stagedText`).
	 */
	readonly types?: ReadonlyMap<string, string>;
	/** Milliseconds spent reading. */
	readonly read: number;
}

/** A staged file checked and not yet inserted: the account of every row, and the way to finish. */
export interface StagedCheck extends Omit<StagedLoad, 'phases'> {
	readonly phases: { readonly read: number; readonly check: number };
	/** Lines DuckDB's CSV reader could not split (each also a rejected row). */
	readonly unreadableLines: number;
	/** Whether some date was refused because it can only be month-first (the Data page adds a note then). */
	readonly monthFirst: boolean;
	/** Whether some cell holds a line break (a quoted newline: data rows and lines then differ). */
	readonly multiline: boolean;
	/** Insert the loaded rows into the contract table; returns the milliseconds it took. */
	insert(): Promise<number>;
	/** Drop the staging and checking tables. */
	discard(): Promise<void>;
}

/** Every row of a file accounted for: read = loaded + rejected + out of scope; blank rows are not read. */
export interface StagedLoad {
	readonly table: TableName;
	readonly file: string;
	readonly read: number;
	readonly loaded: number;
	readonly rejectedRows: number;
	/** Always 0 for a file in the contract's layout (only a CIN census return holds out-of-scope rows). */
	readonly outOfScope: number;
	readonly blankRows: number;
	readonly rejected: Issue[];
	readonly rejectedIssues: number;
	readonly warnings: Issue[];
	readonly warningCount: number;
	readonly dateRange: { readonly min: string; readonly max: string } | null;
	readonly columns: readonly ColumnMatch[];
	readonly ignored: readonly string[];
	/** Milliseconds: reading the file, checking it, inserting the loaded rows. */
	readonly phases: { readonly read: number; readonly check: number; readonly insert: number };
}

/** A file that cannot be loaded as it is (a required column missing, two columns for one field). */
export class StagedFileError extends Error {}

/** Where this engine's load writes its working tables (see `Scratch`). */
export const scratchOf = (engine: Engine): Scratch => (engine.canSpill ? 'temporary' : 'database');

const lowerFirst = (label: string) => label.replace(/^[A-Z](?=[a-z])/, (letter) => letter.toLowerCase());
const verdictBatch = 2_000;

/** A field's cell rules, gathered from the declared rules as the browser's column checker gathers them. */
interface CellPlan {
	parse: boolean;
	invisible: boolean;
	required: boolean;
	from: string | null;
}

/**
 * The verdict on one distinct cell of a field: the browser's cell branch (`check-columns.ts`) applied to
 * the text the staging table holds, with the same parser, so the value, the reason and whether it rejects
 * the row are those the Data page gives for the same cell.
 */
function cellVerdict(
	field: Field,
	plan: CellPlan,
	parse: (cell: string) => unknown,
	index: number,
	cell: string,
	column: ColumnMatch
): Verdict {
	const verdict = (value: string | null, reason: string | null, rejects: boolean): Verdict => ({
		field: index,
		cell,
		value,
		reason,
		rejects,
		needsDate: false
	});
	let parsed = parse(plan.invisible ? withoutInvisibles(cell) : cell);
	if (plan.from !== null && typeof parsed === 'string' && parsed < plan.from) {
		parsed = new CellProblem(`${field.label} ${parsed} is before ${plan.from}, the earliest plausible date`);
	}
	if (parsed instanceof CellProblem) {
		if (plan.required) return verdict(null, parsed.reason, true);
		const fallback = field.kind === 'enum' ? (field.fallback ?? null) : null;
		const kept =
			fallback !== null && field.kind === 'enum' ? `kept as ${field.values.label(fallback)}` : 'left blank';
		return verdict(fallback, `${parsed.reason}; ${kept}`, false);
	}
	if (parsed === null || parsed === undefined) {
		if (!plan.required) return verdict(null, null, false);
		const shown = cellText(cell);
		const reason =
			column.missingReason ??
			`${field.label} is required but the cell is ${shown.trim() === '' ? 'empty' : `"${shown}" (no value)`}`;
		return verdict(null, reason, true);
	}
	return verdict(String(parsed), null, false);
}

/**
 * The verdict on one distinct cell of the age column under the age rule (`resolve-age.ts`, without a date
 * of birth: a file in the contract's layout has none). "Required but empty" is said only of a row whose main
 * date was read, as in the browser, hence `needsDate`.
 */
function ageVerdict(rule: AgeRule, column: ColumnMatch, index: number, cell: string): Verdict {
	const parserFor = (field: Field) => fieldParser(field);
	const resolve = ageResolver(rule, { age: { ...column, index: 0 }, birth: null }, parserFor);
	const dated = resolve([cell], '2000-01-01');
	const undated = resolve([cell], null);
	const needsDate = dated.problem !== null && undated.problem === null;
	if (dated.problem) {
		return rule.age.required
			? { field: index, cell, value: null, reason: dated.problem.reason, rejects: true, needsDate }
			: {
					field: index,
					cell,
					value: null,
					reason: `${dated.problem.reason}; left blank`,
					rejects: false,
					needsDate
				};
	}
	return {
		field: index,
		cell,
		value: dated.value === null ? null : String(dated.value),
		reason: dated.warning?.reason ?? null,
		rejects: false,
		needsDate
	};
}

/**
 * Load one file in the contract's own layout (the generator's, the demo's, the Explore page's download: the
 * headings are matched as the Data page matches them) into a contract table with DuckDB itself, for files
 * too large to pass through JavaScript row by row. The file is staged as text; each column's distinct cells
 * are judged once by the ingest pipeline's own parsers (`rulesFor` and `fieldParser`: the same rules,
 * values and messages as the browser); the verdicts are joined back in SQL, the key's uniqueness and the
 * row rules are SQL over the typed values, and the rows no rule rejects are inserted. Every row is
 * accounted for: read = loaded + rejected (+ out of scope, none here), and the rejected rows are listed
 * with their data row, column, value and reason (up to `listLimit`). The facts and cubes are not rebuilt
 * here: call `refreshFacts` once after the last file.
 */
export async function loadStaged(
	engine: Engine,
	name: TableName,
	source: StagedSource,
	options: StagedOptions
): Promise<StagedLoad> {
	const staged = await readStaged(engine, source, ident(`stage_${name}`));
	const check = await checkStaged(engine, name, source, staged, options);
	try {
		const insert = await check.insert();
		const {
			insert: _insert,
			discard: _discard,
			unreadableLines: _lines,
			monthFirst: _m,
			multiline: _n,
			...load
		} = check;
		return { ...load, phases: { ...check.phases, insert } };
	} finally {
		await check.discard();
	}
}

/** Read a file into a staging table as text (`stageFile`); the heading row's cells name its columns. */
export async function readStaged(
	engine: Engine,
	source: StagedSource,
	stage: Sql,
	padShortRows = true,
	skipLines = 0
): Promise<Staged> {
	const clock = performance.now();
	for (const statement of dropReaderRejects()) await engine.exec(statement);
	await engine.exec(stageFile(stage, source, padShortRows, skipLines, scratchOf(engine)));
	const headers = (await engine.query<{ name: string }>(stagedColumns(stage))).map((row) => row.name);
	return { stage, headers, read: performance.now() - clock };
}

/**
 * Read a CSV into a staging table piece by piece (`csvPieces`: cut at line ends outside quoted cells, each
 * later piece after a copy of the heading line), as `readStaged` reads it whole: each piece is registered as
 * `path`, read by DuckDB's reader into the staging table (the first creates it, skipping `skipLines` lines
 * above the heading; the others append) and dropped, so the reader never holds more than one piece's rows
 * uncompressed (issue 14). The rows are the file's rows in order, and the lines the reader sets aside carry
 * the file's line numbers, so the check that follows cannot tell the two reads apart.
 */
export async function readStagedPieces(
	engine: Engine,
	pieces: AsyncIterable<CsvPiece>,
	path: string,
	stage: Sql,
	padShortRows = true,
	skipLines = 0
): Promise<Staged> {
	const clock = performance.now();
	for (const statement of dropReaderRejects()) await engine.exec(statement);
	for await (const piece of pieces) {
		// The reader's latest scan so far: the lines set aside after it are this piece's.
		const scan = piece.first
			? 0
			: Number((await engine.query<{ scan: number | bigint }>(lastReaderScan()))[0]?.scan ?? 0);
		await engine.registerFile(path, piece.blob);
		try {
			await engine.exec(
				piece.first
					? stageFile(stage, { path, format: 'csv' }, padShortRows, skipLines, scratchOf(engine))
					: appendCsvPiece(stage, path, padShortRows)
			);
		} finally {
			await engine.dropFile(path);
		}
		if (!piece.first && piece.lineOffset !== 0) await engine.exec(shiftReaderRejects(scan, piece.lineOffset));
	}
	const headers = (await engine.query<{ name: string }>(stagedColumns(stage))).map((row) => row.name);
	return { stage, headers, read: performance.now() - clock };
}

/**
 * Check a staged file against table `name`'s contract, as `loadStaged` describes, and hand back the account
 * of every row with `insert` and `discard`: the Data page shows the account first and inserts only when a
 * row loads, inside its own transaction.
 */
export async function checkStaged(
	engine: Engine,
	name: TableName,
	source: StagedSource,
	{ stage, headers, types, read: readMs }: Staged,
	options: StagedOptions
): Promise<StagedCheck> {
	const table = withAreas(tables[name] as TableContract, options.areas ?? cambridgeshireAndPeterborough);
	const fields: readonly Field[] = table.fields;
	const limit = options.listLimit ?? 1_000;
	const fileName = options.fileName ?? source.path;
	const clock = performance.now();
	const scratch = scratchOf(engine);

	const match = matchHeaders(headers, name);
	if (match.missingRequired.length > 0)
		throw new StagedFileError(`${source.path}: no column for ${match.missingRequired.join(', ')}`);
	if (match.ambiguous.length > 0)
		throw new StagedFileError(
			`${source.path}: ${match.ambiguous.map((one) => `${one.headers.join(' and ')} could each be ${one.field}`).join('; ')}`
		);
	const birth = match.columns.find((column) => table.inputOnly.some((field) => field.name === column.field));
	if (birth)
		throw new StagedFileError(
			`${source.path}: "${birth.header}" is a date of birth; the native load reads ages, not dates of birth (load it on the Data page)`
		);
	const columnOf = new Map(match.columns.map((column) => [column.field, column]));

	// The declared rules, each handled here or by the parser it names; a new kind of rule fails to compile.
	const rules = rulesFor(table);
	const plans = new Map<Field, CellPlan>(
		fields.map((field) => [field, { parse: false, invisible: false, required: false, from: null }])
	);
	const order = new Map<Field, number>();
	let age: AgeRule | null = null;
	let key: Field | null = null;
	const rowRules: { holds: Sql; field: Field; value: Sql; reason: Sql; rule: number }[] = [];
	const indexOf = (field: Field) => fields.indexOf(field);
	const value = (field: Field) => valueColumn(indexOf(field));
	const textOf = (field: Field) => sql`CAST(${value(field)} AS VARCHAR)`;
	for (const [position, rule] of rules.entries()) {
		switch (rule.check) {
			case 'invisible':
				plans.get(rule.field)!.invisible = true;
				break;
			case 'parse':
				plans.get(rule.field)!.parse = true;
				order.set(rule.field, position);
				break;
			case 'range':
			case 'allowed':
				// Applied by the field's parser (integer range; the vocabulary's codes, labels and aliases).
				break;
			case 'required':
				plans.get(rule.field)!.required = true;
				break;
			case 'window':
				plans.get(rule.field)!.from = rule.from;
				break;
			case 'age':
				age = rule.rule;
				order.set(rule.rule.age, position);
				break;
			case 'warnAbove':
				rowRules.push({
					holds: sql`${value(rule.field)} > ${rule.above}`,
					field: rule.field,
					value: textOf(rule.field),
					reason: sql`${`${rule.field.label} is `} || ${textOf(rule.field)} || ${`, over ${rule.above}: check it`}`,
					rule: position
				});
				break;
			case 'future':
				rowRules.push({
					holds: sql`${value(rule.field)} > CAST(${options.today} AS DATE)`,
					field: rule.field,
					value: textOf(rule.field),
					reason: sql`${`${rule.field.label} `} || ${textOf(rule.field)} || ${` is in the future (today is ${options.today})`}`,
					rule: position
				});
				break;
			case 'order':
				rowRules.push({
					holds: sql`${value(rule.later)} < ${value(rule.earlier)}`,
					field: rule.later,
					value: textOf(rule.later),
					reason: sql`${`${rule.message} (`} || ${textOf(rule.later)} || ' is before ' || ${textOf(rule.earlier)} || ')'`,
					rule: position
				});
				break;
			case 'unique':
				key = rule.field;
				break;
			default: {
				const unhandled: never = rule;
				throw new Error(`Unhandled rule ${JSON.stringify(unhandled)}`);
			}
		}
	}
	if (key === null) throw new Error(`${name}: no key rule`);
	const keyField: Field = key;
	const ageRule: AgeRule | null = age;
	const mainDate = fields.findIndex((field) => field.kind === 'date' && field.required);

	// Each column's distinct cells, judged once by the browser's parsers. Only verdicts that say more than
	// the cell itself are kept (a clean column then needs no join at all).
	const verdictsOf = (index: number) => ident(`verdicts_${name}_${index}`);
	const judgedColumns: (JudgedColumn & { isAge: boolean; match: ColumnMatch })[] = [];
	const stagedOf = new Map<number, string>();
	for (const [index, field] of fields.entries()) {
		const column = columnOf.get(field.name);
		const isAge = ageRule !== null && ageRule.age === field;
		if (!column || column.derive || (!plans.get(field)!.parse && !isAge)) continue;
		const header = headers[column.index]!;
		const text = stagedText(ident(header), types?.get(header));
		const plain = field.kind === 'text' ? plainText(text, field) : undefined;
		judgedColumns.push({ field: index, column: text, plain, isAge, match: column });
		stagedOf.set(index, header);
	}
	const cells = await engine.query<{ field: number; cell: string }>(distinctCells(stage, judgedColumns));
	const judge = new Map(
		judgedColumns.map((judged) => {
			const field = fields[judged.field]!;
			const parse = fieldParser(field);
			return [
				judged.field,
				(cell: string): Verdict =>
					judged.isAge
						? ageVerdict(ageRule!, judged.match, judged.field, cell)
						: cellVerdict(field, plans.get(field)!, parse, judged.field, cell, judged.match)
			];
		})
	);
	const byField = new Map<number, Verdict[]>();
	for (const { field, cell } of cells) {
		const verdict = judge.get(field)!(cell);
		if (!changesCell(verdict)) continue;
		const list = byField.get(field) ?? [];
		list.push(verdict);
		byField.set(field, list);
	}
	for (const [field, judged] of byField) {
		await engine.exec(createVerdicts(verdictsOf(field), scratch));
		for (let at = 0; at < judged.length; at += verdictBatch)
			await engine.exec(insertVerdicts(verdictsOf(field), judged.slice(at, at + verdictBatch)));
	}
	const sources: FieldSource[] = fields.map((field, index) => {
		const header = stagedOf.get(index);
		if (header === undefined) return { field, column: undefined };
		const column = ident(header);
		const type = types?.get(header);
		return {
			field,
			column,
			...(byField.has(index) ? { verdicts: verdictsOf(index) } : {}),
			...(type !== undefined ? { type } : {})
		};
	});

	const checked = ident(`checked_${name}`);
	const duplicates = ident(`duplicates_${name}`);
	const outcome = ident(`outcome_${name}`);
	const keyIndex = indexOf(keyField);
	const issuesTable = ident(`issues_${name}`);
	// The quoted-newline test (only where lines are reported) rides on the checked pass.
	const lineBreaks =
		options.headingLine !== undefined
			? [...stagedOf.values()].filter((header) => !types?.has(header)).map((header) => ident(header))
			: [];
	await engine.exec(checkRows(stage, checked, sources, mainDate, lineBreaks, scratch));
	const loadedKeys = options.appending ? sql`SELECT ${ident(keyField.name)} FROM ${ident(name)}` : undefined;
	await engine.exec(duplicateRows(checked, valueColumn(keyIndex), duplicates, scratch, loadedKeys));
	await engine.exec(rowOutcome(checked, duplicates, outcome));

	// Lines DuckDB's reader could not split into the heading's cells: rejected as whole rows, by line.
	const unreadable =
		source.format === 'csv' ? await readerRejected(engine, fileName, options.headingLine ?? 1) : [];

	const [counts] = await engine.query<{ read: number; rejected: number; blank: number; multiline: boolean }>(
		stagedCounts(stage, outcome)
	);
	const headerFor = fields.map((field) => columnOf.get(field.name)?.header ?? field.label);
	const rank = (index: number) => order.get(fields[index]!) ?? index;
	const headingLine = options.headingLine;
	const lineOf =
		headingLine !== undefined ? sql` || ', line ' || CAST(duplicate_of + ${headingLine} AS VARCHAR)` : sql``;
	const duplicateOf = `duplicate ${lowerFirst(keyField.label)}`;
	const duplicateReason = sql`CASE WHEN already_loaded THEN ${`${duplicateOf} (already loaded)`} ELSE ${`${duplicateOf} (first seen on data row `} || CAST(duplicate_of AS VARCHAR)${lineOf} || ')' END`;
	await engine.exec(
		collectIssues(
			outcome,
			issuesTable,
			[
				...cellIssueTests(sources, headerFor, keyIndex, duplicateReason, rank, rules.length),
				...rowRules.map((rule) =>
					rowRuleTest(
						rule.holds,
						headerFor[indexOf(rule.field)]!,
						rule.field.name,
						rule.value,
						rule.reason,
						rule.rule
					)
				)
			],
			scratch
		)
	);
	const issues = async (rejects: boolean) =>
		(await engine.query<IssueRow>(listIssues(issuesTable, rejects, limit))).map((row): Issue => ({
			file: fileName,
			row: row.row,
			line: headingLine !== undefined ? row.row + headingLine : null,
			column: row.column,
			field: row.field,
			value: cellText(row.value ?? ''),
			reason: row.reason
		}));
	const rejected = [...unreadable, ...(await issues(true))].slice(0, limit);
	const warnings = await issues(false);
	const [issueCounts] = await engine.query<{ rejected: number; warnings: number }>(countIssues(issuesTable));
	const rejectedIssues = unreadable.length + issueCounts!.rejected;
	const warningCount = issueCounts!.warnings;
	const range = (
		await engine.query<{ min: string | null; max: string | null }>(loadedRange(outcome, mainDate))
	)[0];
	const multiline = counts!.multiline;
	const checkMs = performance.now() - clock;

	const read = counts!.read + unreadable.length;
	const rejectedRows = counts!.rejected + unreadable.length;
	const loaded = read - rejectedRows;
	return {
		table: name,
		file: source.path,
		read,
		loaded,
		rejectedRows,
		outOfScope: 0,
		blankRows: counts!.blank,
		rejected,
		rejectedIssues,
		warnings,
		warningCount,
		dateRange: range?.min && range.max ? { min: range.min, max: range.max } : null,
		columns: match.columns,
		ignored: match.ignored,
		phases: { read: readMs, check: checkMs },
		unreadableLines: unreadable.length,
		monthFirst: [...byField.values()].some((verdicts) =>
			verdicts.some((verdict) => verdict.reason?.includes('month-first') === true)
		),
		multiline,
		async insert() {
			const started = performance.now();
			const [{ n: before } = { n: 0 }] = await engine.query<{ n: number }>(
				sql`SELECT count(*) AS n FROM ${ident(name)}`
			);
			await engine.exec(insertLoaded(ident(name), outcome, fields));
			const [{ n: after } = { n: -1 }] = await engine.query<{ n: number }>(
				sql`SELECT count(*) AS n FROM ${ident(name)}`
			);
			if (after - before !== loaded)
				throw new Error(
					`Internal error: ${loaded} rows passed but ${after - before} were inserted into ${name}`
				);
			return performance.now() - started;
		},
		async discard() {
			await engine.exec(sql`DROP VIEW IF EXISTS ${outcome}`);
			const temporaries = [
				stage,
				checked,
				duplicates,
				issuesTable,
				...[...byField.keys()].map(verdictsOf),
				readerRejects
			];
			for (const temporary of [...temporaries, ident('reject_scans')])
				await engine.exec(sql`DROP TABLE IF EXISTS ${temporary}`);
		}
	};
}

/** The lines DuckDB's CSV reader set aside, as whole-row issues (row numbers: lines after the heading's). */
async function readerRejected(engine: Engine, file: string, headingLine: number): Promise<Issue[]> {
	const rows = await engine.query<{ line: number; message: string; text: string | null }>(
		sql`SELECT line, error_message AS message, csv_line AS text FROM ${readerRejects} ORDER BY line`
	);
	const seen = new Set<number>();
	return rows.flatMap((row) => {
		if (seen.has(row.line)) return [];
		seen.add(row.line);
		return [
			{
				file,
				row: row.line - headingLine,
				line: row.line,
				column: '(whole row)',
				field: null,
				value: '',
				reason: `DuckDB's CSV reader could not read this line: ${row.message}`
			}
		];
	});
}
