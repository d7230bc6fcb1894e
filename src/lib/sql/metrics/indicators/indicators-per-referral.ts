import type { Filters } from '$lib/domain/filters';
import { referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { sql, type Sql } from '../../sql';
import { presentCount } from './indicator-sql';
import { keyedAs, rowCount } from '../../keyed-count';

export interface IndicatorsPerReferral {
	/** How many of the 12 indicators are present (0–12). */
	indicators: number;
	referrals: number;
}

/** The distribution of the number of indicators present per referral. Counts with no referrals are absent. */
export function indicatorsPerReferral(filters: Filters): Sql {
	return sql`SELECT indicators, ${keyedAs('referrals', rowCount())}
FROM (
	SELECT ${presentCount()} AS indicators, record_key
	FROM ${referralFacts}
	WHERE ${filterPredicate(filters, referralColumns)}
)
GROUP BY ALL
ORDER BY indicators`.publishing('indicators');
}
