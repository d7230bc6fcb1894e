import { type IndicatorColumn } from '$lib/contract';
import { formatCount, formatPercent } from '$lib/format/number';
import { COMBINATION_SEPARATOR, type IndicatorCombination } from '$lib/sql/metrics/indicators/combinations';
import type { Published } from '$lib/publication/withheld';
import { indicatorLabels, quoted } from './indicator-prevalence';
import { countNounPhrase, publishShareRows, shareOf } from './share';

export interface CombinationPoint {
	rank: number;
	/** The combination key from the query. */
	combination: string;
	members: IndicatorColumn[];
	/** Short labels of the members joined with " + ", or "No indicator present". */
	label: string;
	degree: number;
	referrals: number | null;
	share: number | null;
}

export interface CombinationsView {
	points: Published<CombinationPoint>[];
	title: string;
	summary: string;
}

/** How many combinations the chart shows. */
export const TOP_COMBINATIONS = 15;

/**
 * The combinations in the order the chart ranks them: most referrals first (the counts as shown, so in
 * publication mode the perturbed ones), then fewer indicators, then by key, so equal counts keep an order
 * that depends on no true count. In publication mode a combination published as 0 is not among the most
 * frequent.
 */
export function rankCombinations(
	rows: readonly IndicatorCombination[],
	limit = TOP_COMBINATIONS
): IndicatorCombination[] {
	return rows
		.filter((row) => row.referrals > 0)
		.toSorted(
			(a, b) =>
				b.referrals - a.referrals ||
				a.degree - b.degree ||
				(a.combination < b.combination ? -1 : a.combination > b.combination ? 1 : 0)
		)
		.slice(0, limit);
}

/** The most frequent exact combinations of indicators (UpSet intersections), with their share of referrals. */
export function combinationsView(
	all: readonly IndicatorCombination[],
	{ publication }: { publication: boolean }
): CombinationsView {
	const rows = rankCombinations(all);
	const total = all[0]?.total ?? 0;
	// How many combinations occur is withheld in publication mode (it is not a keyed count).
	const count = all[0]?.combinations ?? null;
	const howMany = count === null ? 'Many' : formatCount(count);
	if (total === 0) {
		return {
			points: [],
			title: 'No referrals match the current filters',
			summary: 'No referrals match the current filters.'
		};
	}
	const ranked = rows.map((row, index) => {
		const members =
			row.combination === '' ? [] : (row.combination.split(COMBINATION_SEPARATOR) as IndicatorColumn[]);
		return {
			rank: index + 1,
			combination: row.combination,
			members,
			label:
				members.length === 0
					? 'No indicator present'
					: members.map((member) => quoted(indicatorLabels(member).short)).join(' + '),
			degree: row.degree,
			referrals: row.referrals,
			total
		};
	});
	const published = publishShareRows(
		ranked,
		{ count: 'referrals', denominator: 'total', derived: ['share'] },
		publication
	);
	const points = published.map(({ total: _total, ...row }): Published<CombinationPoint> => ({
		...row,
		share: shareOf(row.referrals, total).share
	}));
	const top = points.find((point) => point.share !== null && point.degree > 0);
	const none = points.find((point) => point.degree === 0);
	const title = top
		? `${howMany} different combinations of indicators occur; the most common, ${top.label}${top.degree === 1 ? ' alone' : ''}, covers only ${formatPercent(top.share!)} of referrals`
		: `${howMany} different combinations of indicators occur`;
	const listed = points
		.filter((point) => point.share !== null && point.degree > 0)
		.slice(0, 3)
		.map((point) => `${point.label}${point.degree === 1 ? ' alone' : ''} ${formatPercent(point.share!)}`)
		.join(', ');
	const summary =
		`Of ${countNounPhrase(total, publication, 'referral')}, the most frequent exact combinations of indicators present are ${listed}` +
		(none?.share != null ? `; ${formatPercent(none.share)} have no indicator present` : '') +
		`. The chart shows the ${points.length} most frequent of ${count === null ? 'all the' : formatCount(count)} combinations.`;
	return { points, title, summary };
}
