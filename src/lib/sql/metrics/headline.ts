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
import { childCount, keyedAs, rowCount, type Keyed } from '../keyed-count';
import { childCellHash } from '../record-keys';

export interface ReferralHeadline {
	referrals: number;
	children: number;
	repeat_referrals: number;
	looked_after: number;
	/** Referrals whose looked-after status is recorded: the denominator of the looked-after share. */
	looked_after_known: number;
}

/** Whether the referral headline reads the facts under these filters (no cube and per-child table answers). */
export function referralHeadlineOnFacts(filters: Filters): boolean {
	return (
		!referralChildrenFirstAnswers(filters) ||
		referralCounts(filters, [], referralCohortCounting).from === referralFacts
	);
}

/**
 * Headline counts of referrals under the filters: from the referral cube (or, under the cohort filters, the
 * cohort cube) and the children's first cells (referral-children-first.ts) when they answer the filters, else
 * from the facts. `children`: the name of a CTE of the query holding `passingChildren(filters)`, where the
 * facts path counts the children with more than one referral (rather than distinct over the facts rows).
 */
export function referralHeadline(filters: Filters, children?: Sql): Sql {
	const counts = referralCounts(filters, [], referralCohortCounting);
	if (!referralHeadlineOnFacts(filters)) {
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
	${keyedAs('children', children ? passingChildCount(children) : childCount())},
	${keyedAs('repeat_referrals', rowCount(sql`is_repeat`))},
	${keyedAs('looked_after', rowCount(sql`looked_after`))},
	${keyedAs('looked_after_known', rowCount(sql`looked_after IS NOT NULL`))}
FROM ${referralFacts}
WHERE ${filterPredicate(filters, referralColumns)}`;
}

/**
 * Distinct children among the facts rows that pass: those whose only referral passes, counted row by row,
 * and one per row of `children` (`passingChildren`): the count and key `childCount` gives.
 */
function passingChildCount(children: Sql): Keyed {
	const solo = rowCount(sql`solo_all`);
	return {
		count: sql`(${solo.count} + (SELECT count(*) FROM ${children}))`,
		keySum: sql`(COALESCE(sum(${childCellHash}) FILTER (WHERE solo_all), 0) + (SELECT COALESCE(sum(${childCellHash}), 0) FROM ${children}))`
	};
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
