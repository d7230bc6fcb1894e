import { indicatorColumns, type IndicatorColumn } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import { presentMask } from '../../derived';
import { ident, sql, type Sql } from '../../sql';
import { keyedAs, keyedPartial, keyName, partialOf, summedCount } from '../../keyed-count';
import { indicatorList } from './indicator-sql';
import { masks, overMasks } from './mask-counts';

export interface IndicatorPair {
	/** The earlier indicator of the pair in the contract's order. */
	a: IndicatorColumn;
	b: IndicatorColumn;
	/** Referrals with both indicators present. */
	both: number;
	/** Referrals with each indicator present. */
	a_present: number;
	b_present: number;
	/** All referrals under the filters. */
	referrals: number;
}

/**
 * Co-occurrence of every pair of indicators (66 pairs, a before b in the contract's order): referrals with
 * both present and with each present, from which the share with both and the Jaccard index (both ÷ either)
 * follow. Referrals are counted per presence bitmask first (at most 4,096 masks: `maskCounts`); then each
 * pair's referrals with both present are summed over the masks that hold both its bits (each pair is in a
 * quarter of the masks). (As 66 × 3 aggregates of one row unnested into 66, the query took about a second
 * to run even on the mask cube's few thousand cells, most of it the expression's size.)
 */
export function indicatorPairs(filters: Filters): Sql {
	return overMasks(filters, pairsOfMasks());
}

/**
 * `indicatorPairs` as a query over the mask counts (`masks`). A small query's time in DuckDB is mostly
 * binding it (issue 14): the pairs as 66 rows of VALUES, twice, joined to the masks and to each indicator's
 * count, twice, took 17 ms at 1M referrals in DuckDB-WASM under Node, all but 1 ms of it binding. Here the
 * pairs are positions from `range`, named by indexing a list, an indicator's own count is its pair with
 * itself (the diagonal, read by a window): alone it binds in about 6 ms and runs in 11, as long in all, but
 * in the mask charts' one query the binding fell (93 → 51 ms, loaded); the page showed no gain in the
 * browser, quiet. The LEFT JOIN keeps every pair, with zeros, when no mask holds it.
 */
export function pairsOfMasks(): Sql {
	const positions = sql`range(${indicatorColumns.length})`;
	const bits = sql`((1 << a.i) | (1 << b.i))`;
	const mask = partialOf('referrals', 'm');
	const cell = partialOf('both', 'c');
	const diagonal = (value: Sql, side: 'a' | 'b') =>
		sql`max(${value}) FILTER (WHERE c.a = c.b) OVER (PARTITION BY c.${ident(side)})`;
	const ownCount = (side: 'a' | 'b') =>
		keyedAs(`${side}_present`, { count: diagonal(cell.count, side), keySum: diagonal(cell.keySum, side) });
	const names = indicatorList();
	return sql`SELECT t.${ident('referrals')}, t.${ident(keyName('referrals'))}, ${names}[c.a + 1] AS a, ${names}[c.b + 1] AS b,
	${keyedAs('both', cell)}, ${ownCount('a')}, ${ownCount('b')}
FROM (
	SELECT a.i AS a, b.i AS b, ${keyedPartial('both', summedCount(mask.count, mask.keySum))}
	FROM ${positions} a(i) JOIN ${positions} b(i) ON a.i <= b.i
	LEFT JOIN ${masks} m ON (m.${presentMask} & ${bits}) = ${bits}
	GROUP BY a.i, b.i
) c
CROSS JOIN (SELECT ${keyedAs('referrals', summedCount(sql`"referrals"`, sql`"referrals:key_sum"`))} FROM ${masks}) t
QUALIFY c.a < c.b
ORDER BY c.a, c.b`;
}
