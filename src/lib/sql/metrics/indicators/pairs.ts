import { indicatorColumns, type IndicatorColumn } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import { presentMask, referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { ident, join, literal, sql, Sql, total } from '../../sql';
import { isPresent } from './indicator-sql';

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
 * follow. Referrals are counted per presence bitmask first; the 12 single and 66 pair counts are then
 * sums over those masks (at most 4,096), arranged one row per pair.
 */
export function indicatorPairs(filters: Filters): Sql {
	const single = (column: IndicatorColumn) => ident(`n_${column}`);
	const pairName = (a: IndicatorColumn, b: IndicatorColumn) => ident(`n_${a}_${b}`);
	const pairs = indicatorColumns.flatMap((a, i) => indicatorColumns.slice(i + 1).map((b) => [a, b] as const));
	const referrals = (where?: Sql) => total(sql`referrals`, where);
	const counts = [
		...indicatorColumns.map((column) => sql`${referrals(isPresent(column))} AS ${single(column)}`),
		...pairs.map(([a, b]) => sql`${referrals(sql`${isPresent(a)} AND ${isPresent(b)}`)} AS ${pairName(a, b)}`)
	];
	const structs = pairs.map(
		([a, b]) =>
			sql`{'a': ${literal(a)}, 'b': ${literal(b)}, 'both': ${pairName(a, b)}, 'a_present': ${single(a)}, 'b_present': ${single(b)}}`
	);
	return sql`WITH masks AS (
	SELECT ${presentMask}, count(*) AS referrals
	FROM ${referralFacts}
	WHERE ${filterPredicate(filters, referralColumns)}
	GROUP BY ${presentMask}
)
SELECT referrals, unnest(${new Sql(`[${join(structs).text}]`)}, recursive := true)
FROM (SELECT ${referrals()} AS referrals, ${join(counts)} FROM masks)`;
}
