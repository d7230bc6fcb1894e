import fc from 'fast-check';
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
