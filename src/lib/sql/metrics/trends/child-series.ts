import { districts } from '$lib/contract';
import type { Filters } from '$lib/state/filters';
import type { Grain } from '$lib/transform/calendar';
import { referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { sql, type Sql } from '../../sql';
import { ALL_AREAS, periodAreaGrid, periodOf } from './period-area-grid';

export interface ChildSeriesRow {
	/** First day of the month or quarter, yyyy-mm-dd. */
	period: string;
	/** A district code, or `all`. */
	area: string;
	/** Distinct children referred: a child referred twice in a period counts once; all ≠ the districts' sum. */
	children: number;
}

/**
 * Distinct children referred per month or financial quarter, per selected district and all together, with
 * zeros where nobody was referred. Distinct counts cannot be added up, so each area and period is counted
 * from the rows (the slowest query of the Trends page at 1M rows; it runs on its own).
 */
export function childSeries(
	filters: Filters,
	{ grain, first, last }: { grain: Grain; first: string; last: string }
): Sql {
	const grid = periodAreaGrid(first, last, grain, [ALL_AREAS, ...(filters.districts ?? districts.codes)]);
	return sql`WITH periods AS (${grid.periods}),
areas AS (${grid.areas}),
counts AS (
	SELECT ${periodOf(grain)} AS period,
		CASE WHEN grouping(district) = 1 THEN ${ALL_AREAS} ELSE CAST(district AS VARCHAR) END AS area,
		count(DISTINCT child_id) AS children
	FROM ${referralFacts}
	WHERE ${filterPredicate(filters, referralColumns)}
	GROUP BY GROUPING SETS ((1, district), (1))
)
SELECT CAST(p.period AS VARCHAR) AS period, a.area, COALESCE(c.children, 0) AS children
FROM periods p CROSS JOIN areas a
LEFT JOIN counts c ON c.period = p.period AND c.area = a.area
ORDER BY p.period, a.area = ${ALL_AREAS} DESC, a.area`;
}
