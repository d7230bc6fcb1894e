import { indicatorColumns, type IndicatorColumn } from '$lib/contract';
import type { Filters } from '$lib/state/filters';
import { referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { ident, join, literal, sql, Sql } from '../../sql';
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
 * Co-occurrence of every pair of indicators (66 pairs, a before b in the contract's order) from one scan:
 * referrals with both present and with each present, from which the share with both and the Jaccard index
 * (both ÷ either) follow. Each indicator's presence is computed once per referral, and each count once
 * (12 singles and 66 pairs), before the counts are arranged one row per pair.
 */
export function indicatorPairs(filters: Filters): Sql {
	const flag = (column: IndicatorColumn) => ident(`present_${column}`);
	const single = (column: IndicatorColumn) => ident(`n_${column}`);
	const pairName = (a: IndicatorColumn, b: IndicatorColumn) => ident(`n_${a}_${b}`);
	const pairs = indicatorColumns.flatMap((a, i) => indicatorColumns.slice(i + 1).map((b) => [a, b] as const));
	const counts = [
		...indicatorColumns.map((column) => sql`count(*) FILTER (WHERE ${flag(column)}) AS ${single(column)}`),
		...pairs.map(([a, b]) => sql`count(*) FILTER (WHERE ${flag(a)} AND ${flag(b)}) AS ${pairName(a, b)}`)
	];
	const structs = pairs.map(
		([a, b]) =>
			sql`{'a': ${literal(a)}, 'b': ${literal(b)}, 'both': ${pairName(a, b)}, 'a_present': ${single(a)}, 'b_present': ${single(b)}}`
	);
	return sql`SELECT referrals, unnest(${new Sql(`[${join(structs).text}]`)}, recursive := true)
FROM (
	SELECT count(*) AS referrals, ${join(counts)}
	FROM (
		SELECT ${join(indicatorColumns.map((column) => sql`${isPresent(column)} AS ${flag(column)}`))}
		FROM ${referralFacts}
		WHERE ${filterPredicate(filters, referralColumns)}
	)
)`;
}
