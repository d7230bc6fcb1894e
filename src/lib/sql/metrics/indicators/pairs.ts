import { indicatorColumns, type IndicatorColumn } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import { presentMask, referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { ident, join, literal, sql, Sql } from '../../sql';
import { isPresent } from './indicator-sql';
import {
	keyedAs,
	keyedNames,
	keyName,
	keyedPartial,
	partialOf,
	rowCount,
	summedCount
} from '../../keyed-count';

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
	const single = (column: IndicatorColumn) => `n_${column}`;
	const pairName = (a: IndicatorColumn, b: IndicatorColumn) => `n_${a}_${b}`;
	const pairs = indicatorColumns.flatMap((a, i) => indicatorColumns.slice(i + 1).map((b) => [a, b] as const));
	const mask = partialOf('referrals');
	const referrals = (where?: Sql) => summedCount(mask.count, mask.keySum, where);
	const counts = [
		...indicatorColumns.map((column) => keyedAs(single(column), referrals(isPresent(column)))),
		...pairs.map(([a, b]) => keyedAs(pairName(a, b), referrals(sql`${isPresent(a)} AND ${isPresent(b)}`)))
	];
	const field = (name: string, column: string) =>
		sql`${literal(name)}: ${ident(column)}, ${literal(keyName(name))}: ${ident(keyName(column))}`;
	const structs = pairs.map(
		([a, b]) =>
			sql`{'a': ${literal(a)}, 'b': ${literal(b)}, ${field('both', pairName(a, b))}, ${field('a_present', single(a))}, ${field('b_present', single(b))}}`
	);
	return sql`WITH masks AS (
	SELECT ${presentMask}, ${keyedPartial('referrals', rowCount())}
	FROM ${referralFacts}
	WHERE ${filterPredicate(filters, referralColumns)}
	GROUP BY ${presentMask}
)
SELECT ${keyedNames('referrals')}, unnest(${new Sql(`[${join(structs).text}]`)}, recursive := true)
FROM (SELECT ${keyedAs('referrals', referrals())}, ${join(counts)} FROM masks)`;
}
