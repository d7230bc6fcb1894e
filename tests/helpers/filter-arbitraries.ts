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
