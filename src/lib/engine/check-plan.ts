/** One node of DuckDB's `EXPLAIN (FORMAT JSON)` physical plan. */
interface PlanNode {
	name: string;
	children?: PlanNode[];
	extra_info?: Record<string, unknown>;
}

/**
 * Physical operators that only read, compute and pass rows on (DuckDB's PhysicalOperatorType names as
 * `EXPLAIN` prints them). Anything else, an insert, a COPY to a file, a table function, an operator a later
 * DuckDB adds, is refused: the list says what is allowed, not what is feared.
 */
const readingOperators = new Set([
	'PROJECTION',
	'FILTER',
	'HASH_GROUP_BY',
	'PERFECT_HASH_GROUP_BY',
	'PARTITIONED_AGGREGATE',
	'UNGROUPED_AGGREGATE',
	'SIMPLE_AGGREGATE',
	'WINDOW',
	'STREAMING_WINDOW',
	'ORDER_BY',
	'TOP_N',
	'LIMIT',
	'STREAMING_LIMIT',
	'LIMIT_PERCENT',
	'RESERVOIR_SAMPLE',
	'STREAMING_SAMPLE',
	'HASH_JOIN',
	'NESTED_LOOP_JOIN',
	'BLOCKWISE_NL_JOIN',
	'PIECEWISE_MERGE_JOIN',
	'IE_JOIN',
	'ASOF_JOIN',
	'CROSS_PRODUCT',
	'POSITIONAL_JOIN',
	'POSITIONAL_SCAN',
	'LEFT_DELIM_JOIN',
	'RIGHT_DELIM_JOIN',
	'DELIM_SCAN',
	'UNION',
	'CTE',
	'CTE_SCAN',
	'REC_CTE',
	'REC_CTE_SCAN',
	'RECURSIVE_CTE',
	'RECURSIVE_CTE_SCAN',
	'COLUMN_DATA_SCAN',
	'CHUNK_SCAN',
	'EXPRESSION_SCAN',
	'DUMMY_SCAN',
	'EMPTY_RESULT',
	'UNNEST',
	'PIVOT'
]);

/** Operators that read a table, named in their `Table` detail. */
const tableScans = new Set(['SEQ_SCAN', 'TABLE_SCAN', 'INDEX_SCAN']);

/** Table functions that only generate values (the screen's allow-list, as EXPLAIN names them). */
const generatingFunctions = new Set(['RANGE', 'GENERATE_SERIES', 'UNNEST']);

/**
 * Why a plan is not read-only over `allowedTables`, or undefined when it is: every operator reads, computes
 * or passes rows on; every table scanned is one of `allowedTables`; no table function runs except those that
 * only generate values. The plan is the one DuckDB would run, after views, macros, `query()` and replacement
 * scans are resolved, so nothing the text hides survives to here.
 */
export function checkPlan(planJson: string, allowedTables: ReadonlySet<string>): string | undefined {
	const queue = JSON.parse(planJson) as PlanNode[];
	for (let node = queue.shift(); node; node = queue.shift()) {
		const operator = node.name.trim().toUpperCase();
		const detail = node.extra_info ?? {};
		const fn = detail['Function'];
		if (typeof fn === 'string') {
			if (!generatingFunctions.has(fn.trim().toUpperCase()))
				return `The query would run ${fn.trim().toLowerCase()}(), which reads outside the loaded tables.`;
		} else if (tableScans.has(operator)) {
			const table = String(detail['Table'] ?? '');
			if (!allowedTables.has(table))
				return `The query would read ${table || 'a table'}, which the console does not open.`;
		} else if (!readingOperators.has(operator)) {
			return `The query's plan has a ${operator} step; the console runs only steps that read.`;
		}
		queue.push(...(node.children ?? []));
	}
	return undefined;
}
