import type { Filters } from '$lib/domain/filters';
import { episodeCounts } from '../../cubes';
import { sql, type Sql } from '../../sql';
import { keyedAs } from '../../keyed-count';

export interface MonthlyGroupCount {
	month: string;
	/** A district code, or 'looked_after' / 'not_looked_after' / 'not_recorded'. */
	group: string;
	episodes: number;
}

/**
 * Episodes starting each month by district (the district filter is left out: a chart that cross-filters
 * by district must not filter itself). Months with none are absent: fill them in transform/.
 */
export function monthlyEpisodesByDistrict(filters: Filters): Sql {
	const counts = episodeCounts(filters, ['districts']);
	return sql`SELECT CAST(month AS VARCHAR) AS month, CAST(district AS VARCHAR) AS "group", ${keyedAs('episodes', counts.episodes())}
FROM ${counts.from}
WHERE ${counts.where}
GROUP BY ALL
ORDER BY 1, 2`;
}

/** Episodes starting each month by whether the child was looked after when the episode began. */
export function monthlyEpisodesByLookedAfter(filters: Filters): Sql {
	const counts = episodeCounts(filters);
	return sql`SELECT CAST(month AS VARCHAR) AS month,
	CASE WHEN looked_after THEN 'looked_after' WHEN NOT looked_after THEN 'not_looked_after' ELSE 'not_recorded' END AS "group",
	${keyedAs('episodes', counts.episodes())}
FROM ${counts.from}
WHERE ${counts.where}
GROUP BY ALL
ORDER BY 1, 2`;
}
