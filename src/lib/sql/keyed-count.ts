import { KEY_RANGE } from '$lib/publication/ptable';
import { KEY_SUFFIX } from '$lib/publication/publish-rows';
import { childCellHash, recordKey } from './record-keys';
import { ident, join, sql, type Sql } from './sql';

/**
 * Counts with their cell keys, for publication mode's cell key method (publication/). A count leaves the
 * engine as two columns: `X`, the true count, and `X:key`, the sum of its records' keys modulo 256; the
 * publication seam turns the pair into the published count (publish-rows.ts). Every count in sql/metrics
 * is built here: a count without a key is withheld in publication mode, which the metrics' tests catch.
 */
export interface Keyed {
	/** The count: a BIGINT, 0 (never NULL) over no rows. */
	readonly count: Sql;
	/** The sum of the counted records' keys, not yet reduced modulo 256 (sums of sums stay right). */
	readonly keySum: Sql;
	/** For a count of facts rows (`rowCount`), the condition on them, so `conditionCells` can count it. */
	readonly rowsWhere?: Sql;
	/**
	 * Whether the count sums rows (of the facts or a cube's cells), so counts of disjoint groups of rows add up
	 * to it (`keyedPartial`, then `summedCount`); never for distinct children.
	 */
	readonly additive?: boolean;
}

const filtered = (aggregate: Sql, where: Sql | undefined) =>
	where ? sql`${aggregate} FILTER (WHERE ${where})` : aggregate;
const bigint = (aggregate: Sql, where: Sql | undefined) =>
	sql`CAST(COALESCE(${filtered(aggregate, where)}, 0) AS BIGINT)`;

/** The name of a count's key column. */
export function keyName(name: string): string {
	return `${name}${KEY_SUFFIX}`;
}

/** Rows of a facts table (referrals or episodes), optionally only where `where` holds. */
export function rowCount(where?: Sql): Keyed {
	return {
		count: bigint(sql`count(*)`, where),
		keySum: bigint(sql`sum(${recordKey})`, where),
		rowsWhere: where ?? sql`TRUE`,
		additive: true
	};
}

/**
 * Row counts under conditions (`rowCount`s) in two steps: `cells`, the select list of a GROUP BY ALL over the
 * rows (each condition's value, then the rows and their key sum per combination of the values and the
 * query's own groups), and `counts`, each count summed from those cells where its condition holds. So the
 * rows pass two aggregates, not two per count: DuckDB evaluates every aggregate's FILTER on every row, and at
 * 1M referrals under an indicator filter the Districts page's six counts took 1.75× as long (issue 14).
 * Undefined when a count is not a `rowCount`.
 */
export function conditionCells(
	counted: readonly (readonly [string, Keyed])[]
): { cells: Sql; counts: [string, Keyed][] } | undefined {
	const conditions = counted.map(([, keyed]) => keyed.rowsWhere);
	if (conditions.some((condition) => condition === undefined)) return undefined;
	const column = (index: number) => ident(`condition_${index}`);
	return {
		cells: join([
			...conditions.map((condition, index) => sql`(${condition!}) AS ${column(index)}`),
			sql`count(*) AS "rows"`,
			sql`sum(${recordKey}) AS "rows:key_sum"`
		]),
		counts: counted.map(([name], index) => [
			name,
			summedCount(ident('rows'), ident('rows:key_sum'), column(index))
		])
	};
}

/**
 * Which solo flag of the facts (derived.ts) a distinct count may use: `all` holds for any grouping; `month`
 * and `quarter` only when every group lies within one month or one calendar quarter (a monthly series).
 */
export type SoloPeriod = 'all' | 'quarter' | 'month';

/**
 * Distinct children among the rows: the key is the sum of their distinct 64-bit hashes (record-keys.ts),
 * so a cell's key depends on which children are in it, however many rows each has. A child whose row is
 * their only one in the `solo` period counts once wherever that row falls, so solo rows are summed and only
 * the other rows are counted distinct (the two sets of children are disjoint): the same count and key,
 * without hashing most rows. The source must have the facts' `solo_*` columns.
 */
export function childCount(where?: Sql, solo: SoloPeriod = 'all'): Keyed {
	const flag = ident(`solo_${solo}`);
	const and = (condition: Sql) => (where ? sql`(${where}) AND ${condition}` : condition);
	const soloRows = and(flag);
	const others = and(sql`NOT ${flag}`);
	return {
		count: sql`(${bigint(sql`count(*)`, soloRows)} + ${bigint(sql`count(DISTINCT child_key)`, others)})`,
		keySum: sql`(COALESCE(${filtered(sql`sum(${childCellHash})`, soloRows)}, 0) + COALESCE(${filtered(sql`sum(DISTINCT ${childCellHash})`, others)}, 0))`
	};
}

