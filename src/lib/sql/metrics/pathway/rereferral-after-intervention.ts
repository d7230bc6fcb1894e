import type { Filters } from '$lib/state/filters';
import { referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { sql, type Sql } from '../../sql';

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
	return sql`WITH filtered AS (
	SELECT child_id, referral_id, referral_date, CAST(intervention AS VARCHAR) AS kind,
		CASE WHEN intervention IS NULL THEN 2 WHEN intervention = 'none' THEN 0 ELSE 1 END AS has_intervention
	FROM ${referralFacts}
	WHERE ${filterPredicate(filters, referralColumns)}
),
ranked AS (
	SELECT *,
		row_number() OVER (PARTITION BY child_id, has_intervention ORDER BY referral_date, referral_id) AS n,
		max(CASE WHEN has_intervention = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY child_id) AS ever
	FROM filtered
),
index_referrals AS (
	SELECT child_id, referral_date AS index_date, kind
	FROM ranked
	WHERE n = 1 AND ((ever = 1 AND has_intervention = 1) OR (ever = 0 AND has_intervention = 0))
),
data_end AS (SELECT max(referral_date) AS last_date FROM ${referralFacts}),
outcomes AS (
	SELECT i.child_id, i.kind,
		CAST(i.index_date + INTERVAL 12 MONTH AS DATE) <= any_value(e.last_date) AS followed_up,
		count(r.referral_id) > 0 AS again
	FROM index_referrals i
	CROSS JOIN data_end e
	LEFT JOIN ${referralFacts} r
		ON r.child_id = i.child_id
		AND r.referral_date > i.index_date
		AND r.referral_date <= CAST(i.index_date + INTERVAL 12 MONTH AS DATE)
	GROUP BY i.child_id, i.kind, i.index_date
)
SELECT kind AS intervention,
	count(*) FILTER (WHERE followed_up) AS children,
	count(*) FILTER (WHERE followed_up AND again) AS re_referred,
	count(*) FILTER (WHERE NOT followed_up) AS follow_up_incomplete
FROM outcomes
GROUP BY kind
ORDER BY kind`;
}
