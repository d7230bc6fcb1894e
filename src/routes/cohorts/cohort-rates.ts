import type { DisclosureSymbol } from '$lib/publication/withheld';
import type { AreaReference } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import type { MatchingRateRow } from '$lib/sql/metrics/cohorts/matching-rates';
import { rateWithInterval } from '$lib/stats';

/** One district of a cohort: its referrals and children, and its rate per 10,000 of the matching population a year. */
export interface CohortDistrictRate {
	district: string;
	districtLabel: string;
	referrals: number | null;
	children: number | null;
	/** Referrals of the population's ages: the rate's numerator. */
	counted: number | null;
	/** Children of the population's sex and ages × years: the rate's denominator. */
	personYears: number;
	rate: number | null;
	lower: number | null;
	upper: number | null;
	suppressed?: Record<string, DisclosureSymbol>;
}

/**
 * The cohort's districts (those the filters choose, else every area of the loaded reference: the bundled six,
 * or the areas of an ONS or areas file) with rates per 10,000 of the matching
 * population a year and 95% intervals (exact Poisson under 10, Byar's method from 10), from the counts as
 * shown (in publication mode perturbed at the seam).
 */
export function cohortDistrictRates(
	rows: readonly MatchingRateRow[],
	{ filters, areas }: { filters: Filters; areas: AreaReference }
): CohortDistrictRate[] {
	// The loaded areas, not the bundled districts: with a regional reference the by-district chart was empty.
	const chosen = new Set<string>(filters.districts ?? areas.enumeration.codes);
	const rates = rows
		.filter((row) => chosen.has(row.district))
		.map((row): CohortDistrictRate => {
			const estimate = rateWithInterval(row.counted, row.person_years);
			return {
				district: row.district,
				districtLabel: areas.label(row.district),
				referrals: row.referrals,
				children: row.children,
				counted: row.counted,
				personYears: row.person_years,
				rate: estimate.value,
				lower: estimate.lower,
				upper: estimate.upper
			};
		});
	return rates;
}
