import { ageBandRanges, populationBandAges, type PopulationSex } from '$lib/contract';
import type { Filters } from './filters';

/** What the loaded population reference breaks its children down by (`populationDetail` in sql/). */
export interface PopulationDetail {
	/** Every row is for one sex. */
	readonly bySex: boolean;
	/** Every row is for one single year of age. */
	readonly byAge: boolean;
	/** The age bands the reference has rows for ('0-9', '10-17', or '0-17' from an areas file). */
	readonly bands: readonly string[];
}

/**
 * Why a cohort's rate is per a wider population than the cohort: no estimate by sex, none by single year of
 * age, or a cohort with no children (the reference counts children only).
 */
export type WiderBecause = 'sex' | 'age' | 'no-children';

/**
 * The population a cohort's rate is per: the children of the cohort's sex and single years of age where the
 * reference has them, else the narrowest population it has that holds the cohort, saying why.
 */
export interface MatchingPopulation {
	/** The single years of age counted, in the rate's numerator and denominator alike, ascending. */
	readonly ages: readonly number[];
	/** Bands summed for the denominator when the reference has no single years (empty when it has). */
	readonly bands: readonly string[];
	/** The sex counted; undefined: both sexes. */
	readonly sex: PopulationSex | undefined;
	/** What the cohort asked for that the reference could not give. */
	readonly wider: readonly WiderBecause[];
}

const childAges = Array.from({ length: 18 }, (_, age) => age);

/** The ages 0 to 17 a cohort's filters allow (single-year range and age bands together). */
export function cohortChildAges(filters: Filters): number[] {
	return childAges.filter(
		(age) =>
			(filters.ageFrom === undefined || age >= filters.ageFrom) &&
			(filters.ageTo === undefined || age <= filters.ageTo) &&
			(filters.ageBands === undefined ||
				filters.ageBands.some((band) => age >= ageBandRanges[band][0] && age <= ageBandRanges[band][1]))
	);
}

/**
 * The population a cohort's rates divide by. Its ages are the cohort's ages 0 to 17 (all of 0 to 17 when the
 * cohort has none: a cohort of young adults is compared with children, and counts none of its referrals);
 * without single years in the reference, the whole bands that hold them. Its sex is the cohort's when the
 * cohort is boys only or girls only and the reference is by sex; otherwise both sexes.
 */
export function matchingPopulation(filters: Filters, detail: PopulationDetail): MatchingPopulation {
	const wanted = cohortChildAges(filters);
	const asked = wanted.length > 0 ? wanted : childAges;
	const wider: WiderBecause[] = wanted.length > 0 ? [] : ['no-children'];
	let ages = asked;
	let bands: string[] = [];
	if (!detail.byAge) {
		bands = detail.bands.filter((band) => {
			const [first, last] = populationBandAges[band] ?? [0, -1];
			return asked.some((age) => age >= first && age <= last);
		});
		ages = childAges.filter((age) =>
			bands.some((band) => age >= populationBandAges[band]![0] && age <= populationBandAges[band]![1])
		);
		if (ages.length !== asked.length) wider.push('age');
	}
	const genders = filters.genders ?? [];
	const one =
		genders.length === 1 && (genders[0] === 'male' || genders[0] === 'female') ? genders[0] : undefined;
	if (one !== undefined && !detail.bySex) wider.push('sex');
	return { ages, bands, sex: detail.bySex ? one : undefined, wider };
}
