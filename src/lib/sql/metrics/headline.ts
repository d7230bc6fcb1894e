import type { Filters } from '$lib/domain/filters';
import { episodeCounts } from '../cubes';
import { episodeFacts, referralFacts } from '../derived';
import {
	episodeChildrenTable,
	episodeChildrenAnswer,
	episodeChildrenCount,
	episodeChildrenWhere
} from '../episode-children';
import { episodeColumns, filterPredicate, referralColumns } from '../filters';
import { sql, type Sql } from '../sql';
import { childCount, keyedAs, rowCount } from '../keyed-count';

export interface ReferralHeadline {
	referrals: number;
	children: number;
	repeat_referrals: number;
	looked_after: number;
	/** Referrals whose looked-after status is recorded: the denominator of the looked-after share. */
	looked_after_known: number;
}

/** Headline counts of referrals under the filters. */
export function referralHeadline(filters: Filters): Sql {
	return sql`SELECT
	${keyedAs('referrals', rowCount())},
	${keyedAs('children', childCount())},
	${keyedAs('repeat_referrals', rowCount(sql`is_repeat`))},
	${keyedAs('looked_after', rowCount(sql`looked_after`))},
	${keyedAs('looked_after_known', rowCount(sql`looked_after IS NOT NULL`))}
FROM ${referralFacts}
WHERE ${filterPredicate(filters, referralColumns)}`;
}

export interface EpisodeHeadline {
	episodes: number;
	children_missing: number;
}

/**
 * Headline counts of missing episodes under the filters that apply to episodes: from the episode cube and
 * the episode children table when it answers the filters, else from the facts.
 */
export function episodeHeadline(filters: Filters): Sql {
	if (episodeChildrenAnswer(filters)) {
		const counts = episodeCounts(filters);
		return sql`SELECT *
FROM (SELECT ${keyedAs('episodes', counts.episodes())} FROM ${counts.from} WHERE ${counts.where})
CROSS JOIN (
	SELECT ${keyedAs('children_missing', episodeChildrenCount())}
	FROM ${episodeChildrenTable}
	WHERE ${episodeChildrenWhere(filters)}
)`;
	}
	return sql`SELECT ${keyedAs('episodes', rowCount())}, ${keyedAs('children_missing', childCount())}
FROM ${episodeFacts}
WHERE ${filterPredicate(filters, episodeColumns)}`;
}
