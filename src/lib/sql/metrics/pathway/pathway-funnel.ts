import type { Filters } from '$lib/domain/filters';
import {
	leftToCells,
	pathwayCube,
	pathwayStageCells,
	referralCohortCube,
	rowCounts,
	type Cube
} from '../../cubes';
import { sql, type Sql } from '../../sql';
import { stageIndex, stageList } from './stage-index';
import { keyedAs, keyedPartial, partialOf, summedCount } from '../../keyed-count';

export interface PathwayFunnelRow {
	/** '' overall, a district code, or a quarter start (yyyy-mm-dd), by the grouping asked for. */
	group: string;
	stage: string;
	stage_index: number;
	/** Referrals whose furthest stage is this one or a later one. */
	reached: number;
	/** Referrals with a stage recorded: the denominator. */
	recorded: number;
	/** Referrals with no stage recorded (left out of the shares). */
	not_recorded: number;
}

export type FunnelGrouping = 'none' | 'district' | 'quarter';

/**
 * The cubes the stage counts (funnels, NRM, intervention by age band) read: the pathway cube (stage is one of
 * its dimensions), or under a single-year age the cohort cube (it keeps the stage too), unless a filter needs
 * the facts.
 */
export const stageCubes: readonly Cube[] = [pathwayCube, referralCohortCube];

/**
 * How many referrals reached each stage of the guidance's pathway (MASH referral → Child Exploitation
 * Checklist → central list → MASE → risk management tool). The extract records only the furthest stage
 * reached, so a referral reached stage k when its furthest stage is k or later. Overall, by district (the
 * district filter is left out: that chart cross-filters) or by calendar quarter of referral. `fromCells`:
 * from `pathwayStageCells`, which the query must define (`pathwayCounts`).
 */
export function pathwayFunnel(filters: Filters, grouping: FunnelGrouping = 'none', fromCells = false): Sql {
	const group =
		grouping === 'district'
			? sql`CAST(district AS VARCHAR)`
			: grouping === 'quarter'
				? sql`CAST(CAST(date_trunc('quarter', month) AS DATE) AS VARCHAR)`
				: sql`''`;
	const except = grouping === 'district' ? (['districts'] as const) : [];
	const counts = fromCells
		? rowCounts(pathwayStageCells, leftToCells(filters), except)
		: rowCounts(stageCubes, filters, except);
	// Referrals are counted per group and furthest stage first; only those few rows meet the five stages.
	const staged = partialOf('referrals', 'r');
	const reached = (where: Sql) => summedCount(staged.count, staged.keySum, where);
	// A subquery rather than a CTE, so the query can stand in a merged one (`mergedQueries`).
	return sql`SELECT r."group", stages.stage, stages.stage_index,
	${keyedAs('reached', reached(sql`r.stage_index >= stages.stage_index`))},
	${keyedAs('recorded', reached(sql`r.stage_index IS NOT NULL`))},
	${keyedAs('not_recorded', reached(sql`r.stage_index IS NULL`))}
FROM (
	SELECT ${group} AS "group", ${stageIndex()} AS stage_index, ${keyedPartial('referrals', counts.rows())}
	FROM ${counts.from}
	WHERE ${counts.where}
	GROUP BY ALL
) r
CROSS JOIN ${stageList()}
GROUP BY ALL
ORDER BY r."group", stages.stage_index`.publishing('stage_index');
}
