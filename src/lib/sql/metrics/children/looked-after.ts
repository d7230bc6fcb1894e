import type { Filters } from '$lib/domain/filters';
import { quarterStart } from '../../period-columns';
import { referralCohortCounting, referralCounts } from '../../cubes';
import { sql, type Sql } from '../../sql';
import { keyedAs } from '../../keyed-count';

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
	const counts = referralCounts(filters, ['lookedAfter'], referralCohortCounting);
	return sql`SELECT ${quarterStart('month')} AS quarter,
	${keyedAs('referrals', counts.referrals())},
	${keyedAs('looked_after', counts.referrals(sql`looked_after`))},
	${keyedAs('known', counts.referrals(sql`looked_after IS NOT NULL`))}
FROM ${counts.from}
WHERE ${counts.where}
GROUP BY ALL
ORDER BY quarter`;
}
