import { wilsonInterval } from '$lib/stats';
import type { Published } from '$lib/publication/withheld';

export interface Proportion {
	share: number | null;
	lower: number | null;
	upper: number | null;
}

/**
 * Adds a proportion numerator / denominator with its 95% Wilson interval to each row, from the
 * counts as shown (in publication mode perturbed at the seam, so a share is of published counts).
 */
export function withProportions<Row extends object>(
	rows: readonly Row[],
	{ numerator, denominator }: { numerator: keyof Row & string; denominator: keyof Row & string }
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
	return computed;
}
