import { districts } from '$lib/contract';
import type { Filters } from '$lib/state/filters';
import { periodStart, type Grain } from '$lib/transform/calendar';
import { referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { join, literal, sql, Sql } from '../../sql';

/** The area code of a row that counts every district together (under the district filter). */
export const ALL_AREAS = 'all';

export interface ReferralSeriesRow {
	/** First day of the month or quarter, yyyy-mm-dd. */
	period: string;
	/** A district code, or `all` for every (selected) district together. */
	area: string;
	referrals: number;
	/** Distinct children referred in the period (not the sum of the districts' counts). */
	children: number;
	/** Referrals of a child referred in the 12 months before (see derived.ts). */
	repeat_referrals: number;
	looked_after: number;
	looked_after_known: number;
	/** Referrals of children aged under 15 on the referral date. */
	under_15: number;
}

const grainUnit = (grain: Grain) => new Sql(grain === 'month' ? "'month'" : "'quarter'");
const grainStep = (grain: Grain) => new Sql(grain === 'month' ? 'INTERVAL 1 MONTH' : 'INTERVAL 3 MONTH');

/** A complete grid of periods × areas, so a period or district with no referrals is a real zero. */
export function periodAreaGrid(
	first: string,
	last: string,
	grain: Grain,
	areas: readonly string[]
): { periods: Sql; areas: Sql } {
	return {
		periods: sql`SELECT CAST(generate_series AS DATE) AS period FROM generate_series(CAST(${periodStart(first, grain)} AS TIMESTAMP), CAST(${periodStart(last, grain)} AS TIMESTAMP), ${grainStep(grain)})`,
		areas: sql`SELECT * FROM (VALUES ${join(areas.map((area) => sql`(${literal(area)})`))}) AS a(area)`
	};
}

/**
 * Referrals, children, repeat referrals, looked-after and under-15 counts per month or financial quarter
 * (quarters share calendar-quarter boundaries), for every selected district and for all of them together,
 * from the period containing `first` to the one containing `last`, with zeros where nothing was referred.
 * The filters' own period applies too; pass the span to show as `first`/`last`.
 */
export function referralSeries(
	filters: Filters,
	{ grain, first, last }: { grain: Grain; first: string; last: string }
): Sql {
	const grid = periodAreaGrid(first, last, grain, [ALL_AREAS, ...(filters.districts ?? districts.codes)]);
	return sql`WITH periods AS (${grid.periods}),
areas AS (${grid.areas}),
facts AS (
	SELECT CAST(date_trunc(${grainUnit(grain)}, referral_date) AS DATE) AS period, district, child_id, is_repeat,
		looked_after, age_at_referral
	FROM ${referralFacts}
	WHERE ${filterPredicate(filters, referralColumns)}
),
counts AS (
	SELECT period,
		CASE WHEN grouping(district) = 1 THEN ${ALL_AREAS} ELSE CAST(district AS VARCHAR) END AS area,
		count(*) AS referrals,
		count(DISTINCT child_id) AS children,
		count(*) FILTER (WHERE is_repeat) AS repeat_referrals,
		count(*) FILTER (WHERE looked_after) AS looked_after,
		count(looked_after) AS looked_after_known,
		count(*) FILTER (WHERE age_at_referral < 15) AS under_15
	FROM facts
	GROUP BY GROUPING SETS ((period, district), (period))
)
SELECT CAST(p.period AS VARCHAR) AS period, a.area,
	COALESCE(c.referrals, 0) AS referrals,
	COALESCE(c.children, 0) AS children,
	COALESCE(c.repeat_referrals, 0) AS repeat_referrals,
	COALESCE(c.looked_after, 0) AS looked_after,
	COALESCE(c.looked_after_known, 0) AS looked_after_known,
	COALESCE(c.under_15, 0) AS under_15
FROM periods p CROSS JOIN areas a
LEFT JOIN counts c ON c.period = p.period AND c.area = a.area
ORDER BY p.period, a.area = ${ALL_AREAS} DESC, a.area`;
}
