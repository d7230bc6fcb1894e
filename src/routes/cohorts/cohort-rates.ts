import type { DisclosureSymbol } from '$lib/publication/withheld';
import { districts, type District } from '$lib/contract';
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
 * The cohort's districts (those the filters choose, else all six) with rates per 10,000 of the matching
 * population a year and 95% intervals (exact Poisson under 10, Byar's method from 10), from the counts as
 * shown (in publication mode perturbed at the seam).
 */
export function cohortDistrictRates(
	rows: readonly MatchingRateRow[],
	{ filters }: { filters: Filters }
): CohortDistrictRate[] {
	const chosen = new Set<string>(filters.districts ?? districts.codes);
	const rates = rows
		.filter((row) => chosen.has(row.district))
		.map((row): CohortDistrictRate => {
			const estimate = rateWithInterval(row.counted, row.person_years);
			return {
				district: row.district,
				districtLabel: districts.label(row.district as District),
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
