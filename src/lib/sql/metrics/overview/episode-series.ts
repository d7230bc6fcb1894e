import { districts } from '$lib/contract';
import type { Filters } from '$lib/state/filters';
import type { Grain } from '$lib/transform/calendar';
import { episodeFacts } from '../../derived';
import { episodeColumns, filterPredicate } from '../../filters';
import { sql, type Sql } from '../../sql';
import { ALL_AREAS, periodAreaGrid, periodOf } from '../trends/period-area-grid';

export interface EpisodeSeriesRow {
	/** First day of the month or quarter, yyyy-mm-dd. */
	period: string;
	/** A district code, or `all`. */
	area: string;
	episodes: number;
}

/**
 * Missing episodes (by start month) per month or quarter, for every selected district and all together,
 * with zeros where none started. Only the filters that apply to episodes act.
 */
export function episodeSeries(
	filters: Filters,
	{ grain, first, last }: { grain: Grain; first: string; last: string }
): Sql {
	const grid = periodAreaGrid(first, last, grain, [ALL_AREAS, ...(filters.districts ?? districts.codes)]);
	return sql`WITH periods AS (${grid.periods}),
areas AS (${grid.areas}),
counts AS (
	SELECT ${periodOf(grain)} AS period,
		CASE WHEN grouping(district) = 1 THEN ${ALL_AREAS} ELSE CAST(district AS VARCHAR) END AS area,
		count(*) AS episodes
	FROM ${episodeFacts}
	WHERE ${filterPredicate(filters, episodeColumns)}
	GROUP BY GROUPING SETS ((1, district), (1))
)
SELECT CAST(p.period AS VARCHAR) AS period, a.area, COALESCE(c.episodes, 0) AS episodes
FROM periods p CROSS JOIN areas a
LEFT JOIN counts c ON c.period = p.period AND c.area = a.area
ORDER BY p.period, a.area = ${ALL_AREAS} DESC, a.area`;
}
