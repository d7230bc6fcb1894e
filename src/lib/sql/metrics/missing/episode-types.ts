import type { Filters } from '$lib/domain/filters';
import { episodeFacts } from '../../derived';
import { episodeColumns, filterPredicate } from '../../filters';
import { sql, type Sql } from '../../sql';
import { childCount, keyedAs, rowCount } from '../../keyed-count';

export interface EpisodeTypeRow {
	/** 'missing' or 'away' (SSDA903: away from placement without authorisation). */
	episode_type: string;
	episodes: number;
	children: number;
}

/** Episodes and children by episode type: missing, or away from placement without authorisation. */
export function episodeTypes(filters: Filters): Sql {
	return sql`SELECT CAST(episode_type AS VARCHAR) AS episode_type, ${keyedAs('episodes', rowCount())}, ${keyedAs('children', childCount())}
FROM ${episodeFacts}
WHERE ${filterPredicate(filters, episodeColumns)}
GROUP BY episode_type
ORDER BY min(enum_code(episode_type))`;
}
