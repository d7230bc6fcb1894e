import { countNoun } from '$lib/format/count-noun';
import { formatCount, formatPercent } from '$lib/format/number';
import type { BandShare } from './band-shares';

/** Active title: the share of episodes that were missing rather than away. */
export function episodeTypesTitle(rows: readonly BandShare[]): string {
	const missing = rows.find((row) => row.band === 'missing');
	if (!missing || missing.share === null) return 'Missing and away episodes';
	return `${formatPercent(missing.share)} of episodes were missing; the rest were away from placement without authorisation`;
}

/** One sentence: episodes and children by type. */
export function summariseEpisodeTypes(
	rows: readonly BandShare[],
	children: ReadonlyMap<string, number | null>
): string {
	const total = rows.reduce((sum, row) => sum + (row.count ?? 0), 0);
	if (total === 0) return 'No missing episodes match the current filters.';
	const parts = rows.map((row) => {
		const kids = children.get(row.band);
		const count = row.count === null ? 'c' : formatCount(row.count);
		const share = row.share === null ? '' : ` (${formatPercent(row.share)})`;
		const who = kids === undefined ? '' : `, involving ${countNoun(kids, 'child', 'children')}`;
		return `${count}${share} ${row.band === 'missing' ? 'missing' : 'away without authorisation'}${who}`;
	});
	return `Episodes by type: ${parts.join('; ')}.`;
}
