import { districts, ethnicities, genders, type District } from '../../src/lib/contract';
import { sampleAgeAtFirstReferral } from './age-profile';
import type { ChildStore } from './child-store';
import { codeIndex } from './code-index';
import { NULL_INT } from './columnar-table';
import { addYears } from './day-number';
import { PLANTED_COHORT_AGES } from './planted-cohort';
import type { Prng } from './prng';
import { bernoulli, categorical, cumulative, logistic, normal, uniformInt } from './samplers';

const GENDER = codeIndex(genders);
const ETHNICITY = codeIndex(ethnicities);

/** Gender of referred children: boys 80–90% (NRM county-lines referrals: about 88% boys). */
const genderWeights: readonly (readonly [number, number])[] = [
	[GENDER.male, 0.85],
	[GENDER.female, 0.14],
	[GENDER.indeterminate, 0.003],
	[GENDER.not_recorded, 0.007]
];
const genderChances = cumulative(genderWeights.map(([, weight]) => weight));

/**
 * Ethnicity of referred children by district (ONS five groups plus unknown): mostly White, more diverse in
 * Peterborough and Cambridge, with Black and Mixed children somewhat over-represented as in exploitation data.
 */
const ethnicityWeights: Readonly<Record<District, readonly number[]>> = {
	cambridge: [68, 9, 9, 7, 3, 4],
	east_cambridgeshire: [86, 5, 2, 2, 1, 4],
	fenland: [88, 4, 1.5, 1.5, 1.5, 3.5],
	huntingdonshire: [83, 6, 3, 3, 1.5, 3.5],
	south_cambridgeshire: [82, 6, 5, 2.5, 1.5, 3],
	peterborough: [64, 8, 15, 6, 3, 4]
};
const ethnicityByDistrict = Object.fromEntries(
	Object.entries(ethnicityWeights).map(([district, weights]) => [district, cumulative(weights)])
) as Record<District, Float64Array>;
const ethnicityOrder = [
	ETHNICITY.white,
	ETHNICITY.mixed,
	ETHNICITY.asian,
	ETHNICITY.black,
	ETHNICITY.other,
	ETHNICITY.unknown
];

/** Looked-after at first referral: about 20% on average, more likely the higher the child's latent risk. */
const lookedAfterLogit = (risk: number): number => -1.45 + 0.6 * risk;
/** Share of the others who come into care within 18 months of their first referral. */
const LATER_CARE = 0.08;

export interface NewChild {
	readonly district: number;
	readonly day: number;
	/** 0 at the start of the extract window, 1 at the extract date: drives the ageing-down signal. */
	readonly progress: number;
	/** A child of the planted cohort (planted-cohort.ts): a boy of 14–17 with raised latent risk. */
	readonly planted?: boolean;
}

/** Latent risk added for the planted cohort: children drawn into a county line are referred as more severe. */
const PLANTED_RISK_SHIFT = 0.5;

/** Adds a newly referred child to the store and returns its number. */
export function sampleChild(rng: Prng, store: ChildStore, child: NewChild): number {
	const age = child.planted
		? uniformInt(rng, PLANTED_COHORT_AGES[0], PLANTED_COHORT_AGES[1])
		: sampleAgeAtFirstReferral(rng, child.progress);
	// Born between (age + 1) years and age years before the referral, so the age at referral is exactly `age`.
	const latestBirth = addYears(child.day, -age);
	const earliestBirth = addYears(child.day, -(age + 1)) + 1;
	const risk = normal(rng) + (child.planted ? PLANTED_RISK_SHIFT : 0);
	const code = districts.codes[child.district] ?? 'cambridge';
	const lookedAfter = bernoulli(rng, logistic(lookedAfterLogit(risk)));
	const lookedAfterFrom = lookedAfter
		? child.day - uniformInt(rng, 0, Math.min(5 * 365, age * 365))
		: bernoulli(rng, LATER_CARE)
			? child.day + uniformInt(rng, 30, 540)
			: NULL_INT;
	store.district.push(child.district);
	store.birth.push(uniformInt(rng, earliestBirth, latestBirth));
	const gender = genderWeights[categorical(rng, genderChances)]?.[0] ?? GENDER.male;
	store.gender.push(child.planted ? GENDER.male : gender);
	store.ethnicity.push(ethnicityOrder[categorical(rng, ethnicityByDistrict[code])] ?? ETHNICITY.unknown);
	store.risk.push(risk);
	store.lookedAfterFrom.push(lookedAfterFrom);
	store.firstReferral.push(child.day);
	store.firstEpisode.push(0);
	return store.episodeCount.push(0);
}
