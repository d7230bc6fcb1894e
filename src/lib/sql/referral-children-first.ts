import type { Filters } from '$lib/domain/filters';
import { childCubeAnswers, type ChildCube } from './child-cubes';
import { referralCohortCellColumns, referralCohortCellDimensions } from './cubes';
import { referralFacts } from './derived';
import { filterPredicate, referralColumns, type FilterColumns } from './filters';
import type { Keyed } from './keyed-count';
import { KEY_RANGE } from '$lib/publication/ptable';
import { childCellHash } from './record-keys';
import { ident, join, sql, type Sql } from './sql';

/**
 * Distinct children referred over any period of whole months without reading the referral facts (issue 14:
 * the Pathway page's headline counted them from the 1M-row facts on every district click). A child is
 * counted when one of their referrals passes the filters. Each child's referrals fall in a few cells of the
 * cohort cube's dimensions (month, district, single year of age, gender, looked-after, intervention, stage: the
 * last three so the cohort filters spare the facts too); a filter on those keeps a
 * cell's referrals or none, so one row per cell and child decides. One of those cells is the child's
 * *first* (the earliest), so the table holds, as the index referral cube does for the index referral
 * (index-referral-cube.ts),
 * - every child's first cell, counted per cell (`first`, `children`, `child_key_sum`: the sum of their
 *   hashes modulo the key range, so a cell key is a distinct count's): a child whose first cell passes is
 *   counted there, with no distinct count; and
 * - one row per other cell of each child (`first` false, with `child_key`, `child_cell_hash`, and the cell
 *   of the child's first beside its own: `first_month`, `first_district`, …), counted distinct by a query
 *   only where the first cell fails, which the row's `first_*` columns tell without a join.
 * A district click then counts distinct only the children referred in several districts (none in the 1M
 * bench extract); a period counts those referred before it. At 1M referrals it holds 231,760 rows (11,533
 * first cells, 220,227 other cells of children referred more than once). It answers the filters on its
 * dimensions with a period of whole months; other filters read the facts. Rebuilt on append (a child's
 * first cell depends on all their rows): 11.5 s at 1M in Node (load average about 20).
 */
export const referralChildrenFirst: ChildCube = {
	table: ident('referral_children_first'),
	facts: referralFacts,
	factsColumns: referralColumns,
	columns: referralCohortCellColumns,
	dimensions: referralCohortCellDimensions,
	grain: 'month'
};

/**
 * The order this table and the index referral cube are written in: the first cells together, then the later
 * cells' rows by district, then month (issue 14). DuckDB skips a row group whose zone map rules out the
 * filter, so a district click reads only its districts' rows of each part, and a period still skips months
 * within each district. Written by month alone, every row group held every district, and a district click
 * read all of both tables: at 3M referrals (DuckDB-WASM in Node, 6 district clicks, Pathway's headline and
 * re-referral queries) 1,892 ms against 710 ms in this order.
 */
export const firstCellsOrder: Sql = sql`first DESC, district, month`;

/** Filter columns naming a later row's `first_*` columns: the cell of its child's first row or candidate. */
export function firstColumns(columns: FilterColumns): FilterColumns {
	return Object.fromEntries(
		Object.entries(columns).map(([key, column]) => [key, `first_${String(column)}`])
	) as unknown as FilterColumns;
}

/** Build the table from the referral facts; run after the facts are built. */
export function buildReferralChildrenFirst(): Sql {
	const table = referralChildrenFirst;
	const cellNames = ['month', ...table.dimensions];
	const cell = join(cellNames.map((name) => ident(name)));
	const as = (prefix: string, name: string) => sql`${ident(prefix)}.${ident(name)}`;
	// A child's only referral is their first cell by itself (62% of the rows at 1M): only the others are grouped.
	return sql`CREATE OR REPLACE TABLE ${table.table} AS
WITH grouped AS (
	SELECT ${cell}, child_key, any_value(${childCellHash}) AS ${childCellHash},
		min(referral_date) AS since, min(referral_id) AS first_id
	FROM ${table.facts}
	WHERE NOT solo_all
	GROUP BY ALL
),
cells AS (
	SELECT * EXCLUDE (since, first_id),
		row_number() OVER (PARTITION BY child_key ORDER BY since, first_id) AS rank
	FROM grouped
),
firsts AS (
	SELECT ${cell}, ${childCellHash} FROM ${table.facts} WHERE solo_all
	UNION ALL
	SELECT ${cell}, ${childCellHash} FROM cells WHERE rank = 1
)
SELECT ${cell}, TRUE AS first, CAST(NULL AS INTEGER) AS child_key,
	CAST(count(*) AS INTEGER) AS children, CAST(sum(${childCellHash}) % ${KEY_RANGE} AS INTEGER) AS child_key_sum,
	CAST(NULL AS UBIGINT) AS ${childCellHash},
	${join(cellNames.map((name) => sql`NULL AS ${ident(`first_${name}`)}`))}
FROM firsts
GROUP BY ALL
UNION ALL
SELECT ${join(cellNames.map((name) => as('l', name)))}, FALSE, l.child_key, 1, NULL, l.${childCellHash},
	${join(cellNames.map((name) => sql`${as('f', name)} AS ${ident(`first_${name}`)}`))}
FROM cells l
JOIN cells f ON f.child_key = l.child_key AND f.rank = 1
WHERE l.rank > 1
ORDER BY ${firstCellsOrder}`;
}

/** Whether the table holds the answer for these filters. */
export function referralChildrenFirstAnswers(filters: Filters): boolean {
	return childCubeAnswers(referralChildrenFirst, filters);
}

/**
 * Distinct children under the filters (which the table must answer): the first cells that pass, and the
 * children with another cell that passes where their first fails.
 */
export function referralChildrenFirstCount(filters: Filters): { where: Sql; children: Keyed } {
	const where = filterPredicate(filters, referralChildrenFirst.columns);
	// IS NOT TRUE: a first cell whose predicate is NULL (an unrecorded value) fails, as in WHERE.
	const later = sql`NOT first AND (${filterPredicate(filters, firstColumns(referralChildrenFirst.columns))}) IS NOT TRUE`;
	const bigint = (aggregate: Sql) => sql`CAST(COALESCE(${aggregate}, 0) AS BIGINT)`;
	return {
		where,
		children: {
			count: sql`(${bigint(sql`sum(children) FILTER (WHERE first)`)} + ${bigint(sql`count(DISTINCT child_key) FILTER (WHERE ${later})`)})`,
			keySum: sql`(COALESCE(sum(child_key_sum) FILTER (WHERE first), 0) + COALESCE(sum(DISTINCT ${childCellHash}) FILTER (WHERE ${later}), 0))`
		}
	};
}
