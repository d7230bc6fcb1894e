import { indicatorColumns } from '$lib/contract';
import type { Filters } from '$lib/state/filters';
import { referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { join, literal, sql, type Sql } from '../../sql';
import { isPresent, presentCount } from './indicator-sql';

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
 * The most frequent exact combinations of indicators present (UpSet-style intersections): each referral
 * counts once, in the combination of exactly the indicators present on it. Ordered by frequency, then by
 * fewer indicators, then by key, so ties are stable.
 */
export function indicatorCombinations(filters: Filters, limit = 15): Sql {
	const members = indicatorColumns.map(
		(column) => sql`CASE WHEN ${isPresent(column)} THEN ${literal(column)} END`
	);
	return sql`SELECT combination, degree, count(*) AS referrals,
	CAST(sum(count(*)) OVER () AS INTEGER) AS total,
	CAST(count(*) OVER () AS INTEGER) AS combinations
FROM (
	SELECT concat_ws(${COMBINATION_SEPARATOR}, ${join(members)}) AS combination, ${presentCount()} AS degree
	FROM ${referralFacts}
	WHERE ${filterPredicate(filters, referralColumns)}
)
GROUP BY ALL
ORDER BY referrals DESC, degree, combination
LIMIT ${limit}`;
}
