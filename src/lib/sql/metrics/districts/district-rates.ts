import type { Filters } from '$lib/domain/filters';
import { referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { ident, join, sql, type Sql } from '../../sql';
import { childCount, keyedAs, keyedThrough, rowCount, type Keyed } from '../../keyed-count';

/** The period a rate is measured over: both ends inclusive, yyyy-mm-dd. */
export interface RatePeriod {
	from: string;
	to: string;
}

export interface DistrictRateRow {
	district: string;
	/** Referrals of any age under the filters. */
	referrals: number;
	children: number;
	/** Numerators of the rates: referrals of children aged 0–17 and 10–17 at referral. */
	referrals_0_17: number;
	referrals_10_17: number;
	repeat_referrals: number;
	looked_after: number;
	/** Referrals whose looked-after status is recorded. */
	looked_after_known: number;
	/** Children aged 0–17 (10–17) × years of the period they are counted for: the rates' denominators. */
	person_years_0_17: number;
	person_years_10_17: number;
	/** Mid-years whose estimate for this district comes from the ONS (source text starts "ONS"), e.g. "2023, 2024". */
	ons_years: string | null;
}

/**
 * The CTEs `span` (each calendar year the period touches, with the fraction of it the period covers) and
 * `known` (the first and last year of the population table), from which a rate's person-years are summed:
 * `JOIN population p ON p.year = least(greatest(s.year, k.first_year), k.last_year)`, so years outside the
 * table use the nearest year's estimate.
 */
export function exposureYears(period: RatePeriod): Sql {
	return sql`span AS (
	SELECT y AS year,
		greatest(0, least(CAST(${period.to} AS DATE), make_date(y, 12, 31))
			- greatest(CAST(${period.from} AS DATE), make_date(y, 1, 1)) + 1)
			/ (make_date(y, 12, 31) - make_date(y, 1, 1) + 1) AS fraction
	FROM range(year(CAST(${period.from} AS DATE)), year(CAST(${period.to} AS DATE)) + 1) AS years(y)
),
known AS (SELECT min(year) AS first_year, max(year) AS last_year FROM ${ident('population')})`;
}

/**
 * Referrals and the child population at risk per district, for rates per 10,000 children a year.
 *
 * The denominator is person-years: each mid-year estimate in the population table is weighted by the share
 * of that calendar year the period covers (days / days in the year), so a 12-month period counts each child
 * about once and a five-year period about five times; a rate is then "per 10,000 children a year" whatever
 * the period. Years outside the table use the nearest year's estimate. Every district appears, with zero
 * referrals if need be. The age-band filter does not apply (the population is known only for 0–9 and
 * 10–17), nor does the district filter: the page compares every district with the partnership.
 */
export function districtRates(filters: Filters, period: RatePeriod): Sql {
	const where = filterPredicate(filters, referralColumns, ['districts', 'ageBands', 'from', 'to']);
	const population = ident('population');
	const counted: [string, Keyed][] = [
		['referrals', rowCount()],
		['children', childCount()],
		['referrals_0_17', rowCount(sql`age_at_referral BETWEEN 0 AND 17`)],
		['referrals_10_17', rowCount(sql`age_at_referral BETWEEN 10 AND 17`)],
		['repeat_referrals', rowCount(sql`is_repeat`)],
		['looked_after', rowCount(sql`looked_after`)],
		['looked_after_known', rowCount(sql`looked_after IS NOT NULL`)]
	];
	return sql`WITH ${exposureYears(period)},
exposure AS (
	SELECT p.district,
		sum(p.children * s.fraction) AS person_years_0_17,
		coalesce(sum(p.children * s.fraction) FILTER (WHERE p.age_band = '10-17'), 0) AS person_years_10_17,
		string_agg(DISTINCT CAST(p.year AS VARCHAR), ', ' ORDER BY CAST(p.year AS VARCHAR))
			FILTER (WHERE p.source LIKE 'ONS%' AND s.fraction > 0) AS ons_years
	FROM span s
	CROSS JOIN known k
	JOIN ${population} p ON p.year = least(greatest(s.year, k.first_year), k.last_year)
	GROUP BY 1
),
counts AS (
	SELECT district,
		${join(counted.map(([name, keyed]) => keyedAs(name, keyed)))}
	FROM ${referralFacts}
	WHERE referral_date BETWEEN CAST(${period.from} AS DATE) AND CAST(${period.to} AS DATE) AND (${where})
	GROUP BY 1
)
SELECT CAST(e.district AS VARCHAR) AS district,
	${join(counted.map(([name]) => keyedThrough(name, 'c')))},
	e.person_years_0_17,
	e.person_years_10_17,
	e.ons_years
FROM exposure e
LEFT JOIN counts c USING (district)
ORDER BY e.district`.publishing('person_years_0_17', 'person_years_10_17');
}
