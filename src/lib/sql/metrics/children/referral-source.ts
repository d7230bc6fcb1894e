import type { Filters } from '$lib/domain/filters';
import { referralSourceCube, referralSourceCohortCube, rowCounts } from '../../cubes';
import { sql, type Sql } from '../../sql';
import { keyedAs } from '../../keyed-count';

export interface SourceCount {
	/** Referral source code (contract `referralSources`). */
	source: string;
	referrals: number;
}

/**
 * Referrals by who made them. The referral-source filter is left out: the chart cross-filters by source,
 * so it keeps every source and the page highlights the choice. With no period set from the month-less referral
 * source cohort cube (it answers the cohort filters too), else from the referral source cube, unless a filter
 * needs the facts.
 */
export function referralsBySource(filters: Filters): Sql {
	const counts = rowCounts([referralSourceCohortCube, referralSourceCube], filters, ['sources']);
	return sql`SELECT COALESCE(CAST(referral_source AS VARCHAR), 'unknown') AS source, ${keyedAs('referrals', counts.rows())}
FROM ${counts.from}
WHERE ${counts.where}
GROUP BY ALL
ORDER BY referrals DESC, source`;
}
