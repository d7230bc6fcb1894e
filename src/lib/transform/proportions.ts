import { wilsonInterval } from '$lib/stats';
import { publishCounts, type Published } from './publish-counts';

export interface Proportion {
	share: number | null;
	lower: number | null;
	upper: number | null;
}

/**
 * Adds a proportion numerator / denominator with its 95% Wilson interval to each row. In publication mode
 * the numerators and the denominators each go through disclosure control as a list with its total, and a
 * share is suppressed when either of its counts is.
 */
export function withProportions<Row extends object>(
	rows: readonly Row[],
	{
		numerator,
		denominator,
		publication
	}: { numerator: keyof Row & string; denominator: keyof Row & string; publication: boolean }
): Published<Row & Proportion>[] {
	const computed = rows.map((row) => {
		const x = Number(row[numerator]);
		const n = Number(row[denominator]);
		const interval = n > 0 ? wilsonInterval(Math.min(x, n), n) : null;
		return {
			...row,
			share: n > 0 ? x / n : null,
			lower: interval?.lower ?? null,
			upper: interval?.upper ?? null
		};
	});
	if (!publication) return computed;
	const derived = ['share', 'lower', 'upper'];
	return publishCounts(publishCounts(computed, { count: numerator, derived }), {
		count: denominator,
		derived
	});
}
