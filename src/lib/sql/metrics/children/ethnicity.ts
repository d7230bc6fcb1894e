import type { Filters } from '$lib/domain/filters';
import { referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { sql, type Sql } from '../../sql';
import { keyedAs, rowCount } from '../../keyed-count';

export interface EthnicityCount {
	/** ONS five-group ethnicity code, or `unknown` (contract `ethnicities`). */
	ethnicity: string;
	referrals: number;
}

/**
 * Referrals by ethnic group (ONS five groups and unknown). The ethnicity filter is left out: the chart
 * cross-filters by ethnicity, so it keeps every group and the page highlights the choice.
 */
export function referralsByEthnicity(filters: Filters): Sql {
	return sql`SELECT COALESCE(CAST(ethnicity AS VARCHAR), 'unknown') AS ethnicity, ${keyedAs('referrals', rowCount())}
FROM ${referralFacts}
WHERE ${filterPredicate(filters, referralColumns, ['ethnicities'])}
GROUP BY ALL
ORDER BY ethnicity`;
}
