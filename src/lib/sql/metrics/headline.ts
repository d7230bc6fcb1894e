import type { Filters } from '$lib/domain/filters';
import { episodeCounts, referralCohortCounting, referralCounts } from '../cubes';
import { episodeFacts, referralFacts } from '../derived';
import { episodeChildGroups, episodeChildrenAnswer, episodeChildrenCount } from '../episode-children';
import { episodeFirstGroups, episodeFirstsAnswer } from '../episode-firsts';
import { episodeColumns, filterPredicate, referralColumns } from '../filters';
import {
	referralChildrenFirst,
	referralChildrenFirstAnswers,
	referralChildrenFirstCount
} from '../referral-children-first';
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

/**
 * Headline counts of referrals under the filters: from the referral cube (or, under the cohort filters, the
 * cohort cube) and the children's first cells (referral-children-first.ts) when they answer the filters, else
 * from the facts.
 */
export function referralHeadline(filters: Filters): Sql {
	const counts = referralCounts(filters, [], referralCohortCounting);
	if (referralChildrenFirstAnswers(filters) && counts.from !== referralFacts) {
		const children = referralChildrenFirstCount(filters);
		return sql`SELECT *
FROM (
	SELECT ${keyedAs('referrals', counts.referrals())},
		${keyedAs('repeat_referrals', counts.repeatReferrals())},
		${keyedAs('looked_after', counts.referrals(sql`looked_after`))},
		${keyedAs('looked_after_known', counts.referrals(sql`looked_after IS NOT NULL`))}
	FROM ${counts.from}
	WHERE ${counts.where}
)
CROSS JOIN (
	SELECT ${keyedAs('children', children.children)}
	FROM ${referralChildrenFirst.table}
	WHERE ${children.where}
)`;
	}
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
 * the episode children table (or under a period the episode firsts table) when it answers the filters, else
 * from the facts.
 */
export function episodeHeadline(filters: Filters): Sql {
	const firsts = episodeFirstsAnswer(filters);
	if (firsts || episodeChildrenAnswer(filters)) {
		const counts = episodeCounts(filters);
		return sql`SELECT *
FROM (SELECT ${keyedAs('episodes', counts.episodes())} FROM ${counts.from} WHERE ${counts.where})
CROSS JOIN (
	SELECT ${keyedAs('children_missing', episodeChildrenCount())}
	FROM ${firsts ? episodeFirstGroups(filters, 'all') : episodeChildGroups(filters)}
)`;
	}
	return episodeHeadlineOnFacts(filters);
}

/** The episode headline from the facts, whatever the filters: what the tables' answers are tested against. */
export function episodeHeadlineOnFacts(filters: Filters): Sql {
	return sql`SELECT ${keyedAs('episodes', rowCount())}, ${keyedAs('children_missing', childCount())}
FROM ${episodeFacts}
WHERE ${filterPredicate(filters, episodeColumns)}`;
}
