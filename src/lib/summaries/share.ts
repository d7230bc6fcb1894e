import { formatCount, formatPercent } from '$lib/format/number';
import { proportionWithInterval } from '$lib/stats';
import {
	publishCounts,
	publishSingle,
	type Published,
	type PublishOptions
} from '$lib/transform/publish-counts';

/** A share with its 95% Wilson interval; all null when it cannot be shown (suppressed, or no denominator). */
export interface ShareEstimate {
	share: number | null;
	lower: number | null;
	upper: number | null;
}

/** x out of n with its 95% Wilson interval (`$lib/stats`); nulls when either is missing or n is 0. */
export function shareOf(x: number | null | undefined, n: number | null | undefined): ShareEstimate {
	const estimate = proportionWithInterval(x ?? null, n ?? null);
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

/** A count for a sentence: the number, or "a small number" when publication mode hides it. */
export function countPhrase(count: number, publication: boolean): string {
	return publication && publishSingle(count).symbol !== null ? 'a small number' : formatCount(count);
}

/** Whether publication mode hides this headline count (1 to 5). */
export function hidden(count: number, publication: boolean): boolean {
	return publication && publishSingle(count).symbol !== null;
}

export interface ShareRowsOptions extends PublishOptions {
	/** The denominator column: a share whose denominator is 1 to 5 is hidden too. */
	denominator: string;
}

/**
 * Count rows as they may be shown. Off publication mode, unchanged. On, the counts go through
 * `publishCounts` (primary and secondary suppression; `derived` columns marked with them), and a row whose
 * denominator is itself a small number (1 to 5) has its count, denominator and derived columns hidden: a
 * percentage of three referrals discloses as much as the three.
 */
export function publishShareRows<Row extends object>(
	rows: readonly Row[],
	options: ShareRowsOptions,
	publication: boolean
): Published<Row>[] {
	if (!publication) return [...rows];
	return publishCounts(rows, options).map((row) => {
		const denominator = Number((row as Record<string, unknown>)[options.denominator] ?? 0);
		if (publishSingle(denominator).symbol === null) return row;
		const keys = [options.count, options.denominator, ...(options.derived ?? [])];
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
