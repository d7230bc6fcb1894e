import type { DisclosureSymbol } from '$lib/publication/withheld';
import { districts, type District } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import type { DistrictRateRow } from '$lib/sql/metrics/districts/district-rates';
import { rateWithInterval } from '$lib/stats';

/** The population a cohort's rates are per: the narrowest band of the reference that holds its ages. */
export type RatePopulation = '10_17' | '0_17';

/** Children aged 10 to 17 in the analysis bands (the population reference is known for 10–17 and 0–9). */
const bands10To17 = new Set(['10-12', '13-14', '15-16', '17']);

/**
 * Which population a cohort's rates divide by. The reference has children aged 0–9 and 10–17 by district
 * and year, for both sexes together: a cohort within ages 10 to 17 is compared with children aged 10 to 17,
 * any other with children aged 0 to 17 (counting only its referrals aged 0 to 17).
 */
export function ratePopulation(filters: Filters): RatePopulation {
	const byYears = filters.ageFrom !== undefined && filters.ageFrom >= 10 && (filters.ageTo ?? 24) <= 17;
	const byBands =
		filters.ageBands !== undefined &&
		filters.ageBands.length > 0 &&
		filters.ageBands.every((band) => bands10To17.has(band));
	return byYears || byBands ? '10_17' : '0_17';
}

/** One district of a cohort: its referrals and children, and its rate per 10,000 children a year. */
export interface CohortDistrictRate {
	district: string;
	districtLabel: string;
	referrals: number | null;
	children: number | null;
	/** Referrals of the rate's ages: its numerator. */
	counted: number | null;
	/** Children of the rate's ages × years: its denominator. */
	personYears: number;
	rate: number | null;
	lower: number | null;
	upper: number | null;
	suppressed?: Record<string, DisclosureSymbol>;
}

/**
 * The cohort's districts (those the filters choose, else all six) with rates per 10,000 children of the
 * rate's population a year and 95% intervals (exact Poisson under 10, Byar's method from 10), from the
 * counts as shown (in publication mode perturbed at the seam).
 */
export function cohortDistrictRates(
	rows: readonly DistrictRateRow[],
	{ filters, population }: { filters: Filters; population: RatePopulation }
): CohortDistrictRate[] {
	const chosen = new Set<string>(filters.districts ?? districts.codes);
	const rates = rows
		.filter((row) => chosen.has(row.district))
		.map((row): CohortDistrictRate => {
			const counted = population === '10_17' ? row.referrals_10_17 : row.referrals_0_17;
			const personYears = population === '10_17' ? row.person_years_10_17 : row.person_years_0_17;
			const estimate = rateWithInterval(counted, personYears);
			return {
				district: row.district,
				districtLabel: districts.label(row.district as District),
				referrals: row.referrals,
				children: row.children,
				counted,
				personYears,
				rate: estimate.value,
				lower: estimate.lower,
				upper: estimate.upper
			};
		});
	return rates;
}
