import type { Filters } from '$lib/domain/filters';
import { ethnicityCube, ethnicityCohortCube, rowCounts } from '../../cubes';
import { sql, type Sql } from '../../sql';
import { keyedAs } from '../../keyed-count';

export interface EthnicityCount {
	/** ONS five-group ethnicity code, or `unknown` (contract `ethnicities`). */
	ethnicity: string;
	referrals: number;
}

/**
 * Referrals by ethnic group (ONS five groups and unknown). The ethnicity filter is left out: the chart
 * cross-filters by ethnicity, so it keeps every group and the page highlights the choice. With no period set
 * from the month-less ethnicity cohort cube (it answers the cohort filters too), else from the ethnicity cube,
 * unless a filter needs the facts.
 */
export function referralsByEthnicity(filters: Filters): Sql {
	const counts = rowCounts([ethnicityCohortCube, ethnicityCube], filters, ['ethnicities']);
	return sql`SELECT COALESCE(CAST(ethnicity AS VARCHAR), 'unknown') AS ethnicity, ${keyedAs('referrals', counts.rows())}
FROM ${counts.from}
WHERE ${counts.where}
GROUP BY ALL
ORDER BY ethnicity`;
}