/**
 * Distinct children per group, the count and key `childCount` gives, for a query that reads the facts: a
 * subquery of `from`'s rows where `where` holds, with a row per group of `sets` (grouping sets of `from`'s
 * columns; `[[]]` for one total), those columns, `grouping` (their `grouping()` bitmask: a rolled-up column
 * from a NULL one) and the count as `name` and `name:key_sum` (`partialOf`; the key sum already reduced modulo
 * 256, as the hashes' sums outgrow a BIGINT). The solo rows are summed; the
 * others are made one row per child and group by a GROUP BY, then counted. DuckDB's DISTINCT aggregates hash
 * every row into a table of their own per aggregate (and grouping set): at 1M referrals under an indicator
 * filter the districts' children took 3× this GROUP BY (issue 14). `from` is read twice, so pass a table or
 * a subquery, not a CTE DuckDB would materialise.
 */
export function childCountsBy(
	from: Sql,
	where: Sql,
	sets: readonly (readonly string[])[],
	name: string,
	solo: SoloPeriod = 'all'
): Sql {
	const flag = ident(`solo_${solo}`);
	const columns = [...new Set(sets.flat())].map((column) => ident(column));
	const grouping = columns.length > 0 ? sql`grouping(${join(columns)})` : sql`0`;
	const groupingSets = (extra: readonly Sql[]) =>
		join(sets.map((set) => sql`(${join([...set.map((column) => ident(column)), ...extra])})`));
	const select = join([...columns, ident('grouping')]);
	const leading = columns.length > 0 ? sql`${join(columns)}, ` : sql``;
	return sql`(SELECT ${select}, CAST(sum(n) AS BIGINT) AS ${ident(name)}, CAST(sum(h) % ${KEY_RANGE} AS BIGINT) AS ${ident(`${name}:key_sum`)}
FROM (
	SELECT ${leading}${grouping} AS "grouping", count(*) AS n, sum(${childCellHash}) AS h
	FROM ${from}
	WHERE (${where}) AND ${flag}
	GROUP BY GROUPING SETS (${groupingSets([])})
	UNION ALL
	SELECT ${select}, count(*) AS n, sum(h) AS h
	FROM (
		SELECT ${leading}${grouping} AS "grouping", any_value(${childCellHash}) AS h
		FROM ${from}
		WHERE (${where}) AND NOT ${flag}
		GROUP BY GROUPING SETS (${groupingSets([ident('child_key')])})
	)
	GROUP BY ALL
)
GROUP BY ALL)`;
}

/**
 * Rows of a table that already holds one row per child (e.g. each child's index referral): the key is the
 * sum of the children's hashes, as `childCount` would give for the same children.
 */
export function perChildCount(where?: Sql): Keyed {
	return {
		count: bigint(sql`count(*)`, where),
		keySum: sql`COALESCE(${filtered(sql`sum(${childCellHash})`, where)}, 0)`
	};
}

/** A count summed from pre-aggregated rows (a cube, or a CTE of counts) holding a count and its key sum. */
export function summedCount(count: Sql, keySum: Sql, where?: Sql): Keyed {
	return {
		count: bigint(sql`sum(${count})`, where),
		keySum: bigint(sql`sum(${keySum})`, where),
		additive: true
	};
}

/** `count AS name, key AS "name:key"`: the select-list entries of a published count. */
export function keyedAs(name: string, keyed: Keyed): Sql {
	return sql`${keyed.count} AS ${ident(name)}, CAST(${keyed.keySum} % ${KEY_RANGE} AS INTEGER) AS ${ident(keyName(name))}`;
}

/** `count AS name, keySum AS "name:key_sum"`: a count carried through a CTE, to be summed again. */
export function keyedPartial(name: string, keyed: Keyed): Sql {
	return sql`${keyed.count} AS ${ident(name)}, ${keyed.keySum} AS ${ident(`${name}:key_sum`)}`;
}

/** A count carried by `keyedPartial`, read from `table` (an alias) for summing again. */
export function partialOf(name: string, table?: string): { count: Sql; keySum: Sql } {
	const column = (column: string) => (table ? sql`${ident(table)}.${ident(column)}` : ident(column));
	return { count: column(name), keySum: column(`${name}:key_sum`) };
}

/** A published count passed through an outer query (e.g. a LEFT JOIN), 0 where it is missing. */
export function keyedThrough(name: string, table: string): Sql {
	const column = (column: string) => sql`COALESCE(${ident(table)}.${ident(column)}, 0) AS ${ident(column)}`;
	return sql`${column(name)}, ${column(keyName(name))}`;
}

/** Both column names of a published count, for an outer SELECT that lists columns. */
export function keyedNames(name: string): Sql {
	return sql`${ident(name)}, ${ident(keyName(name))}`;
}
