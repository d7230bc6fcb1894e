import { consoleTables } from '$lib/sql/console/console-tables';
import { screenStatement, type FunctionCatalog } from '$lib/sql/console/screen-statement';
import { Sql, sql } from '$lib/sql/sql';
import { checkPlan } from './check-plan';
import type { Engine } from './engine';

/** What the SQL console shows for a query. */
export type ConsoleAnswer =
	| { status: 'rows'; rows: Record<string, unknown>[]; truncated: boolean }
	| { status: 'refused'; reason: string }
	| { status: 'error'; message: string };

const readable = new Set(consoleTables.map((table) => table.name));
const catalogs = new WeakMap<Engine, Promise<FunctionCatalog>>();

/** The engine's function names by kind, read once per engine from its own catalog. */
function functionCatalog(engine: Engine): Promise<FunctionCatalog> {
	let catalog = catalogs.get(engine);
	if (!catalog) {
		catalog = engine
			.query<{ name: string; table: boolean }>(
				sql`SELECT DISTINCT lower(function_name) AS name, function_type IN ('table', 'table_macro', 'pragma') AS "table"
FROM duckdb_functions()`
			)
			.then((rows) => ({
				tableFunctions: new Set(rows.filter((row) => row.table).map((row) => row.name)),
				scalarFunctions: new Set(rows.filter((row) => !row.table).map((row) => row.name))
			}));
		catalogs.set(engine, catalog);
	}
	return catalog;
}

/**
 * Run text typed into the SQL console if, and only if, it reads the loaded tables. DuckDB has no read-only
 * mode for an in-memory database, so three checks stand in for one, each able to refuse on its own:
 * 1. the screen (`sql/console/screen-statement.ts`) refuses, before DuckDB parses anything, what is not a
 *    query, and table functions and file names whose binding alone would read a file or change a setting;
 * 2. the text is wrapped as a subquery, `SELECT * FROM (…) LIMIT n`, and prepared: DuckDB's grammar allows
 *    only a query inside the brackets, and refuses to prepare more than one statement;
 * 3. its `EXPLAIN` plan must be made of reading operators over the console's tables only (`checkPlan`).
 * The app's engine is also locked down after loading (`lockDown`: no file or network access outside the
 * app's own files, configuration locked), so a gap in these checks still could not reach outside the data.
 * At most `maxRows` rows come back; `truncated` says there were more.
 */
export async function readOnlyQuery(engine: Engine, text: string, maxRows: number): Promise<ConsoleAnswer> {
	const screened = screenStatement(text, await functionCatalog(engine));
	if (!screened.ok) return { status: 'refused', reason: screened.reason };
	return wrappedQuery(engine, screened.body, maxRows);
}

/**
 * Checks 2 and 3 of {@link readOnlyQuery} on their own (it calls this once the screen has passed the text);
 * exported so that a test can show they refuse writes and outside reads without the screen's help.
 */
export async function wrappedQuery(engine: Engine, body: string, maxRows: number): Promise<ConsoleAnswer> {
	// The newline ends a trailing -- comment, which would otherwise swallow the closing bracket.
	const wrapped = new Sql(`SELECT * FROM (\n${body}\n) AS console_result LIMIT ${maxRows + 1}`);
	try {
		const [plan] = await engine.querySingle<{ explain_value: string }>(sql`EXPLAIN (FORMAT JSON) ${wrapped}`);
		const refused = plan ? checkPlan(plan.explain_value, readable) : 'DuckDB gave no plan for the query.';
		if (refused) return { status: 'refused', reason: refused };
		const rows = await engine.querySingle<Record<string, unknown>>(wrapped);
		return { status: 'rows', rows: rows.slice(0, maxRows), truncated: rows.length > maxRows };
	} catch (error) {
		return { status: 'error', message: error instanceof Error ? error.message : String(error) };
	}
}
