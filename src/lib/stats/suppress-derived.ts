import type { PublishedCell } from './published-cell';

/**
 * A rate, percentage or other figure derived from a count, as it may be published: suppressed (`c`) when
 * its numerator count is not published as a number (`c`, or `k` for a non-zero count that rounds to 0),
 * because the figure and its denominator would give the count back. DfE and NHS Digital publish no rate
 * or percentage from a suppressed numerator. Tested with suppressed, published and `k` numerators.
 */
export function suppressDerived(
	numerator: PublishedCell,
	value: number | null
): { value: number | null; symbol: 'c' | null } {
	if (numerator.value === null && numerator.symbol !== null) return { value: null, symbol: 'c' };
	return { value, symbol: null };
}
