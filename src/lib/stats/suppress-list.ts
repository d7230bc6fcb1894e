import {
	assertCount,
	disclosureSettings,
	isPrimary,
	publishCount,
	type DisclosureOptions,
	type PublishedCell
} from './published-cell';

export interface SuppressedList {
	cells: PublishedCell[];
	total: PublishedCell;
}

/**
 * Small-number disclosure control for a one-way list of counts with its total (e.g. referrals by
 * district). Primary suppression of counts 1..threshold (the total too); if exactly one value among the
 * cells and the total is suppressed, it could be recovered by subtraction, so the smallest non-zero
 * unsuppressed cell is suppressed as well. Optional rounding to the
 * nearest `roundTo`; suppressed values are shown as the GSS symbol `c`.
 *
 * Source: DfE children's social care statistics disclosure control (counts 1–5 shown as `c`, secondary
 * suppression where totals would reveal a cell); GSS symbols guidance. Tested with property-based tests
 * (1,000+ random lists: no suppressed cell can be derived from the published cells and total) and edge
 * cases (all zero, a single cell, threshold 0, rounding).
 */
export function suppressList(
	counts: readonly number[],
	options: DisclosureOptions & { total?: number } = {}
): SuppressedList {
	const { threshold, roundTo } = disclosureSettings(options);
	counts.forEach((c) => assertCount(c, 'suppressList'));
	const sum = counts.reduce((a, b) => a + b, 0);
	if (options.total !== undefined && options.total !== sum) {
		throw new RangeError(`suppressList: total ${options.total} does not equal the sum of the counts ${sum}`);
	}
	const cellStatus: ('primary' | 'secondary' | null)[] = counts.map((c) =>
		isPrimary(c, threshold) ? 'primary' : null
	);
	const totalStatus: 'primary' | null = isPrimary(sum, threshold) ? 'primary' : null;
	const suppressedCount = cellStatus.filter((s) => s !== null).length + (totalStatus === null ? 0 : 1);
	if (suppressedCount === 1) {
		let best = -1;
		counts.forEach((c, i) => {
			if (cellStatus[i] === null && c > 0 && (best < 0 || c < (counts[best] as number))) best = i;
		});
		// A lone suppressed cell c ≤ threshold with a published total > threshold leaves another non-zero cell;
		// a lone suppressed total ≤ threshold cannot happen (its non-zero cells would be suppressed too).
		if (best < 0) throw new Error('suppressList: no complementary cell available');
		cellStatus[best] = 'secondary';
	}
	return {
		cells: counts.map((c, i) => publishCount(c, cellStatus[i] ?? null, roundTo)),
		total: publishCount(sum, totalStatus, roundTo)
	};
}
