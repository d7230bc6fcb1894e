import fc from 'fast-check';

/** Absent, or a non-empty subset of `values`: one filter of a random filter set. */
export const some = <T>(values: readonly T[]) =>
	fc.option(fc.subarray([...values], { minLength: 1 }), { nil: undefined });

/**
 * Absent five times in six: for the filters only some precomputed tables answer, so most random filter
 * sets are ones those tables can answer and the rest send the metric to the facts.
 */
export const rarely = <T>(value: fc.Arbitrary<T>) =>
	fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: value, weight: 1 });
