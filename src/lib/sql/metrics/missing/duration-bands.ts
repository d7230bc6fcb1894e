import type { Filters } from '$lib/domain/filters';
import { durationBands, episodeCounts, type DurationBand } from '../../cubes';
import { join, literal, sql, Sql } from '../../sql';
import { keyedAs, keyName } from '../../keyed-count';

export { durationBands, type DurationBand } from '../../cubes';

export interface DurationBandRow {
	band: DurationBand;
	episodes: number;
}

/**
 * Episodes by how long the child was away: back the same day (under 24 hours), 1–2 days, 3–7 days, more
 * than 7 days, or still missing (no end date). Each band is a measure of the episode cube (the facts when a
 * filter needs them), summed in one pass and unnested into a row per band; bands with no episodes are absent.
 */
export function episodeDurations(filters: Filters): Sql {
	const counts = episodeCounts(filters);
	const column = (band: DurationBand) => `band_${band}`;
	const structs = durationBands.map(
		(band) =>
			sql`{'band': ${literal(band)}, 'episodes': ${new Sql(`"${column(band)}"`)}, ${literal(keyName('episodes'))}: ${new Sql(`"${keyName(column(band))}"`)}}`
	);
	return sql`SELECT band, episodes, "episodes:key"
FROM (
	SELECT unnest(${new Sql(`[${join(structs).text}]`)}, recursive := true)
	FROM (
		SELECT ${join(durationBands.map((band) => keyedAs(column(band), counts.inDurationBand(band))))}
		FROM ${counts.from}
		WHERE ${counts.where}
	)
)
WHERE episodes > 0`;
}
