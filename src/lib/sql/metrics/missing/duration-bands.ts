import type { Filters } from '$lib/domain/filters';
import { episodeFacts } from '../../derived';
import { episodeColumns, filterPredicate } from '../../filters';
import { sql, type Sql } from '../../sql';
import { keyedAs, rowCount } from '../../keyed-count';

/** Duration bands in whole days between the start and end dates (times are not recorded). */
export const durationBands = [
	'same_day',
	'one_to_two',
	'three_to_seven',
	'over_seven',
	'still_missing'
] as const;
export type DurationBand = (typeof durationBands)[number];

export interface DurationBandRow {
	band: DurationBand;
	episodes: number;
}

/**
 * Episodes by how long the child was away: back the same day (under 24 hours), 1–2 days, 3–7 days, more
 * than 7 days, or still missing (no end date).
 */
export function episodeDurations(filters: Filters): Sql {
	return sql`SELECT CASE
		WHEN end_date IS NULL THEN 'still_missing'
		WHEN duration_days <= 0 THEN 'same_day'
		WHEN duration_days <= 2 THEN 'one_to_two'
		WHEN duration_days <= 7 THEN 'three_to_seven'
		ELSE 'over_seven'
	END AS band,
	${keyedAs('episodes', rowCount())}
FROM ${episodeFacts}
WHERE ${filterPredicate(filters, episodeColumns)}
GROUP BY 1`;
}
