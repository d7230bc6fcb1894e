import type { Filters } from '$lib/domain/filters';
import { childrenIn, episodeChildCubes } from '../../child-cubes';
import { episodeCounts } from '../../cubes';
import { sql, type Sql } from '../../sql';
import { keyedAs } from '../../keyed-count';

export interface MonthlyEpisodeCount {
	/** First day of the month, yyyy-mm-dd. */
	month: string;
	/** 'episodes' (episodes starting in the month) or 'children' (different children with one). */
	series: 'episodes' | 'children';
	count: number;
}

/**
 * Missing and away episodes starting each month, and the children they involve (long format): episodes from
 * the episode cube, children from the episode child cube (child-cubes.ts), when they answer the filters.
 */
export function monthlyEpisodes(filters: Filters): Sql {
	const counts = episodeCounts(filters);
	const children = childrenIn(episodeChildCubes.month, filters);
	return sql`SELECT CAST(month AS VARCHAR) AS month, 'episodes' AS series, ${keyedAs('count', counts.episodes())}
FROM ${counts.from} WHERE ${counts.where} GROUP BY month
UNION ALL
SELECT CAST(month AS VARCHAR) AS month, 'children' AS series, ${keyedAs('count', children.children)}
FROM ${children.from} WHERE ${children.where} GROUP BY month
ORDER BY month, series`;
}
