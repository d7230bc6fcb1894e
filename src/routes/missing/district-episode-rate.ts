import { countNoun } from '$lib/format/count-noun';
import { formatDecimal } from '$lib/format/number';
import type { Published } from '$lib/publication/withheld';
import type { DistrictEpisodeRateRow } from '$lib/sql/metrics/missing/district-episode-rates';
import { listNames } from '$lib/summaries/list-names';

/** A district's missing episodes of children aged 0–17 per 10,000 children of those ages a year. */
export interface EpisodeRate {
	name: string;
	rate: number;
	episodes: number;
}

/** Each district's rate, highest first; a district with no population or a withheld count has none. */
export function episodeRates(
	rows: readonly Published<DistrictEpisodeRateRow>[],
	label: (code: string) => string
): EpisodeRate[] {
	return rows
		.filter((row) => row.episodes_0_17 !== null && row.person_years_0_17 > 0)
		.map((row) => ({
			name: label(row.district),
			rate: (row.episodes_0_17 / row.person_years_0_17) * 10_000,
			episodes: row.episodes_0_17
		}))
		.sort((a, b) => b.rate - a.rate);
}

/**
 * Active title for the district panels: the district with the highest rate per 10,000 children, with its
 * count beside it, as the Districts page names its highest referral rate. A raw count would mostly name
 * the district with the most children. Districts whose rates read the same are named together as a tie.
 */
export function districtEpisodeRateTitle(rates: readonly EpisodeRate[]): string {
	const top = rates[0];
	if (!top || top.episodes === 0) return 'Missing episodes by district';
	const shown = formatDecimal(top.rate);
	const tied = rates.filter((rate) => formatDecimal(rate.rate) === shown);
	const per = `${shown} per 10,000 children a year`;
	if (tied.length > 1)
		return `${listNames(tied.map((rate) => rate.name))} share the highest rate of missing episodes: ${per} each`;
	return `${top.name} has the highest rate of missing episodes: ${per} (${countNoun(top.episodes, 'episode')})`;
}
