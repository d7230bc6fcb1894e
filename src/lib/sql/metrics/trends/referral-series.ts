import { districts } from '$lib/contract';
import type { Filters } from '$lib/state/filters';
import type { Grain } from '$lib/transform/calendar';
import { referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { sql, type Sql } from '../../sql';
import { ALL_AREAS, periodAreaGrid, periodOf } from './period-area-grid';

export { ALL_AREAS } from './period-area-grid';

export interface ReferralSeriesRow {
	/** First day of the month or quarter, yyyy-mm-dd. */
	period: string;
	/** A district code, or `all` for every (selected) district together. */
	area: string;
	referrals: number;
	/** Referrals of a child referred in the 12 months before (see derived.ts). */
	repeat_referrals: number;
	looked_after: number;
	looked_after_known: number;
	/** Referrals of children aged under 15 on the referral date. */
	under_15: number;
}

/**
 * Referrals, repeat referrals, looked-after and under-15 counts per month or financial quarter, for every
 * selected district and for all of them together, from the period containing `first` to the one containing
 * `last`, with zeros where nothing was referred. The filters' own period applies too. Distinct children
 * are a separate, slower query (`childSeries`) so these charts need not wait for it.
 */
export function referralSeries(
	filters: Filters,
	{ grain, first, last }: { grain: Grain; first: string; last: string }
): Sql {
	const grid = periodAreaGrid(first, last, grain, [ALL_AREAS, ...(filters.districts ?? districts.codes)]);
	return sql`WITH periods AS (${grid.periods}),
areas AS (${grid.areas}),
counts AS (
	SELECT ${periodOf(grain)} AS period,
		CASE WHEN grouping(district) = 1 THEN ${ALL_AREAS} ELSE CAST(district AS VARCHAR) END AS area,
		count(*) AS referrals,
		count(*) FILTER (WHERE is_repeat) AS repeat_referrals,
		count(*) FILTER (WHERE looked_after) AS looked_after,
		count(looked_after) AS looked_after_known,
		count(*) FILTER (WHERE age_at_referral < 15) AS under_15
	FROM ${referralFacts}
	WHERE ${filterPredicate(filters, referralColumns)}
	GROUP BY GROUPING SETS ((1, district), (1))
)
SELECT CAST(p.period AS VARCHAR) AS period, a.area,
	COALESCE(c.referrals, 0) AS referrals,
	COALESCE(c.repeat_referrals, 0) AS repeat_referrals,
	COALESCE(c.looked_after, 0) AS looked_after,
	COALESCE(c.looked_after_known, 0) AS looked_after_known,
	COALESCE(c.under_15, 0) AS under_15
FROM periods p CROSS JOIN areas a
LEFT JOIN counts c ON c.period = p.period AND c.area = a.area
ORDER BY p.period, a.area = ${ALL_AREAS} DESC, a.area`;
}
