import { z } from 'zod';
import {
	ageBands,
	areaSchema,
	enumeration,
	ethnicities,
	genders,
	indicatorColumns,
	interventionKinds,
	isoDate,
	pathwayStages,
	referralSources,
	riskLevels,
	type IndicatorColumn
} from '$lib/contract';

/**
 * What a chosen indicator must be on a referral: present (at any level), assessed as not present (level
 * "none"), or not assessed. The three are exclusive, so each is one condition a referral meets or not.
 */
export const indicatorConditions = ['present', 'absent', 'not_assessed'] as const;
export type IndicatorCondition = (typeof indicatorConditions)[number];

/**
 * How the chosen indicators' conditions combine: every one holds, at least one holds, or at least `atLeast`
 * hold. "Not present" and "not assessed" are conditions like "present": "any of drug use, not assessed
 * missing" matches a referral with drug use present or with missing not assessed.
 */
export const indicatorMatches = ['all', 'any', 'at_least'] as const;
export type IndicatorMatch = (typeof indicatorMatches)[number];

const indicatorColumnSchema = z.enum(indicatorColumns as [IndicatorColumn, ...IndicatorColumn[]]);

export const indicatorFilterSchema = z.object({
	/** The chosen indicators, each with its condition; an indicator not named here is not filtered. */
	conditions: z.partialRecord(indicatorColumnSchema, z.enum(indicatorConditions)),
	match: z.enum(indicatorMatches),
	/** For `at_least`: how many of the conditions must hold (1–12). */
	atLeast: z.number().int().min(1).max(indicatorColumns.length).optional()
});
export type IndicatorFilter = z.infer<typeof indicatorFilterSchema>;

/** Ages in whole years the contract allows (0–24); the single-year age filter chooses within them. */
const age = z.number().int().min(0).max(24);

/** The intervention kinds, and a blank intervention field ("not recorded", NULL in the data). */
export const interventionChoices = enumeration([
	...interventionKinds.values,
	{ code: 'not_recorded', label: 'Not recorded (left blank)' }
]);
export type InterventionChoice = (typeof interventionChoices.codes)[number];

/** The furthest pathway stages, and a blank stage ("not recorded", NULL in the data). */
export const stageChoices = enumeration([
	...pathwayStages.values,
	{ code: 'not_recorded', label: 'Not recorded (left blank)' }
]);
export type StageChoice = (typeof stageChoices.codes)[number];

/**
 * The filters a user can set, as a zod schema: the single definition used by the filter bar, the URL codec
 * and the SQL predicate. Absent means "not filtered"; the URL records only what the user chose.
 */
export const filtersSchema = z.object({
	from: isoDate.optional(),
	to: isoDate.optional(),
	/**
	 * Area codes. The areas are runtime data (the loaded area reference), so the schema checks the form of a
	 * code; the URL codec keeps only the codes of the loaded reference.
	 */
	districts: z.array(areaSchema.shape.code).optional(),
	ageBands: z.array(ageBands.schema).optional(),
	/** Single-year age at referral (at the start, for missing episodes), inclusive; ANDed with the bands. */
	ageFrom: age.optional(),
	ageTo: age.optional(),
	genders: z.array(genders.schema).optional(),
	ethnicities: z.array(ethnicities.schema).optional(),
	lookedAfter: z.boolean().optional(),
	riskLevels: z.array(riskLevels.schema).optional(),
	sources: z.array(referralSources.schema).optional(),
	indicators: indicatorFilterSchema.optional(),
	interventions: z.array(interventionChoices.schema).optional(),
	/** The furthest stage reached on the pathway. */
	stages: z.array(stageChoices.schema).optional(),
	/** Repeat referral: the child's previous referral was within 12 months (`is_repeat` in the facts). */
	repeat: z.boolean().optional(),
	/** Whether the child was referred to the National Referral Mechanism (a blank answer matches neither). */
	nrm: z.boolean().optional()
});
export type Filters = z.infer<typeof filtersSchema>;
export type FilterKey = keyof Filters;

/**
 * Filters on what only a referral records. Missing episodes carry a period, district, age and looked-after
 * status and nothing else, so every episode count ignores these; a page says so with `ignoredByEpisodes`.
 */
export const referralOnlyFilters = [
	'genders',
	'ethnicities',
	'riskLevels',
	'sources',
	'indicators',
	'interventions',
	'stages',
	'repeat',
	'nrm'
] as const satisfies readonly FilterKey[];

/** The active filters that missing-episode counts ignore, in schema order. */
export function ignoredByEpisodes(filters: Filters): FilterKey[] {
	return referralOnlyFilters.filter((key) => filters[key] !== undefined);
}
