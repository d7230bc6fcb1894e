import { indicatorColumns, type IndicatorColumn } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import { presentMask } from '../../derived';
import { ident, join, sql, type Sql } from '../../sql';
import { keyedAs, keyedPartial, keyName, partialOf, summedCount } from '../../keyed-count';
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
 * follow. Referrals are counted per presence bitmask first (at most 4,096 masks: `maskCounts`); then each pair's referrals
 * with both present are summed over the masks that hold both its bits, joined on that condition, and each
 * indicator's over the masks that hold its bit. (As 66 × 3 aggregates of one row unnested into 66, the query
 * took about a second to run even on the mask cube's few thousand cells, most of it the expression's size;
 * as every pair against every mask, 270,000 rows grouped by the pair's names, about 20 ms at 1M referrals:
 * each pair is in a quarter of the masks and each indicator in half, so the joins keep about 92,000.)
 */
export function indicatorPairs(filters: Filters): Sql {
	return overMasks(filters, pairsOfMasks());
}

/** `indicatorPairs` as a query over the mask counts (`masks`). */
export function pairsOfMasks(): Sql {
	const bit = (column: IndicatorColumn) => 1 << indicatorColumns.indexOf(column);
	const pairs = indicatorColumns.flatMap((a, i) => indicatorColumns.slice(i + 1).map((b) => [a, b] as const));
	const rows = pairs.map(([a, b], index) => sql`(${index}, ${a}, ${b}, ${bit(a)}, ${bit(b)})`);
	const pairTable = sql`(VALUES ${join(rows)}) AS p(pair, a, b, a_bit, b_bit)`;
	const bits = indicatorColumns.map((column) => sql`(${bit(column)})`);
	const mask = partialOf('referrals', 'm');
	const summed = summedCount(mask.count, mask.keySum);
	const counted = (name: string, table: string) => {
		const { count, keySum } = partialOf(name, table);
		return keyedAs(name, {
			count: sql`CAST(COALESCE(${count}, 0) AS BIGINT)`,
			keySum: sql`CAST(COALESCE(${keySum}, 0) AS BIGINT)`
		});
	};
	const present = sql`(
	SELECT i.bit, ${keyedPartial('present', summed)}
	FROM (VALUES ${join(bits)}) AS i(bit) JOIN ${masks} m ON (m.${presentMask} & i.bit) <> 0
	GROUP BY i.bit
)`;
	// Subqueries rather than CTEs, so the query can itself be a CTE's body (`indicatorMaskCharts`).
	return sql`SELECT t.${ident('referrals')}, t.${ident(keyName('referrals'))}, p.a, p.b,
	${counted('both', 'w')},
	${keyedAs('a_present', { count: sql`CAST(COALESCE(sa.present, 0) AS BIGINT)`, keySum: sql`CAST(COALESCE(sa."present:key_sum", 0) AS BIGINT)` })},
	${keyedAs('b_present', { count: sql`CAST(COALESCE(sb.present, 0) AS BIGINT)`, keySum: sql`CAST(COALESCE(sb."present:key_sum", 0) AS BIGINT)` })}
FROM ${pairTable}
CROSS JOIN (SELECT ${keyedAs('referrals', summedCount(sql`"referrals"`, sql`"referrals:key_sum"`))} FROM ${masks}) t
LEFT JOIN (
	SELECT p.pair, ${keyedPartial('both', summed)}
	FROM ${pairTable} JOIN ${masks} m ON (m.${presentMask} & (p.a_bit | p.b_bit)) = (p.a_bit | p.b_bit)
	GROUP BY p.pair
) w ON w.pair = p.pair
LEFT JOIN ${present} sa ON sa.bit = p.a_bit
LEFT JOIN ${present} sb ON sb.bit = p.b_bit
ORDER BY p.pair`;
}
