import type { Filters } from '$lib/domain/filters';
import { episodeFacts } from '../../derived';
import { episodeChildrenAnswer } from '../../episode-children';
import { episodeFirstsAnswer } from '../../episode-firsts';
import { episodeColumns, filterPredicate } from '../../filters';
import { sql, type Sql } from '../../sql';
import { childCount, keyedAs, rowCount } from '../../keyed-count';
import { episodesByCode } from './episodes-by-code';

export interface EpisodeTypeRow {
	/** 'missing' or 'away' (SSDA903: away from placement without authorisation). */
	episode_type: string;
	episodes: number;
	children: number;
}

/**
 * Episodes and children by episode type: missing, or away from placement without authorisation. Under the
 * filters the episode children table answers, from it and the episode kind cube (episodes-by-code.ts); else the facts.
 */
export function episodeTypes(filters: Filters): Sql {
	if (episodeChildrenAnswer(filters) || episodeFirstsAnswer(filters))
		return episodesByCode(filters, {
			column: sql`episode_type`,
			name: 'episode_type',
			label: sql`CAST(episode_type AS VARCHAR)`,
			order: sql`min(enum_code(episode_type))`,
			mask: 'type_mask'
		});
	return episodeTypesOnFacts(filters);
}

/** Episodes and children by type from the facts, whatever the filters: what the tables' answers are tested against. */
export function episodeTypesOnFacts(filters: Filters): Sql {
	return sql`SELECT CAST(episode_type AS VARCHAR) AS episode_type, ${keyedAs('episodes', rowCount())}, ${keyedAs('children', childCount())}
FROM ${episodeFacts}
WHERE ${filterPredicate(filters, episodeColumns)}
GROUP BY episode_type
ORDER BY min(enum_code(episode_type))`;
}
