import { KEY_RANGE } from '$lib/publication/ptable';
import { KEY_SUFFIX } from '$lib/publication/publish-rows';
import { childCellHash, recordKey } from './record-keys';
import { ident, sql, type Sql } from './sql';

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
	return { count: bigint(sql`count(*)`, where), keySum: bigint(sql`sum(${recordKey})`, where) };
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
	return { count: bigint(sql`sum(${count})`, where), keySum: bigint(sql`sum(${keySum})`, where) };
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
