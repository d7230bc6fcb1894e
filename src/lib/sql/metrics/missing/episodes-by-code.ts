import type { Filters } from '$lib/domain/filters';
import { episodeKindCube, rowCounts } from '../../cubes';
import { codeMask } from '../../code-mask';
import { episodeChildGroups, episodeChildrenCount } from '../../episode-children';
import { episodeFirstGroups, episodeFirstsAnswer, type FirstsKind } from '../../episode-firsts';
import { keyedAs } from '../../keyed-count';
import { ident, sql, type Sql } from '../../sql';

/** How `episodesByCode` groups: the ENUM column, its label column and the order of the labels. */
export interface CodeGrouping {
	column: Sql;
	/** The output column holding the label (an expression of `column`). */
	name: string;
	label: Sql;
	/** An aggregate ordering the labels. */
	order: Sql;
	/** The episode children table's mask of `column`'s codes. */
	mask: 'type_mask' | 'sex_mask';
}

/** The episode firsts table's count of children by the column a mask holds the codes of. */
const firstsKinds: Record<CodeGrouping['mask'], FirstsKind> = { type_mask: 'episode_type', sex_mask: 'sex' };

/**
 * Episodes and distinct children by an ENUM column of the episodes (episode type, sex) without the facts:
 * episodes from the episode kind cube, children from the episode children table's groups of different
 * children (`episodeChildGroups`), a group counted under a label when its mask holds one of the label's
 * codes; or under a period, from the episode firsts table's groups by the column (`episodeFirstGroups`).
 * Only under filters one of the tables answers (`episodeChildrenAnswer`, `episodeFirstsAnswer`); labels with
 * no episodes are absent, as in a GROUP BY of the facts.
 */
export function episodesByCode(filters: Filters, grouping: CodeGrouping): Sql {
	const counts = rowCounts(episodeKindCube, filters);
	const name = ident(grouping.name);
	const children = episodeFirstsAnswer(filters)
		? sql`(SELECT ${grouping.label} AS label, children, child_key_sum
	FROM ${episodeFirstGroups(filters, firstsKinds[grouping.mask])}) c ON c.label = e.${name}`
		: sql`${episodeChildGroups(filters)} c ON (c.${ident(grouping.mask)} & e.codes) <> 0`;
	return sql`WITH episodes AS (
	SELECT ${grouping.label} AS ${name}, ${codeMask(grouping.column)} AS codes, ${grouping.order} AS sort,
		${keyedAs('episodes', counts.rows())}
	FROM ${counts.from}
	WHERE ${counts.where}
	GROUP BY 1
)
SELECT e.${name}, e.episodes, e."episodes:key", ${keyedAs('children', episodeChildrenCount())}
FROM episodes e
JOIN ${children}
GROUP BY e.${name}, e.episodes, e."episodes:key", e.sort
ORDER BY e.sort`;
}
