import type { Filters } from '$lib/state/filters';
import { episodeFacts } from '../derived';
import { episodeColumns, filterPredicate } from '../filters';
import { sql, type Sql } from '../sql';

export interface EpisodeHeadline {
	episodes: number;
	children_missing: number;
}

/** Headline counts of missing episodes under the filters that apply to episodes. */
export function episodeHeadline(filters: Filters): Sql {
	return sql`SELECT count(*) AS episodes, count(DISTINCT child_id) AS children_missing
FROM ${episodeFacts}
WHERE ${filterPredicate(filters, episodeColumns)}`;
}
