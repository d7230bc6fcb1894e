import type { Filters } from '$lib/domain/filters';
import { episodeCounts } from '../../cubes';
import { episodeDates } from '../../episode-dates';
import { sql, type Sql } from '../../sql';
import { keyedAs, keyedThrough } from '../../keyed-count';

export interface SeasonalityRow {
	year: number;
	/** Calendar month, 1 to 12. */
	month: number;
	episodes: number;
	/** Days of this month inside the period, and days in the month: partial months count as a fraction. */
	days_covered: number;
	days_in_month: number;
}

/**
 * Episodes starting in each year × calendar month of the period, with how much of the month the period
 * covers, so that the average per calendar month can weigh partial first and last months fairly. The
 * period is the filter's dates, or the first to the last episode loaded (episode-dates.ts).
 */
export function seasonality(filters: Filters): Sql {
	// Counted from the episode cube (a month lies in one year and calendar month) unless a filter needs the facts.
	const counts = episodeCounts(filters);
	return sql`WITH bounds AS (
	SELECT coalesce(CAST(${filters.from ?? null} AS DATE), first_start) AS first_day,
		coalesce(CAST(${filters.to ?? null} AS DATE), last_start) AS last_day
	FROM ${episodeDates}
),
days AS (
	SELECT CAST(unnest(generate_series(first_day, last_day, INTERVAL 1 DAY)) AS DATE) AS day
	FROM bounds
	WHERE first_day <= last_day
),
coverage AS (
	SELECT year(day) AS year, month(day) AS month, count(*) AS days_covered, day(last_day(min(day))) AS days_in_month
	FROM days
	GROUP BY 1, 2
),
counts AS (
	SELECT year(source.month) AS year, month(source.month) AS month, ${keyedAs('episodes', counts.episodes())}
	FROM ${counts.from} AS source
	WHERE ${counts.where}
	GROUP BY 1, 2
)
SELECT c.year, c.month, ${keyedThrough('episodes', 'n')}, c.days_covered, c.days_in_month
FROM coverage c
LEFT JOIN counts n USING (year, month)
ORDER BY c.year, c.month`.publishing('year', 'month', 'days_covered', 'days_in_month');
}
