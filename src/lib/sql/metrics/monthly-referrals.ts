import type { Filters } from '$lib/domain/filters';
import { referralFacts } from '../derived';
import { filterPredicate, referralColumns } from '../filters';
import { sql, type Sql } from '../sql';
import { keyedAs, rowCount } from '../keyed-count';

export interface MonthlyDistrictCount {
	/** First day of the month, yyyy-mm-dd. */
	month: string;
	district: string;
	referrals: number;
}

/** Referrals per month and district. Months with no referrals are absent: fill them in transform/. */
export function monthlyReferralsByDistrict(filters: Filters): Sql {
	return sql`SELECT CAST(month AS VARCHAR) AS month, CAST(district AS VARCHAR) AS district, ${keyedAs('referrals', rowCount())}
FROM ${referralFacts}
WHERE ${filterPredicate(filters, referralColumns)}
GROUP BY ALL
ORDER BY month, district`;
}
