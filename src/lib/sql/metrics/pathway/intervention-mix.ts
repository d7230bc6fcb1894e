import type { Filters } from '$lib/domain/filters';
import {
	indicatorCountCohortCube,
	indicatorCountCube,
	leftToCells,
	pathwayProfileCells,
	rowCounts,
	type Cube
} from '../../cubes';
import { indicatorCount } from '../../derived';
import { sql, type Sql } from '../../sql';
import { keyedAs } from '../../keyed-count';
import { stageCubes } from './pathway-funnel';

export interface InterventionMixRow {
	/** An age band code, or an indicator-count band ('0-2', '3-4', '5-6', '7-8', '9-12'). */
	group: string;
	/** An intervention kind code, or 'not_recorded'. */
	intervention: string;
	referrals: number;
}

/** Indicator-count bands for the intervention-by-profile chart, lowest first. */
export const indicatorBands = ['0-2', '3-4', '5-6', '7-8', '9-12'] as const;

/** The cubes intervention by indicator count reads, unless a filter needs the facts. */
export const indicatorCountCubes: readonly Cube[] = [indicatorCountCube, indicatorCountCohortCube];

/**
 * Counted from the first cube with the group's column and the intervention that answers the filters, or the
 * facts when a filter needs them; `fromCells`, from `pathwayProfileCells`, which the query must define
 * (`pathwayCounts`).
 */
function mix(filters: Filters, cubes: readonly Cube[], group: Sql, fromCells: boolean): Sql {
	const counts = fromCells ? rowCounts(pathwayProfileCells, leftToCells(filters)) : rowCounts(cubes, filters);
	return sql`SELECT ${group} AS "group",
	coalesce(CAST(intervention AS VARCHAR), 'not_recorded') AS intervention,
	${keyedAs('referrals', counts.rows())}
FROM ${counts.from}
WHERE ${counts.where}
GROUP BY ALL
ORDER BY 1, 2`;
}

/**
 * Referrals by age band at referral and the kind of intervention offered: under a single-year age from the
 * cohort cube, which keeps the band beside the age.
 */
export function interventionByAgeBand(filters: Filters, fromCells = false): Sql {
	return mix(filters, stageCubes, sql`CAST(age_band AS VARCHAR)`, fromCells);
}

/**
 * Referrals by the number of indicators present (banded) and the kind of intervention offered: under a
 * single-year age or a stage with no period set from the indicator count cohort cube (no month).
 */
export function interventionByIndicatorCount(filters: Filters, fromCells = false): Sql {
	return mix(
		filters,
		indicatorCountCubes,
		sql`CASE WHEN ${indicatorCount} <= 2 THEN '0-2' WHEN ${indicatorCount} <= 4 THEN '3-4'
		WHEN ${indicatorCount} <= 6 THEN '5-6' WHEN ${indicatorCount} <= 8 THEN '7-8' ELSE '9-12' END`,
		fromCells
	);
}
