import { formatCount, formatPercent } from '$lib/format/number';

interface Point {
	label: string;
	value: number | null;
}

function totals(points: readonly Point[]) {
	const byGroup = new Map<string, number>();
	for (const point of points) byGroup.set(point.label, (byGroup.get(point.label) ?? 0) + (point.value ?? 0));
	const total = [...byGroup.values()].reduce((sum, value) => sum + value, 0);
	const ranked = [...byGroup.entries()].sort((a, b) => b[1] - a[1]);
	return { total, ranked, hidden: points.some((point) => point.value === null) };
}

/** Active title: the group with the most episodes and its share. */
export function episodesByGroupTitle(points: readonly Point[], noun: string): string {
	const { total, ranked, hidden } = totals(points);
	const top = ranked[0];
	if (!top || total === 0) return `Missing episodes by ${noun}`;
	return hidden
		? `${top[0]} has the most missing episodes: at least ${formatCount(top[1])}`
		: `${top[0]} has the most missing episodes: ${formatCount(top[1])} (${formatPercent(top[1] / total)})`;
}

/** One sentence: each group's episodes in the period, most first. */
export function summariseEpisodesByGroup(points: readonly Point[]): string {
	const { total, ranked, hidden } = totals(points);
	if (ranked.length === 0 || total === 0) return 'No missing episodes match the current filters.';
	const atLeast = hidden ? 'at least ' : '';
	const parts = ranked.map(
		([label, value]) =>
			`${label} ${atLeast}${formatCount(value)}${hidden ? '' : ` (${formatPercent(value / total)})`}`
	);
	return `Missing or away episodes in the period: ${parts.join(', ')}${hidden ? ' (small monthly counts suppressed)' : ''}.`;
}
