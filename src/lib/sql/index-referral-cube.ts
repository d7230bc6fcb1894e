import type { FilterKey, Filters } from '$lib/domain/filters';
import { childCubeAnswers, type ChildCube } from './child-cubes';
import { referralCohortCellColumns, referralCohortCellDimensions } from './cubes';
import { referralFacts } from './derived';
import { referralColumns, type FilterColumns } from './filters';
import { KEY_RANGE } from '$lib/publication/ptable';
import { childCellHash } from './record-keys';
import { firstCellsOrder, firstColumns } from './referral-children-first';
import { ident, join, sql, type Sql } from './sql';

/**
 * Each child's index referral for re-referral after an intervention (metrics/pathway) without reading the
 * facts (issue 14). The index referral is the child's least candidate (a referral with an intervention
 * recorded) under the filters, by `index_order` (derived.ts): their first candidate (`index_order` 1) when
 * it passes, otherwise the least of their later candidates that pass. So the table holds
 * - every child's first candidate, counted per cell of its dimensions and outcome (`first`, `children`, and
 *   `child_key_sum`, the sum of their hashes modulo the key range, so the cell key is the facts path's): a
 *   filter on the dimensions keeps a cell's children or none, with no grouping by child; and
 * - one row per later candidate (`first` false, with its `child_key`, `index_order` and `child_cell_hash`)
 *   and the cell of the child's first candidate beside its own (`first_month`, `first_district`, …). A
 *   later candidate can be the index only when the first fails the filters, which a query reads off these
 *   columns, so only the children whose first candidate fails are grouped by child to pick their least row
 *   that passes.
 * A later candidate in the cell of an earlier one passes only when that one does, so it is never the index
 * and is left out. The table held before every candidate of each child whose candidates lie in several
 * cells (382,056 rows at 1M referrals), all grouped by child on every click; at 1M it now holds 282,587
 * rows (54,768 first cells, 227,819 later candidates), and a district click groups no child at all (no
 * child of the bench extract has candidates in two districts): re-referral took a median 123 ms against 329
 * ms (5 runs, load average about 20). It answers the filters on its dimensions with a period of whole
 * months; other filters read the facts. Its cells keep the single year of age and the stage besides the
 * intervention, so the cohort filters are answered here too. Its later rows hold children, not counts, so an append rebuilds it
 * (6.7 s at 1M in Node, against 14.4 s for the table it replaced in the same run, load average about 20).
 */
export const indexReferralCube: ChildCube = {
	table: ident('index_referral_cube'),
	facts: referralFacts,
	factsColumns: referralColumns,
	columns: referralCohortCellColumns,
	dimensions: referralCohortCellDimensions,
	grain: 'month'
};

/** The columns of a later candidate's row that hold its child's first candidate's cell, as filter columns. */
export const firstCandidateColumns: FilterColumns = firstColumns(indexReferralCube.columns);

/** Build the index referral cube from the referral facts; run after the facts are built. */
export function buildIndexReferralCube(): Sql {
	const cube = indexReferralCube;
	const cellNames = ['month', ...cube.dimensions];
	const cell = join(cellNames.map((name) => ident(name)));
	const of = (table: string, name: string) => sql`${ident(table)}.${ident(name)}`;
	return sql`CREATE OR REPLACE TABLE ${cube.table} AS
WITH firsts AS (
	SELECT ${cell}, child_key, ${childCellHash}, followed_up, re_referred
	FROM ${cube.facts}
	WHERE index_order = 1
),
later AS (
	SELECT ${cell}, child_key, ${childCellHash}, index_order, followed_up, re_referred
	FROM ${cube.facts}
	WHERE intervention IS NOT NULL AND NOT solo_index
	QUALIFY index_order > 1 AND row_number() OVER (PARTITION BY child_key, ${cell} ORDER BY index_order) = 1
)
SELECT ${cell}, followed_up, re_referred, TRUE AS first,
	CAST(NULL AS INTEGER) AS child_key, CAST(NULL AS INTEGER) AS index_order,
	CAST(count(*) AS INTEGER) AS children, CAST(sum(${childCellHash}) % ${KEY_RANGE} AS INTEGER) AS child_key_sum,
	CAST(NULL AS UBIGINT) AS ${childCellHash},
	${join(cellNames.map((name) => sql`NULL AS ${ident(`first_${name}`)}`))}
FROM firsts
GROUP BY ALL
UNION ALL
SELECT ${join(cellNames.map((name) => of('l', name)))}, l.followed_up, l.re_referred, FALSE,
	l.child_key, l.index_order, 1, NULL, l.${childCellHash},
	${join(cellNames.map((name) => sql`${of('f', name)} AS ${ident(`first_${name}`)}`))}
FROM later l
JOIN firsts f USING (child_key)
ORDER BY ${firstCellsOrder}`;
}

/** Whether the index referral cube holds the answer for these filters (less those left out). */
export function indexReferralCubeAnswers(filters: Filters, except: readonly FilterKey[] = []): boolean {
	return childCubeAnswers(indexReferralCube, filters, except);
}
