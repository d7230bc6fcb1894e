import { episodeFacts } from '../../derived';
import { sql, type Sql } from '../../sql';

export interface EpisodeExtent {
	first_start: string | null;
	last_start: string | null;
}

/** The first and last episode start dates loaded, unfiltered: the default period of the missing page. */
export function episodeExtent(): Sql {
	return sql`SELECT CAST(min(start_date) AS VARCHAR) AS first_start, CAST(max(start_date) AS VARCHAR) AS last_start
FROM ${episodeFacts}`;
}
