import type { Filters } from '$lib/domain/filters';
import { episodeFacts } from '../../derived';
import { episodeChildrenAnswer } from '../../episode-children';
import { episodeFirstsAnswer } from '../../episode-firsts';
import { episodeColumns, filterPredicate } from '../../filters';
import { sql, type Sql } from '../../sql';
import { childCount, keyedAs, rowCount } from '../../keyed-count';
import { episodesByCode } from './episodes-by-code';

export interface EpisodeSexRow {
	/** A gender code of the contract; 'not_recorded' also for an episode with no sex (most extracts have none). */
	sex: string;
	episodes: number;
	children: number;
}

const sexLabel = sql`COALESCE(CAST(sex AS VARCHAR), 'not_recorded')`;

/**
 * Episodes and children by the child's sex (from the episode, or an SSDA903 return's Header table). Under the
 * filters the episode children table answers, from it and the episode kind cube (episodes-by-code.ts); else
 * the facts.
 */
export function episodeSexes(filters: Filters): Sql {
	if (episodeChildrenAnswer(filters) || episodeFirstsAnswer(filters))
		return episodesByCode(filters, {
			column: sql`sex`,
			name: 'sex',
			label: sexLabel,
			order: sexLabel,
			mask: 'sex_mask'
		});
	return episodeSexesOnFacts(filters);
}

/** Episodes and children by sex from the facts, whatever the filters: what the tables' answers are tested against. */
export function episodeSexesOnFacts(filters: Filters): Sql {
	return sql`SELECT ${sexLabel} AS sex, ${keyedAs('episodes', rowCount())}, ${keyedAs('children', childCount())}
FROM ${episodeFacts}
WHERE ${filterPredicate(filters, episodeColumns)}
GROUP BY 1
ORDER BY 1`;
}
