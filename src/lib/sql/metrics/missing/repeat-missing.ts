import type { Filters } from '$lib/domain/filters';
import { episodeFacts } from '../../derived';
import { episodeColumns, filterPredicate } from '../../filters';
import { sql, type Sql } from '../../sql';
import { keyedAs, perChildCount } from '../../keyed-count';

/** How many episodes a child had in the period, banded. */
export const repeatBands = ['1', '2-4', '5-9', '10+'] as const;
export type RepeatBand = (typeof repeatBands)[number];

export interface RepeatMissingRow {
	band: RepeatBand;
	children: number;
}

/** Children by the number of missing or away episodes they had under the filters (1, 2–4, 5–9, 10 or more). */
export function repeatMissing(filters: Filters): Sql {
	return sql`WITH per_child AS (
	SELECT child_key, any_value(child_cell_hash) AS child_cell_hash, count(*) AS episodes
	FROM ${episodeFacts}
	WHERE ${filterPredicate(filters, episodeColumns)}
	GROUP BY child_key
)
SELECT CASE WHEN episodes = 1 THEN '1' WHEN episodes <= 4 THEN '2-4' WHEN episodes <= 9 THEN '5-9' ELSE '10+' END AS band,
	${keyedAs('children', perChildCount())}
FROM per_child
GROUP BY 1
ORDER BY min(episodes)`;
}
