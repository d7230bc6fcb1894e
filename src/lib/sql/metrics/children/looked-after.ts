import type { Filters } from '$lib/state/filters';
import { referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { quarterStart } from '../../period-columns';
import { sql, type Sql } from '../../sql';

export interface LookedAfterQuarter {
	/** First day of the calendar quarter, yyyy-mm-dd. */
	quarter: string;
	referrals: number;
	/** Referrals of children looked after at the referral date. */
	looked_after: number;
	/** Referrals whose looked-after status is recorded: the denominator of the share. */
	known: number;
}

/**
 * Looked-after share of referrals per calendar quarter. The looked-after filter is left out: with it the
 * share would be 0% or 100% by construction.
 */
export function lookedAfterByQuarter(filters: Filters): Sql {
	return sql`SELECT ${quarterStart('referral_date')} AS quarter,
	count(*) AS referrals,
	count(*) FILTER (WHERE looked_after) AS looked_after,
	count(looked_after) AS known
FROM ${referralFacts}
WHERE ${filterPredicate(filters, referralColumns, ['lookedAfter'])}
GROUP BY ALL
ORDER BY quarter`;
}
