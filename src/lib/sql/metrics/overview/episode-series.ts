import { districts } from '$lib/contract';
import type { Filters } from '$lib/state/filters';
import type { Grain } from '$lib/transform/calendar';
import { episodeFacts } from '../../derived';
import { episodeColumns, filterPredicate } from '../../filters';
import { sql, Sql } from '../../sql';
import { ALL_AREAS, periodAreaGrid } from '../trends/referral-series';

export interface EpisodeSeriesRow {
	/** First day of the month or quarter, yyyy-mm-dd. */
	period: string;
	/** A district code, or `all`. */
	area: string;
	episodes: number;
	children_missing: number;
}

/**
 * Missing episodes (by start date) and distinct children missing per month or quarter, for every selected
 * district and all together, with zeros where none started. Only the filters that apply to episodes act.
 */
export function episodeSeries(
	filters: Filters,
	{ grain, first, last }: { grain: Grain; first: string; last: string }
): Sql {
	const grid = periodAreaGrid(first, last, grain, [ALL_AREAS, ...(filters.districts ?? districts.codes)]);
	const unit = new Sql(grain === 'month' ? "'month'" : "'quarter'");
	return sql`WITH periods AS (${grid.periods}),
areas AS (${grid.areas}),
facts AS (
	SELECT CAST(date_trunc(${unit}, start_date) AS DATE) AS period, district, child_id
	FROM ${episodeFacts}
	WHERE ${filterPredicate(filters, episodeColumns)}
),
counts AS (
	SELECT period,
		CASE WHEN grouping(district) = 1 THEN ${ALL_AREAS} ELSE CAST(district AS VARCHAR) END AS area,
		count(*) AS episodes,
		count(DISTINCT child_id) AS children_missing
	FROM facts
	GROUP BY GROUPING SETS ((period, district), (period))
)
SELECT CAST(p.period AS VARCHAR) AS period, a.area,
	COALESCE(c.episodes, 0) AS episodes,
	COALESCE(c.children_missing, 0) AS children_missing
FROM periods p CROSS JOIN areas a
LEFT JOIN counts c ON c.period = p.period AND c.area = a.area
ORDER BY p.period, a.area = ${ALL_AREAS} DESC, a.area`;
}
