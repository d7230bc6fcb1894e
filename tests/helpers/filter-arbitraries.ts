import fc from 'fast-check';
import {
	ageBands,
	districts,
	genders,
	indicatorColumns,
	interventionKinds,
	pathwayStages
} from '$lib/contract';
import type { Filters } from '$lib/domain/filters';

/** Absent, or a non-empty subset of `values`: one filter of a random filter set. */
export const some = <T>(values: readonly T[]) =>
	fc.option(fc.subarray([...values], { minLength: 1 }), { nil: undefined });

/**
 * Absent five times in six: for the filters only some precomputed tables answer, so most random filter
 * sets are ones those tables can answer and the rest send the metric to the facts.
 */
export const rarely = <T>(value: fc.Arbitrary<T>) =>
	fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: value, weight: 1 });

/** The first day of a month within the demo's five years: a period start every cube can answer. */
export const monthStart = fc
	.record({ year: fc.integer({ min: 2021, max: 2026 }), month: fc.integer({ min: 1, max: 12 }) })
	.map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}-01`);

/** A random filter set from a record of optional filters: the absent ones left out, as a page sends them. */
export const filterSet = <T extends object>(record: fc.Arbitrary<T>): fc.Arbitrary<Filters> =>
	record.map(
		(chosen) =>
			Object.fromEntries(Object.entries(chosen).filter(([, value]) => value !== undefined)) as Filters
	);

/**
 * The same filters sent to the facts: a period ending on a day that is not a month end (after every row
 * loaded) leaves every row in, but no cube or precomputed table can answer it.
 */
export const onFacts = (chosen: Filters): Filters => ({ ...chosen, to: '2099-12-30' });

/** Between one and `maxKeys` random indicator conditions (present, none or not assessed), matched all or any. */
export const indicatorConditions = (maxKeys: number) =>
	fc.record({
		conditions: fc.dictionary(
			fc.constantFrom(...indicatorColumns),
			fc.constantFrom('present' as const, 'none' as const, 'not_assessed' as const),
			{ minKeys: 1, maxKeys }
		),
		match: fc.constantFrom('all' as const, 'any' as const)
	});

/**
 * The cohort filters (issue 14) as fields of a random filter set, for `fc.record` beside a period: districts,
 * single-year ages, intervention and stage often; bands, gender, looked-after now and then; and now and then
 * repeat or an indicator, which no cohort cube answers, for the facts path under the same metrics.
 */
export const cohortFilterFields = {
	districts: some(districts.codes),
	ageBands: rarely(fc.subarray([...ageBands.codes], { minLength: 1 })),
	ageFrom: fc.option(fc.integer({ min: 8, max: 17 }), { nil: undefined }),
	ageTo: fc.option(fc.integer({ min: 12, max: 20 }), { nil: undefined }),
	genders: rarely(fc.subarray([...genders.codes], { minLength: 1 })),
	lookedAfter: rarely(fc.boolean()),
	interventions: some([...interventionKinds.codes, 'not_recorded' as const]),
	stages: some([...pathwayStages.codes, 'not_recorded' as const]),
	repeat: rarely(fc.boolean()),
	indicators: rarely(
		fc.record({
			conditions: fc.constant({ [indicatorColumns[3]!]: 'present' as const }),
			match: fc.constant('all' as const)
		})
	)
};
