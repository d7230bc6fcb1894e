import type { Filters } from '$lib/domain/filters';
import { referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { sql, type Sql } from '../../sql';
import { keyedAs, perChildCount } from '../../keyed-count';

export interface RereferralRow {
	/** The intervention kind of the child's index referral; 'none' for children with no intervention. */
	intervention: string;
	/** Children whose 12 months after the index referral lie within the data: the denominator. */
	children: number;
	/** Of those, children referred again within 12 months after the index referral. */
	re_referred: number;
	/** Children left out because fewer than 12 months of data follow their index referral. */
	follow_up_incomplete: number;
}

/**
 * Re-referral after an intervention. The extract has no intervention date, so the referral that led to the
 * intervention stands in for it. For each child, the index referral is their first referral under the
 * filters with an intervention recorded (deter, understand or disrupt), or, for children with none, their
 * first referral recorded as no intervention; children whose intervention is never recorded are left out.
 * A child was re-referred when any later referral of theirs in the loaded data (in any district, whatever
 * the filters, as for repeat referrals) falls after the index date and within 12 months of it. Only
 * children with a full 12 months of data after the index date (up to the last referral loaded) are counted.
 */
export function rereferralAfterIntervention(filters: Filters): Sql {
	// One pass: each child's index referral is the least by (no intervention after any intervention, date, id).
	return sql`WITH index_referrals AS (
	SELECT any_value(child_cell_hash) AS child_cell_hash, arg_min(
		{'kind': CAST(intervention AS VARCHAR), 'index_date': referral_date, 'next_date': next_referral_date},
		{'rank': CASE WHEN intervention = 'none' THEN 1 ELSE 0 END, 'date': referral_date, 'id': referral_id}
	) AS chosen
	FROM ${referralFacts}
	WHERE ${filterPredicate(filters, referralColumns)} AND intervention IS NOT NULL
	GROUP BY child_key
),
data_end AS (SELECT max(referral_date) AS last_date FROM ${referralFacts}),
outcomes AS (
	SELECT chosen.kind AS kind, child_cell_hash,
		CAST(chosen.index_date + INTERVAL 12 MONTH AS DATE) <= e.last_date AS followed_up,
		COALESCE(chosen.next_date <= CAST(chosen.index_date + INTERVAL 12 MONTH AS DATE), FALSE) AS again
	FROM index_referrals
	CROSS JOIN data_end e
)
SELECT kind AS intervention,
	${keyedAs('children', perChildCount(sql`followed_up`))},
	${keyedAs('re_referred', perChildCount(sql`followed_up AND again`))},
	${keyedAs('follow_up_incomplete', perChildCount(sql`NOT followed_up`))}
FROM outcomes
GROUP BY kind
ORDER BY kind`;
}
