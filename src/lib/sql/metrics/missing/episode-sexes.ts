import type { Filters } from '$lib/domain/filters';
import { episodeFacts } from '../../derived';
import { episodeColumns, filterPredicate } from '../../filters';
import { sql, type Sql } from '../../sql';
import { childCount, keyedAs, rowCount } from '../../keyed-count';

export interface EpisodeSexRow {
	/** A gender code of the contract; 'not_recorded' also for an episode with no sex (most extracts have none). */
	sex: string;
	episodes: number;
	children: number;
}

/** Episodes and children by the child's sex (from the episode, or an SSDA903 return's Header table). */
export function episodeSexes(filters: Filters): Sql {
	return sql`SELECT COALESCE(CAST(sex AS VARCHAR), 'not_recorded') AS sex, ${keyedAs('episodes', rowCount())}, ${keyedAs('children', childCount())}
FROM ${episodeFacts}
WHERE ${filterPredicate(filters, episodeColumns)}
GROUP BY 1
ORDER BY 1`;
}
