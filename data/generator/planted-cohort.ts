import type { District } from '../../src/lib/contract';
import { monthOf, weekday, yearOf } from './day-number';
import { childrenAged10to17, type PopulationRow } from './district-population';
import { districtRateRatio, referralSeasonality, weekdayWeight } from './referral-intensity';

/**
 * Planted signal 4: a growing cohort for the demand projection to find. A county line working Huntingdonshire
 * and East Cambridgeshire draws in boys aged 14–17 whose referrals record drug use and concerning adults; their
 * referrals grow by `PLANTED_COHORT_GROWTH` a year (exponentially, with the usual school-year season) through
 * the whole simulated period. A correct projection of that cohort must see the growth: its year-on-year growth
 * interval should exclude zero and contain the planted rate.
 */
export const PLANTED_COHORT_DISTRICTS: readonly District[] = ['huntingdonshire', 'east_cambridgeshire'];

/** Growth of the planted cohort's referral rate per year (0.5 = 50% more each year). */
export const PLANTED_COHORT_GROWTH = 0.5;

/**
 * The planted cohort's referral rate on the extract date, as a share of its district's own baseline rate then
 * (its children aged 10–17 × district rate, before background growth): about 25 referrals a year in each
 * district in the demo's last 12 months, 4 to 5 times what the background gives that cohort there.
 */
export const PLANTED_COHORT_SHARE = 0.8;

/** Ages of the planted cohort's children at referral (inclusive): each equally likely. */
export const PLANTED_COHORT_AGES = [14, 17] as const;

export interface PlantedCohortSettings {
	readonly extract: number;
	readonly population: readonly PopulationRow[];
}

/**
 * The planted cohort's relative daily referral intensity in a district (0 outside its districts), in the same
 * units as `referralIntensity`: a fixed level per district (its population in the extract year, so the
 * reference's yearly steps do not bend the planted curve) × exp(growth) × season × weekday.
 */
export function plantedCohortIntensity(
	settings: PlantedCohortSettings
): (district: District, day: number) => number {
	const { extract, population } = settings;
	const perYear = Math.log(1 + PLANTED_COHORT_GROWTH);
	const level = (district: District): number =>
		PLANTED_COHORT_DISTRICTS.includes(district)
			? childrenAged10to17(population, district, yearOf(extract)) *
				districtRateRatio[district] *
				PLANTED_COHORT_SHARE
			: 0;
	return (district, day) => {
		const base = level(district);
		if (base === 0) return 0;
		return (
			base *
			Math.exp((perYear * (day - extract)) / 365.25) *
			(referralSeasonality[monthOf(day) - 1] ?? 1) *
			(weekdayWeight[weekday(day)] ?? 1)
		);
	};
}
