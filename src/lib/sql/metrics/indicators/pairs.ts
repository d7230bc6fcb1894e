import { indicatorColumns, type IndicatorColumn } from '$lib/contract';
import type { Filters } from '$lib/state/filters';
import { referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { join, literal, sql, Sql } from '../../sql';
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
 * (both ÷ either) follow.
 */
export function indicatorPairs(filters: Filters): Sql {
	const structs: Sql[] = [];
	indicatorColumns.forEach((a, i) => {
		for (const b of indicatorColumns.slice(i + 1)) {
			structs.push(sql`{'a': ${literal(a)}, 'b': ${literal(b)},
		'both': count(*) FILTER (WHERE ${isPresent(a)} AND ${isPresent(b)}),
		'a_present': count(*) FILTER (WHERE ${isPresent(a)}),
		'b_present': count(*) FILTER (WHERE ${isPresent(b)})}`);
		}
	});
	return sql`SELECT referrals, unnest(pairs, recursive := true)
FROM (
	SELECT count(*) AS referrals, ${new Sql(`[${join(structs).text}]`)} AS pairs
	FROM ${referralFacts}
	WHERE ${filterPredicate(filters, referralColumns)}
)`;
}
