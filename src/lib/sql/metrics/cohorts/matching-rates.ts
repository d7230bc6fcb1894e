import type { Filters } from '$lib/domain/filters';
import type { MatchingPopulation } from '$lib/domain/matching-population';
import { filterPredicate, referralColumns } from '../../filters';
import { rowCount } from '../../keyed-count';
import { and, sql, type Sql } from '../../sql';
import { distinctChildren, rateQuery, type RatePeriod, type RateQuery } from '../districts/rate-query';

export interface MatchingRateRow {
	district: string;
	/** The cohort's referrals and children in the period (every filter but the district). */
	referrals: number;
	children: number;
	/** The cohort's referrals of the population's ages: the rate's numerator. */
	counted: number;
	/** Children of the population's sex and ages × years of the period: the rate's denominator. */
	person_years: number;
}

/**
 * A cohort's referrals per district with the matching population at risk, for rates per 10,000 a year:
 * the numerator counts the cohort's referrals of the population's ages, the denominator sums the
 * population rows of its sex (both when none) and its single years of age (or whole bands, when the
 * reference has no single years), weighted into person-years as `districtRates` does. Every district of
 * the population appears; the district filter is left to the page, which compares districts.
 */
export function matchingRates(filters: Filters, period: RatePeriod, population: MatchingPopulation): Sql {
	const where = filterPredicate(filters, referralColumns, ['districts', 'from', 'to']);
	const ages = population.ages.length > 0 ? population.ages : [-1];
	const counted: RateQuery['counted'] = [
		['referrals', rowCount()],
		['children', distinctChildren],
		['counted', rowCount(sql`age_at_referral IN ${ages}`)]
	];
	const rows = and(
		population.bands.length > 0 ? sql`p.age_band IN ${population.bands}` : sql`p.age IN ${ages}`,
		population.sex !== undefined ? sql`p.sex = ${population.sex}` : undefined
	);
	return rateQuery({
		period,
		where,
		counted,
		exposure: [sql`sum(p.children * s.fraction) FILTER (WHERE ${rows}) AS person_years`],
		exposureColumns: [sql`coalesce(e.person_years, 0) AS person_years`]
	}).publishing('person_years');
}
