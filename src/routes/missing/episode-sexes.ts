import { countNoun } from '$lib/format/count-noun';
import { formatCount, formatPercent } from '$lib/format/number';
import type { BandShare } from './band-shares';

/** Active title: the sex with the most missing episodes and its share. */
export function episodeSexesTitle(rows: readonly BandShare[]): string {
	const top = rows
		.filter((row) => row.band !== 'not_recorded' && row.count !== null && row.count > 0)
		.sort((a, b) => b.count! - a.count!)[0];
	if (!top || top.share === null) return 'Missing episodes by sex';
	return `${formatPercent(top.share)} of missing episodes were of ${top.label.toLowerCase()} children`;
}

/** One sentence: episodes and children by sex, in the contract's order (not recorded last). */
export function summariseEpisodeSexes(
	rows: readonly BandShare[],
	children: ReadonlyMap<string, number | null>
): string {
	const total = rows.reduce((sum, row) => sum + (row.count ?? 0), 0);
	if (total === 0) return 'No missing episodes match the current filters.';
	const parts = rows
		.filter((row) => row.count === null || row.count > 0)
		.map((row) => {
			const kids = children.get(row.band);
			const count = row.count === null ? 'c' : formatCount(row.count);
			const share = row.share === null ? '' : ` (${formatPercent(row.share)})`;
			const who = kids === undefined ? '' : `, ${countNoun(kids, 'child', 'children')}`;
			return `${row.label.toLowerCase()} ${count}${share}${who}`;
		});
	return `Episodes by sex: ${parts.join('; ')}.`;
}
