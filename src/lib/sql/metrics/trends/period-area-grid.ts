import { districts } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import type { Grain } from '$lib/domain/calendar';
import { periodStart } from '$lib/domain/calendar';
import { ident, join, literal, sql, Sql } from '../../sql';

/** The area code of a row that counts every district together (under the district filter). */
export const ALL_AREAS = 'all';

/**
 * The period of a facts row: its precomputed `month`, or the quarter containing it (financial quarters
 * share calendar-quarter boundaries). Reading `month` rather than truncating the date saves a pass at 1M rows.
 */
export function periodOf(grain: Grain): Sql {
	return new Sql(grain === 'month' ? 'month' : "CAST(date_trunc('quarter', month) AS DATE)");
}

/**
 * A complete grid of periods × areas to LEFT JOIN counts onto, so a period or district with no rows is a
 * real zero: periods from the one containing `first` to the one containing `last`.
 */
export function periodAreaGrid(
	first: string,
	last: string,
	grain: Grain,
	areas: readonly string[]
): { periods: Sql; areas: Sql } {
	const step = new Sql(grain === 'month' ? 'INTERVAL 1 MONTH' : 'INTERVAL 3 MONTH');
	return {
		periods: sql`SELECT CAST(generate_series AS DATE) AS period FROM generate_series(CAST(${periodStart(first, grain)} AS TIMESTAMP), CAST(${periodStart(last, grain)} AS TIMESTAMP), ${step})`,
		areas: sql`SELECT * FROM (VALUES ${join(areas.map((area) => sql`(${literal(area)})`))}) AS a(area)`
	};
}

/**
 * Counts per period and area (each selected district and all of them together), with a zero row for every
 * period and area nothing fell in. `measures` maps output column names to aggregate expressions; each is
 * computed per district and, by GROUPING SETS, for all districts at once (so distinct counts stay right).
 * `source` is the table and its filter predicate; it must have `month` and `district` columns.
 */
export function seriesByArea(
	filters: Filters,
	source: { from: Sql; where: Sql },
	measures: Record<string, Sql>,
	{ grain, first, last }: { grain: Grain; first: string; last: string }
): Sql {
	const grid = periodAreaGrid(first, last, grain, [ALL_AREAS, ...(filters.districts ?? districts.codes)]);
	const names = Object.keys(measures);
	const aggregates = join(names.map((name) => sql`${measures[name]!} AS ${ident(name)}`));
	const filled = join(names.map((name) => sql`COALESCE(c.${ident(name)}, 0) AS ${ident(name)}`));
	return sql`WITH periods AS (${grid.periods}),
areas AS (${grid.areas}),
counts AS (
	SELECT ${periodOf(grain)} AS period,
		CASE WHEN grouping(district) = 1 THEN ${ALL_AREAS} ELSE CAST(district AS VARCHAR) END AS area,
		${aggregates}
	FROM ${source.from}
	WHERE ${source.where}
	GROUP BY GROUPING SETS ((1, district), (1))
)
SELECT CAST(p.period AS VARCHAR) AS period, a.area, ${filled}
FROM periods p CROSS JOIN areas a
LEFT JOIN counts c ON c.period = p.period AND c.area = a.area
ORDER BY p.period, a.area = ${ALL_AREAS} DESC, a.area`;
}
