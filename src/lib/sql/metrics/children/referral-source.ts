import type { Filters } from '$lib/domain/filters';
import { referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { sql, type Sql } from '../../sql';
import { keyedAs, rowCount } from '../../keyed-count';

export interface SourceCount {
	/** Referral source code (contract `referralSources`). */
	source: string;
	referrals: number;
}

/**
 * Referrals by who made them. The referral-source filter is left out: the chart cross-filters by source,
 * so it keeps every source and the page highlights the choice.
 */
export function referralsBySource(filters: Filters): Sql {
	return sql`SELECT COALESCE(CAST(referral_source AS VARCHAR), 'unknown') AS source, ${keyedAs('referrals', rowCount())}
FROM ${referralFacts}
WHERE ${filterPredicate(filters, referralColumns, ['sources'])}
GROUP BY ALL
ORDER BY referrals DESC, source`;
}
