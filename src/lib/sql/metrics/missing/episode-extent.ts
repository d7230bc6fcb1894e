import { episodeDates } from '../../episode-dates';
import { sql, type Sql } from '../../sql';

export interface EpisodeExtent {
	first_start: string | null;
	last_start: string | null;
}

/** The first and last episode start dates loaded, unfiltered: the default period of the missing page. */
export function episodeExtent(): Sql {
	return sql`SELECT CAST(first_start AS VARCHAR) AS first_start, CAST(last_start AS VARCHAR) AS last_start
FROM ${episodeDates}`;
}
