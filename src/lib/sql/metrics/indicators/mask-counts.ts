import type { Filters } from '$lib/domain/filters';
import { indicatorMaskCube, rowCounts } from '../../cubes';
import { presentMask } from '../../derived';
import { ident, sql, Sql } from '../../sql';
import { keyedPartial } from '../../keyed-count';

/**
 * The name under which a query reads the referrals counted per presence bitmask (`maskCounts`): the
 * combinations, pairs and indicators-per-referral queries are each a query over it, so the page can count the
 * masks once for all three (`indicatorMaskCharts`).
 */
export const masks = ident('masks');

/**
 * Referrals under the filters counted per presence bitmask (`present_mask`, at most 4,096 rows), each with
 * its key sum, from the indicator mask cube under a district filter alone, else from the facts.
 */
export function maskCounts(filters: Filters): Sql {
	const counts = rowCounts(indicatorMaskCube, filters);
	return sql`SELECT ${presentMask}, ${keyedPartial('referrals', counts.rows())}
	FROM ${counts.from}
	WHERE ${counts.where}
	GROUP BY ${presentMask}`;
}

/** A query over `masks` on its own: the masks counted first under the filters, its dimensions kept. */
export function overMasks(filters: Filters, query: Sql): Sql {
	return new Sql(
		sql`WITH ${masks} AS (${maskCounts(filters)})
${query}`.text,
		query.dimensions
	);
}
