import type { Filters } from '$lib/domain/filters';
import { filterPredicate, referralColumns } from '../../filters';
import { sql, type Sql } from '../../sql';
import { rowCount } from '../../keyed-count';
import { distinctChildren, rateQuery, type RatePeriod, type RateQuery } from './rate-query';

export type { RatePeriod };

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
	const counted: RateQuery['counted'] = [
		['referrals', rowCount()],
		['children', distinctChildren],
		['referrals_0_17', rowCount(sql`age_at_referral BETWEEN 0 AND 17`)],
		['referrals_10_17', rowCount(sql`age_at_referral BETWEEN 10 AND 17`)],
		['repeat_referrals', rowCount(sql`is_repeat`)],
		['looked_after', rowCount(sql`looked_after`)],
		['looked_after_known', rowCount(sql`looked_after IS NOT NULL`)]
	];
	return rateQuery({
		period,
		where,
		counted,
		exposure: [
			sql`sum(p.children * s.fraction) AS person_years_0_17`,
			sql`coalesce(sum(p.children * s.fraction) FILTER (WHERE p.age_band = '10-17'), 0) AS person_years_10_17`,
			sql`string_agg(DISTINCT CAST(p.year AS VARCHAR), ', ' ORDER BY CAST(p.year AS VARCHAR))
			FILTER (WHERE p.source LIKE 'ONS%' AND s.fraction > 0) AS ons_years`
		],
		exposureColumns: [sql`e.person_years_0_17`, sql`e.person_years_10_17`, sql`e.ons_years`]
	}).publishing('person_years_0_17', 'person_years_10_17');
}
