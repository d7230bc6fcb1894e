import type { Filters } from '$lib/domain/filters';
import { referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { sql, type Sql } from '../../sql';
import { childCount, keyedAs, rowCount } from '../../keyed-count';

/** How a cohort's interventions are broken down: in all, by district of the child, or by calendar quarter. */
export type InterventionGrouping = 'none' | 'district' | 'quarter';

export interface CohortInterventionRow {
	/** '' in all, a district code, or the first day of a calendar quarter (yyyy-mm-dd). */
	group: string;
	/** An intervention kind code ('none' when no intervention was offered), or 'not_recorded' (left blank). */
	intervention: string;
	referrals: number;
	/** Distinct children with a referral of this kind in the group: what a programme plans places for. */
	children: number;
}

/**
 * A cohort's interventions: referrals and distinct children by kind of intervention, in all, per district
 * or per calendar quarter of referral. Unlike the Pathway page's mix, the district filter applies here
 * (a cohort may be one district), and children are counted as well as referrals, since a child referred
 * twice is one place on a programme. Both counts carry their cell keys (keyed-count.ts): unkeyed, the seam
 * withheld them and the Cohorts page showed every kind as 0 in publication mode.
 */
export function cohortInterventions(filters: Filters, grouping: InterventionGrouping = 'none'): Sql {
	const group =
		grouping === 'district'
			? sql`CAST(district AS VARCHAR)`
			: grouping === 'quarter'
				? sql`CAST(CAST(date_trunc('quarter', referral_date) AS DATE) AS VARCHAR)`
				: sql`''`;
	return sql`SELECT ${group} AS "group",
	coalesce(CAST(intervention AS VARCHAR), 'not_recorded') AS intervention,
	${keyedAs('referrals', rowCount())},
	${keyedAs('children', childCount())}
FROM ${referralFacts}
WHERE ${filterPredicate(filters, referralColumns)}
GROUP BY ALL
ORDER BY 1, 2`;
}
