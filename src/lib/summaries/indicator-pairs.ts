import { countNoun } from '$lib/format/count-noun';
import { indicatorColumns, type IndicatorColumn } from '$lib/contract';
import { formatDecimal2 } from '$lib/format/number';
import type { IndicatorPair } from '$lib/sql/metrics/indicators/pairs';
import type { Published } from '$lib/publication/withheld';
import { indicatorLabels, quoted } from './indicator-prevalence';
import { publishShareRows } from './share';

export interface PairCell {
	a: IndicatorColumn;
	b: IndicatorColumn;
	aShort: string;
	bShort: string;
	aLabel: string;
	bLabel: string;
	/** Referrals with both present. */
	both: number | null;
	/** Referrals with either present. */
	either: number | null;
	/** Jaccard index: both ÷ either, 0 to 1. */
	jaccard: number | null;
	/** Share of all referrals with both present. */
	share: number | null;
}

export interface PairsView {
	/** The full symmetric matrix (both orders of every pair), without the diagonal. */
	cells: Published<PairCell>[];
	title: string;
	summary: string;
}

/**
 * Pairwise co-occurrence of indicators: for each pair, referrals with both and the Jaccard index (both ÷
 * either), which is 1 when two indicators always occur together and 0 when never.
 */
export function pairsView(
	rows: readonly IndicatorPair[],
	{ publication }: { publication: boolean }
): PairsView {
	const referrals = rows[0]?.referrals ?? 0;
	if (referrals === 0) {
		return {
			cells: [],
			title: 'No referrals match the current filters',
			summary: 'No referrals match the current filters.'
		};
	}
	const symmetric = rows.flatMap((row) => {
		// Never fewer than either indicator alone: in publication mode the three counts are perturbed apart,
		// and a + b − both could fall below them (even below 0); on true counts this is a + b − both.
		const either = Math.max(row.a_present, row.b_present, row.both, row.a_present + row.b_present - row.both);
		const cell = { both: row.both, either, referrals };
		return [
			{ a: row.a, b: row.b, ...cell },
			{ a: row.b, b: row.a, ...cell }
		];
	});
	const order = new Map(indicatorColumns.map((column, index) => [column, index]));
	symmetric.sort((x, y) => order.get(x.a)! - order.get(y.a)! || order.get(x.b)! - order.get(y.b)!);
	const published = publishShareRows(
		symmetric,
		{
			count: 'both',
			denominator: 'either',
			derived: ['either', 'jaccard', 'share']
		},
		publication
	);
	const cells = published.map(({ referrals: _referrals, ...row }): Published<PairCell> => {
		const a = indicatorLabels(row.a);
		const b = indicatorLabels(row.b);
		const either = row.both === null ? null : row.either;
		return {
			...row,
			either,
			aShort: a.short,
			bShort: b.short,
			aLabel: a.label,
			bLabel: b.label,
			jaccard: row.both === null || either === null ? null : either > 0 ? row.both / either : 0,
			share: row.both === null ? null : row.both / referrals
		};
	});
	const best = cells
		.filter((cell) => cell.jaccard !== null && order.get(cell.a)! < order.get(cell.b)!)
		.sort((x, y) => y.jaccard! - x.jaccard!);
	const top = best[0];
	const low = best.at(-1);
	const title = top
		? `${quoted(top.aShort)} and ${quoted(top.bShort)} occur together most often (Jaccard index ${formatDecimal2(top.jaccard!)})`
		: 'How often indicators occur together';
	const summary = top
		? `${countNoun(top.both!, 'referral')} ${top.both === 1 ? 'has' : 'have'} both ${quoted(top.aShort)} and ${quoted(top.bShort)}, ${formatDecimal2(top.jaccard!)} of those with either (the Jaccard index)` +
			(low && low !== top
				? `; the pair least often together is ${quoted(low.aShort)} and ${quoted(low.bShort)} (${formatDecimal2(low.jaccard!)}).`
				: '.')
		: 'Pairwise co-occurrence is suppressed.';
	return { cells, title, summary };
}

export { formatDecimal2 };
