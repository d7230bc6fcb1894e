import { indicatorColumns, type IndicatorColumn } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import { indicatorMaskCube, rowCounts } from '../../cubes';
import { presentMask } from '../../derived';
import { ident, join, sql, type Sql } from '../../sql';
import { keyedAs, keyedPartial, keyName, partialOf, summedCount } from '../../keyed-count';

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
 * follow. Referrals are counted per presence bitmask first (at most 4,096 masks), then each pair's counts
 * are sums over the masks that hold its bits: the masks joined to a table of the 66 pairs and grouped by
 * pair. (As 66 × 3 aggregates of one row unnested into 66, the query took about a second to run even on
 * the mask cube's few thousand cells, most of it the expression's size.)
 */
export function indicatorPairs(filters: Filters): Sql {
	const bit = (column: IndicatorColumn) => 1 << indicatorColumns.indexOf(column);
	const pairs = indicatorColumns.flatMap((a, i) => indicatorColumns.slice(i + 1).map((b) => [a, b] as const));
	const rows = pairs.map(([a, b], index) => sql`(${index}, ${a}, ${b}, ${bit(a)}, ${bit(b)})`);
	// From the indicator mask cube under a district filter alone, else the facts.
	const source = rowCounts(indicatorMaskCube, filters);
	const mask = partialOf('referrals', 'm');
	const referrals = (where?: Sql) => summedCount(mask.count, mask.keySum, where);
	const holds = (bits: Sql) => sql`(m.${presentMask} & ${bits}) = ${bits}`;
	return sql`WITH masks AS (
	SELECT ${presentMask}, ${keyedPartial('referrals', source.rows())}
	FROM ${source.from}
	WHERE ${source.where}
	GROUP BY ${presentMask}
),
pairs AS (SELECT * FROM (VALUES ${join(rows)}) AS p(pair, a, b, a_bit, b_bit)),
total AS (SELECT ${keyedAs('referrals', summedCount(sql`"referrals"`, sql`"referrals:key_sum"`))} FROM masks)
SELECT t.${ident('referrals')}, t.${ident(keyName('referrals'))}, p.a, p.b,
	${keyedAs('both', referrals(holds(sql`(p.a_bit | p.b_bit)`)))},
	${keyedAs('a_present', referrals(holds(sql`p.a_bit`)))},
	${keyedAs('b_present', referrals(holds(sql`p.b_bit`)))}
FROM pairs p
CROSS JOIN total t
LEFT JOIN masks m ON TRUE
GROUP BY ALL
ORDER BY any_value(p.pair)`;
}
