import type { Filters } from '$lib/domain/filters';
import { episodeFacts } from '../../derived';
import { episodeChildGroups, episodeChildrenAnswer } from '../../episode-children';
import { episodeColumns, filterPredicate } from '../../filters';
import { sql, type Sql } from '../../sql';
import { keyedAs, perChildCount, type Keyed } from '../../keyed-count';

/** How many episodes a child had in the period, banded. */
export const repeatBands = ['1', '2-4', '5-9', '10+'] as const;
export type RepeatBand = (typeof repeatBands)[number];

export interface RepeatMissingRow {
	band: RepeatBand;
	children: number;
}

/**
 * Each child's episodes under the filters (`episodes`), with how many children a row stands for
 * (`children`) and the sum of their hashes (`child_cell_hash`): from the episode children table's groups when
 * it answers the filters (a pure cell holds children with the same number of episodes; another child's rows are
 * summed; under an age filter counted up to 10, the top band), else one row per child from the facts.
 */
function perChild(filters: Filters): { rows: Sql; children: Keyed } {
	if (!episodeChildrenAnswer(filters))
		return {
			rows: sql`SELECT child_key, any_value(child_cell_hash) AS child_cell_hash, count(*) AS episodes
	FROM ${episodeFacts}
	WHERE ${filterPredicate(filters, episodeColumns)}
	GROUP BY child_key`,
			children: perChildCount()
		};
	return {
		rows: sql`SELECT episode_count AS episodes, children, child_key_sum AS child_cell_hash
	FROM ${episodeChildGroups(filters)}`,
		children: {
			count: sql`CAST(COALESCE(sum(children), 0) AS BIGINT)`,
			keySum: sql`COALESCE(sum(child_cell_hash), 0)`
		}
	};
}

/** Children by the number of missing or away episodes they had under the filters (1, 2–4, 5–9, 10 or more). */
export function repeatMissing(filters: Filters): Sql {
	const { rows, children } = perChild(filters);
	return sql`WITH per_child AS (
	${rows}
)
SELECT CASE WHEN episodes = 1 THEN '1' WHEN episodes <= 4 THEN '2-4' WHEN episodes <= 9 THEN '5-9' ELSE '10+' END AS band,
	${keyedAs('children', children)}
FROM per_child
GROUP BY 1
ORDER BY min(episodes)`;
}
