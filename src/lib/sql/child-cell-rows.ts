import { childCellHash } from './record-keys';
import { ident, join, sql, type Sql } from './sql';

/**
 * The rows of a per-child cell table, from a `cells` CTE holding one row per child and district ×
 * looked-after cell (with `child_key` and its hash): a child in one cell only (*pure*) passes a district or
 * looked-after filter whole or not at all, so pure children are counted per row of `columns` with the sum of
 * their hashes (`children`, `child_key_sum`); any other child keeps a row of its own with its `child_key`, so
 * a query counts it distinct, as the facts path does. Ends the `WITH` list it follows.
 */
export function childCellRows(columns: readonly string[]): Sql {
	const names = join(columns.map(ident));
	return sql`marked AS (
	SELECT *, count(*) OVER (PARTITION BY child_key) = 1 AS pure
	FROM cells
)
SELECT ${names}, TRUE AS pure, CAST(NULL AS INTEGER) AS child_key,
	CAST(count(*) AS INTEGER) AS children, CAST(sum(${childCellHash}) AS HUGEINT) AS child_key_sum
FROM marked
WHERE pure
GROUP BY ALL
UNION ALL
SELECT ${names}, FALSE, child_key, 1, CAST(${childCellHash} AS HUGEINT)
FROM marked
WHERE NOT pure
ORDER BY district, looked_after`;
}
