import type { Filters } from '$lib/domain/filters';
import { episodeFacts, referralFacts } from '../derived';
import { episodeColumns, filterPredicate, referralColumns } from '../filters';
import { sql, type Sql } from '../sql';

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
	count(*) AS referrals,
	count(DISTINCT child_key) AS children,
	count(*) FILTER (WHERE is_repeat) AS repeat_referrals,
	count(*) FILTER (WHERE looked_after) AS looked_after,
	count(looked_after) AS looked_after_known
FROM ${referralFacts}
WHERE ${filterPredicate(filters, referralColumns)}`;
}

export interface EpisodeHeadline {
	episodes: number;
	children_missing: number;
}

/** Headline counts of missing episodes under the filters that apply to episodes. */
export function episodeHeadline(filters: Filters): Sql {
	return sql`SELECT count(*) AS episodes, count(DISTINCT child_key) AS children_missing
FROM ${episodeFacts}
WHERE ${filterPredicate(filters, episodeColumns)}`;
}
