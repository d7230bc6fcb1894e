import type { FilterKey, Filters } from '$lib/domain/filters';
import { episodeFacts } from './derived';
import { episodeColumns, filterApplies, filterPredicate, type FilterColumns } from './filters';
import type { Keyed } from './keyed-count';
import { childCellHash } from './record-keys';
import { childCellRows } from './child-cell-rows';
import { codeMask } from './code-mask';
import { agesUnder, childAgesColumns } from './episode-child-ages';
import { ident, sql, type Sql } from './sql';

/**
 * Distinct children of missing episodes over the whole period without reading the episode facts (issue 14):
 * the Missing page's headline, its children by episode type and by sex, and repeat missing. Most children
 * go missing several times, so the solo flags spare those counts little; but nearly every child's episodes
 * all lie in one district with one looked-after status (at 1M referrals, 420,005 children with episodes of
 * whom about 17,000 are in more than one). Such a *pure* child passes a district or looked-after filter with
 * all their episodes or with none, so the table holds
 * - pure children counted per cell of district × looked-after × the episode types and sexes they had
 *   (`type_mask`, `sex_mask`: `codeMask`) × their number of episodes (`episode_count`), with `children` and `child_key_sum` (the sum of their hashes, so a cell key is the
 *   one a distinct count gives), and
 * - one row per district × looked-after of each other child, with their `child_key`, hash, masks and episodes
 *   there, counted distinct by a query as the facts path does.
 * Districts are a column, not bits of a mask, so any number of areas fits. It answers the district and
 * looked-after filters, and with the episode child ages table the ages too: a period sends the count back to
 * the facts (`episodeChildrenAnswer`). Rebuilt on append (a child's purity depends on all their rows): one GROUP BY of
 * the episode facts.
 */
export const episodeChildrenTable = ident('episode_children');

/**
 * The filters the table answers, as its columns. It has no date: it is used only when no period filter is
 * active (`episodeChildrenAnswer`), so the predicate never names one. Age filters are answered by the episode
 * child ages table (episode-child-ages.ts), which has the same columns seen through the ages kept.
 */
const columns: FilterColumns = { date: 'start_date', district: 'district', lookedAfter: 'looked_after' };
const answered: readonly FilterKey[] = ['districts', 'lookedAfter'];
const ageFilters: readonly FilterKey[] = ['ageBands', 'ageFrom', 'ageTo'];

/** Build the table from the episode facts; run after the facts are built. */
export function buildEpisodeChildren(): Sql {
	return sql`CREATE OR REPLACE TABLE ${episodeChildrenTable} AS
WITH cells AS (
	SELECT district, looked_after, child_key, any_value(${childCellHash}) AS ${childCellHash},
		CAST(count(*) AS INTEGER) AS episode_count,
		${codeMask(sql`episode_type`)} AS type_mask,
		${codeMask(sql`sex`)} AS sex_mask
	FROM ${episodeFacts}
	GROUP BY district, looked_after, child_key
),
${childCellRows(['district', 'looked_after', 'type_mask', 'sex_mask', 'episode_count'])}`;
}

/**
 * Whether the table (or, under an age filter, the episode child ages table) holds the answer for these
 * filters: none active on episodes but district, looked-after and ages.
 */
export function episodeChildrenAnswer(filters: Filters): boolean {
	return (Object.keys(filters) as FilterKey[]).every(
		(key) =>
			filters[key] === undefined ||
			!filterApplies(episodeColumns, key) ||
			answered.includes(key) ||
			ageFilters.includes(key)
	);
}

/**
 * The children under the filters (which the tables must answer) as groups of different children, each with
 * `children`, `child_key_sum` (the sum of their hashes), `episode_count` (their episodes under the filters;
 * capped at 10 under an age filter, enough for every band), `type_mask` and `sex_mask` (the codes of those
 * episodes, `codeMask`): the pure cells as they are, and each other child's rows summed into one (issue 14:
 * grouped by child once, rather than counting distinct keys and summing distinct 128-bit hashes per group,
 * which took most of a district click's time on these queries). Every count is then a sum over the groups.
 */
export function episodeChildGroups(filters: Filters): Sql {
	const ageFiltered = ageFilters.some((key) => filters[key] !== undefined);
	const source = ageFiltered ? childAgesColumns(agesUnder(filters)) : episodeChildrenTable;
	const where = filterPredicate(filters, columns);
	return sql`(SELECT type_mask, sex_mask, episode_count, children, child_key_sum
	FROM ${source}
	WHERE pure AND ${where}
	UNION ALL
	SELECT CAST(bit_or(type_mask) AS INTEGER), CAST(bit_or(sex_mask) AS INTEGER), CAST(sum(episode_count) AS INTEGER), 1,
		any_value(child_key_sum)
	FROM ${source}
	WHERE NOT pure AND ${where}
	GROUP BY child_key)`;
}

/** Children among `episodeChildGroups` rows (optionally only where `where` holds, e.g. a mask bit). */
export function episodeChildrenCount(where?: Sql): Keyed {
	const filtered = (aggregate: Sql) => (where ? sql`${aggregate} FILTER (WHERE ${where})` : aggregate);
	return {
		count: sql`CAST(COALESCE(${filtered(sql`sum(children)`)}, 0) AS BIGINT)`,
		keySum: sql`COALESCE(${filtered(sql`sum(child_key_sum)`)}, 0)`
	};
}
