import { indicatorColumns } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import { presentMask } from '../../derived';
import { join, literal, sql, type Sql } from '../../sql';
import { isPresent } from './indicator-sql';
import { keyedAs, partialOf } from '../../keyed-count';
import { masks, overMasks } from './mask-counts';

/** Separator of indicator columns in a combination key. */
export const COMBINATION_SEPARATOR = '|';

export interface IndicatorCombination {
	/** The indicator columns present, in the contract's order, joined by `|`; '' when none is present. */
	combination: string;
	/** How many indicators the combination holds. */
	degree: number;
	/** Referrals with exactly this combination of indicators present. */
	referrals: number;
	/** All referrals under the filters (the same on every row). */
	total: number;
	/** How many different combinations occur (the same on every row). */
	combinations: number;
}

/**
 * Every exact combination of indicators present (UpSet-style intersections): each referral counts once, in
 * the combination of exactly the indicators present on it. Referrals are counted per presence bitmask first
 * (one small integer: `maskCounts`), then each mask is spelled out. Ordered by fewer indicators, then by key:
 * never by the count, and with no top-N cut, because the view ranks them (`combinationsView`) on the counts
 * it is shown, and in publication mode those are perturbed: an order or a cut taken on true counts would tell
 * a reader which of two equal published counts is larger.
 */
export function indicatorCombinations(filters: Filters): Sql {
	return overMasks(filters, combinationsOfMasks());
}

/** `indicatorCombinations` as a query over the mask counts (`masks`). */
export function combinationsOfMasks(): Sql {
	const members = indicatorColumns.map(
		(column) => sql`CASE WHEN ${isPresent(column)} THEN ${literal(column)} END`
	);
	const mask = partialOf('referrals');
	return sql`SELECT concat_ws(${COMBINATION_SEPARATOR}, ${join(members)}) AS combination,
	CAST(bit_count(${presentMask}) AS INTEGER) AS degree,
	${keyedAs('referrals', mask)},
	${keyedAs('total', { count: sql`CAST(sum(${mask.count}) OVER () AS BIGINT)`, keySum: sql`sum(${mask.keySum}) OVER ()` })},
	CAST(count(*) OVER () AS INTEGER) AS combinations
FROM ${masks}
ORDER BY degree, combination`.publishing('degree');
}
