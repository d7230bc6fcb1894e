import { countNoun } from '$lib/format/count-noun';
import { formatMonth } from '$lib/format/date';
import { formatSpan } from '$lib/format/period';

interface Point {
	month: string;
	series: string;
	value: number | null;
}

const busiest = (points: readonly Point[]) =>
	points
		.filter((point) => point.series === 'episodes' && point.value !== null)
		.sort((a, b) => b.value! - a.value! || a.month.localeCompare(b.month))[0];

/** Active title: the busiest month for episodes. */
export function monthlyEpisodesTitle(points: readonly Point[]): string {
	const top = busiest(points);
	if (!top) return 'Missing episodes per month';
	return `The busiest month was ${formatMonth(top.month)}, with ${countNoun(top.value!, 'missing episode')}`;
}

/**
 * One sentence: episodes and different children over the period (from the headline counts, since children
 * do not add up across months) and the busiest month. `episodes` / `children` are null when suppressed.
 */
export function summariseMonthlyEpisodes(
	points: readonly Point[],
	totals: { episodes: number | null; children: number | null }
): string {
	const months = [...new Set(points.map((point) => point.month))].sort();
	if (months.length === 0 || totals.episodes === 0) return 'No missing episodes match the current filters.';
	const count = (value: number | null, one: string, many?: string) =>
		countNoun(value, one, many, value === null ? 'c (suppressed)' : undefined);
	const top = busiest(points);
	const hidden = points.some((point) => point.value === null);
	const peak = top
		? `; the busiest month was ${formatMonth(top.month)}, with ${countNoun(top.value!, 'episode')}`
		: '';
	return `${count(totals.episodes, 'missing or away episode')} involving ${count(totals.children, 'different child', 'different children')} ${formatSpan(months[0]!, months.at(-1)!, 'month')}${peak}${hidden ? ' (months with small counts suppressed)' : ''}.`;
}
