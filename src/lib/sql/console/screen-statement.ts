import { SqlTokenError, tokenizeSql, type SqlToken } from './tokenize-sql';

/** What the console may run: the query's text, ready to be wrapped, or why it was refused. */
export type Screened = { ok: true; body: string } | { ok: false; reason: string };

/** What the screen needs to know of the engine's catalog (read once from `duckdb_functions()`). */
export interface FunctionCatalog {
	/** Table functions, table macros and pragmas: run in FROM, and may read files or change settings. */
	tableFunctions: ReadonlySet<string>;
	/** Scalar and aggregate functions and macros (some share a name with a table function, e.g. repeat). */
	scalarFunctions: ReadonlySet<string>;
}

/** Table functions that only generate values. */
export const allowedTableFunctions: ReadonlySet<string> = new Set(['range', 'generate_series', 'unnest']);

/** Words a query may start with. Everything else is refused by name, before DuckDB parses it. */
const queryStarts = new Set([
	'select',
	'with',
	'from',
	'values',
	'table',
	'pivot',
	'unpivot',
	'describe',
	'summarize'
]);

const statementWords: Record<string, string> = Object.fromEntries(
	(
		[
			[['insert', 'update', 'delete', 'merge', 'truncate', 'upsert'], 'changes rows'],
			[['create', 'drop', 'alter', 'comment', 'rename'], 'changes the tables'],
			[['copy', 'export', 'import'], 'reads or writes files'],
			[['attach', 'detach', 'use'], 'opens another database'],
			[['install', 'load', 'force', 'update_extensions'], 'loads extensions'],
			[['set', 'reset', 'pragma', 'call', 'checkpoint', 'vacuum', 'analyze'], 'changes settings'],
			[['begin', 'commit', 'rollback', 'abort', 'start', 'end', 'transaction'], 'controls transactions'],
			[['prepare', 'execute', 'deallocate'], 'runs other statements'],
			[['explain'], 'is not needed: the console checks every query itself']
		] as const
	).flatMap(([words, why]) => words.map((word) => [word, why]))
);

/**
 * Statement words that have no place anywhere in a query, even inside brackets (`WITH d AS (DELETE …)`,
 * `WITH x AS (…) INSERT …`). A column with one of these names is written in double quotes.
 */
const writingWords = new Set([
	'insert',
	'update',
	'delete',
	'merge',
	'truncate',
	'upsert',
	'create',
	'drop',
	'alter',
	'copy',
	'export',
	'import',
	'attach',
	'detach',
	'install',
	'load',
	'pragma',
	'call',
	'checkpoint',
	'vacuum'
]);

/** Clause words that say whether a comma separates tables (FROM) or something else. */
const clauseWords = new Set([
	'select',
	'from',
	'where',
	'group',
	'having',
	'qualify',
	'window',
	'order',
	'limit',
	'offset',
	'union',
	'except',
	'intersect',
	'on',
	'using',
	'pivot',
	'unpivot'
]);

const only = 'The console runs queries that read the loaded tables, one at a time';

/**
 * The console's first line of defence, before DuckDB sees the text: one statement that starts like a query,
 * brackets that balance (so the text cannot close the subquery it is wrapped in), no statement that writes
 * hidden in a bracket (`WITH d AS (DELETE …)`), no table function that reads files, lists them or changes
 * settings (`read_csv`, `glob`, `query`, `enable_logging`: their bind step runs before any plan exists), and
 * no file name where a table belongs (`FROM 'x.csv'`, which DuckDB would read). Names come from the engine's
 * own catalog, not a hand-kept list. This screen gives clear messages; it is not the only guard
 * (`engine/read-only-query.ts` prepares the query as one statement and checks its plan).
 */
export function screenStatement(text: string, catalog: FunctionCatalog): Screened {
	let tokens: SqlToken[];
	try {
		tokens = tokenizeSql(text);
	} catch (error) {
		if (error instanceof SqlTokenError) return { ok: false, reason: error.message };
		throw error;
	}
	let end = tokens.length;
	while (end > 0 && tokens[end - 1]!.value === ';' && tokens[end - 1]!.kind === 'symbol') end--;
	const body = tokens.slice(0, end);
	if (body.length === 0) return { ok: false, reason: 'Write a query first, e.g. SELECT * FROM referrals.' };

	const first = body[0]!;
	if (
		!(first.kind === 'symbol' && first.value === '(') &&
		!(first.kind === 'word' && queryStarts.has(first.value))
	)
		return { ok: false, reason: refusal(first) };

	let depth = 0;
	const clause: (string | undefined)[] = [undefined];
	// Brackets of a scalar call, where FROM is an argument (`trim('x' FROM s)`, `extract(year FROM d)`).
	const scalarCall: boolean[] = [false];
	for (const [index, token] of body.entries()) {
		const previous = body[index - 1];
		const next = body[index + 1];
		if (token.kind === 'symbol') {
			if (token.value === ';')
				return {
					ok: false,
					reason: `${only}: remove the semicolon in the middle or run each statement alone.`
				};
			if (token.value === '(') {
				clause[++depth] = undefined;
				scalarCall[depth] = previous?.kind === 'word' && catalog.scalarFunctions.has(previous.value);
			}
			if (token.value === ')' && --depth < 0)
				return { ok: false, reason: 'A closing bracket has no opening bracket.' };
			continue;
		}
		if (token.kind === 'word' && writingWords.has(token.value))
			return {
				ok: false,
				reason: `${refusal(token)} (A column named ${token.value} is written in double quotes: "${token.value}".)`
			};
		if (token.kind === 'word' && clauseWords.has(token.value)) clause[depth] = token.value;

		const tablePosition =
			!scalarCall[depth] &&
			((previous?.kind === 'word' && ['from', 'join', 'lateral'].includes(previous.value)) ||
				(previous?.kind === 'symbol' && previous.value === ',' && clause[depth] === 'from'));
		const isCall = next?.kind === 'symbol' && next.value === '(';
		const name = token.value.toLowerCase();
		// Where a table belongs, only a value generator may be called; elsewhere, any name that is only a
		// table function in the catalog (one that is also scalar, such as repeat, is the scalar there).
		if (
			isCall &&
			(token.kind === 'word' || token.kind === 'quoted') &&
			!allowedTableFunctions.has(name) &&
			(tablePosition || (catalog.tableFunctions.has(name) && !catalog.scalarFunctions.has(name)))
		)
			return {
				ok: false,
				reason: `${name}() reads files or the database's internals, or changes settings. ${only}.`
			};
		if (tablePosition && token.kind === 'string')
			return { ok: false, reason: `'${token.value}' names a file or URL. ${only}.` };
		if (tablePosition && token.kind === 'quoted' && /[./:*\\]/.test(token.value))
			return { ok: false, reason: `"${token.value}" looks like a file name. ${only}.` };
	}
	if (depth !== 0) return { ok: false, reason: 'An opening bracket is never closed.' };
	// The text as written up to its trailing semicolons (comments kept: the wrapper ends them with a newline).
	return { ok: true, body: text.slice(0, tokens[end]?.start ?? text.length) };
}

function refusal(token: SqlToken): string {
	const word = token.value.toUpperCase();
	const why = token.kind === 'word' ? statementWords[token.value] : undefined;
	return why
		? `${word} ${why}. ${only}: SELECT, WITH, FROM, VALUES, PIVOT, DESCRIBE or SUMMARIZE.`
		: `A query starts with SELECT, WITH, FROM, VALUES, PIVOT, DESCRIBE or SUMMARIZE, not ${word}. ${only}.`;
}
