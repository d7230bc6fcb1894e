import { countNoun } from '$lib/format/count-noun';
import { formatCount, formatPercent } from '$lib/format/number';
import { PROTECTED_MAX } from '$lib/publication/ptable';
import { shareWithheld } from '$lib/publication/share-base';
import { proportionWithInterval } from '$lib/stats';
import type { Published } from '$lib/publication/withheld';

/** A share with its 95% Wilson interval; all null when it cannot be shown (suppressed, or no denominator). */
export interface ShareEstimate {
	share: number | null;
	lower: number | null;
	upper: number | null;
}

/**
 * x out of n with its 95% Wilson interval (`$lib/stats`); nulls when either is missing or n is 0. In
 * publication mode x and n are perturbed independently (publication/), so x may exceed n: the share is then
 * 100%, never more.
 */
export function shareOf(x: number | null | undefined, n: number | null | undefined): ShareEstimate {
	const part = x === null || x === undefined || n === null || n === undefined ? x : Math.min(x, n);
	const estimate = proportionWithInterval(part ?? null, n ?? null);
	return { share: estimate.value, lower: estimate.lower, upper: estimate.upper };
}

/** "20.8% (95% CI 19.2% to 22.5%)", or "c (suppressed)". */
export function formatShareWithInterval(estimate: ShareEstimate): string {
	if (estimate.share === null) return 'c (suppressed)';
	const interval =
		estimate.lower !== null && estimate.upper !== null
			? ` (95% CI ${formatPercent(estimate.lower)} to ${formatPercent(estimate.upper)})`
			: '';
	return `${formatPercent(estimate.share)}${interval}`;
}

/** A share for a table cell or label: "20.8%", or "c" when suppressed, "–" when not calculable. */
export function shareText(share: number | null, suppressed: boolean): string {
	if (share !== null) return formatPercent(share);
	return suppressed ? 'c' : '–';
}

/**
 * A count for a sentence: the number, or "a small number" for a count in the protected range. Published
 * counts (and sums of them) never fall in it (publication/ptable.ts); this guards a count a view derives.
 */
export function countPhrase(count: number, publication: boolean): string {
	return hidden(count, publication) ? 'a small number' : formatCount(count);
}

/** `countPhrase` with its noun in agreement: "1 referral", "240 referrals", "a small number of referrals". */
export function countNounPhrase(count: number, publication: boolean, one: string, many = `${one}s`): string {
	return hidden(count, publication) ? `a small number of ${many}` : countNoun(count, one, many);
}

/** Whether publication mode withholds this count: 1 to 5, which the ptable never publishes. */
export function hidden(count: number, publication: boolean): boolean {
	return publication && count >= 1 && count <= PROTECTED_MAX;
}

export interface ShareRowsOptions {
	/** The count column (a share's numerator). */
	count: string;
	/** The denominator column: a share over too small a published denominator is withheld. */
	denominator: string;
	/** Columns computed from the count and the denominator (a share, its interval): withheld with it. */
	derived?: readonly string[];
}

/**
 * Count rows as they may be shown. The counts arrive already published (perturbed by the publication seam,
 * publication/publish-rows.ts). In publication mode a row whose published denominator is under 10
 * (`MIN_SHARE_BASE`, publication/share-base.ts) has its count and derived columns (share, interval)
 * withheld and marked "c": a percentage of a handful of perturbed referrals means nothing.
 */
export function publishShareRows<Row extends object>(
	rows: readonly Row[],
	options: ShareRowsOptions,
	publication: boolean
): Published<Row>[] {
	if (!publication) return [...rows];
	return rows.map((row: Published<Row>) => {
		const denominator = Number((row as Record<string, unknown>)[options.denominator] ?? 0);
		if (!shareWithheld(denominator, publication)) return row;
		const keys = [options.count, ...(options.derived ?? [])];
		return {
			...row,
			...Object.fromEntries(keys.map((key) => [key, null])),
			suppressed: { ...row.suppressed, ...Object.fromEntries(keys.map((key) => [key, 'c' as const])) }
		};
	});
}

/** Whether a published row's column was suppressed. */
export function isSuppressed(row: { suppressed?: Record<string, unknown> }, key: string): boolean {
	return row.suppressed?.[key] !== undefined;
}
