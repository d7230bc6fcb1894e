import type { AreaReference } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import type { Issue } from '$lib/ingest';
import {
	enrichedFields,
	enrichEpisodeFields,
	type Enrichment,
	type EpisodeFields
} from '$lib/ingest/enrich-episodes';
import type { Ssda903Reference } from '$lib/ingest/read-ssda903-reference';
import { join, sql } from '$lib/sql/sql';

/**
 * Enriches the missing episodes already in the engine from an SSDA903 reference table that came after them,
 * with the same rules as a load (`enrichEpisodeFields`): their fields are read, filled in Node-free
 * TypeScript, and only the episodes that changed are written back, in one UPDATE. Run inside
 * `Dataset.change`, so the facts and cubes are rebuilt. `assumedLookedAfter`: the loaded looked-after values
 * were implied by the format (an SSDA903 Missing table's), so periods of care may replace them.
 */
export async function enrichLoaded(
	engine: Engine,
	reference: Ssda903Reference,
	areas: AreaReference,
	assumedLookedAfter: boolean
): Promise<{ enrichment: Enrichment; warnings: Issue[] } | null> {
	const rows = await engine.query<Omit<EpisodeFields, 'assumedLookedAfter'>>(
		sql`SELECT episode_id, child_id, start_date, CAST(sex AS VARCHAR) AS sex, age_at_start, looked_after,
	CAST(district AS VARCHAR) AS district FROM missing_episodes ORDER BY episode_id`
	);
	if (rows.length === 0) return null;
	const episodes = rows.map((row) => ({ ...row, assumedLookedAfter }));
	const { enrichment, warnings, changed } = enrichEpisodeFields(episodes, reference, areas);
	if (changed.size > 0) {
		const values = [...changed].map((index) => {
			const episode = episodes[index]!;
			return sql`(${episode.episode_id}, ${join(enrichedFields.map((field) => sql`${episode[field]}`))})`;
		});
		// DuckDB casts the text to the ENUM columns' types on assignment; NULL stays NULL.
		await engine.exec(sql`UPDATE missing_episodes AS m
SET sex = v.sex, age_at_start = v.age_at_start, looked_after = v.looked_after, district = v.district
FROM (VALUES ${join(values)}) AS v(episode_id, sex, age_at_start, looked_after, district)
WHERE m.episode_id = v.episode_id`);
	}
	return { enrichment, warnings };
}
