import type { Filters } from '$lib/domain/filters';
import { cubesOfOneScan, pathwayProfileCells, pathwayStageCells, rowCounts } from '../../cubes';
import { indexReferralCubeAnswers } from '../../index-referral-cube';
import { filterPredicate, referralColumns } from '../../filters';
import { referralHeadline, referralHeadlineOnFacts } from '../headline';
import { mergedQueries, mergedRows } from '../../merged-queries';
import { ident, join, sql, type Sql } from '../../sql';
import { indicatorCountCubes, interventionByAgeBand, interventionByIndicatorCount } from './intervention-mix';
import { nrmReferrals } from './nrm-referrals';
import { pathwayFunnel, stageCubes } from './pathway-funnel';
import { passingChildren, rereferralAfterIntervention } from './rereferral-after-intervention';

/** The name of the per-child CTE (`passingChildren`) the headline and re-referral share on the facts path. */
const children = ident('passing_children');

/**
 * The Pathway page's counts, each a query given the filters, whether the charts count from the cells of one
 * scan, and whether the headline and re-referral share `passingChildren`.
 */
const pathwayQueries = {
	headline: (filters: Filters, _cells: boolean, shared: boolean) =>
		referralHeadline(filters, shared ? children : undefined),
	funnel: (filters: Filters, cells: boolean) => pathwayFunnel(filters, 'none', cells),
	district: (filters: Filters, cells: boolean) => pathwayFunnel(filters, 'district', cells),
	quarter: (filters: Filters, cells: boolean) => pathwayFunnel(filters, 'quarter', cells),
	age: (filters: Filters, cells: boolean) => interventionByAgeBand(filters, cells),
	indicatorCount: (filters: Filters, cells: boolean) => interventionByIndicatorCount(filters, cells),
	nrm: (filters: Filters, cells: boolean) => nrmReferrals(filters, { byQuarter: false, fromCells: cells }),
	nrmQuarter: (filters: Filters, cells: boolean) =>
		nrmReferrals(filters, { byQuarter: true, fromCells: cells }),
	rereferral: (filters: Filters, _cells: boolean, shared: boolean) =>
		rereferralAfterIntervention(filters, shared ? children : undefined)
} as const;
export type PathwayPart = keyof typeof pathwayQueries;

/** Whether a cube answers every chart's referral counts under these filters (else they would read the facts). */
function cubesAnswer(filters: Filters): boolean {
	return [stageCubes, indicatorCountCubes].every((cubes) => rowCounts(cubes, filters).fromCube);
}

/**
 * Whether the headline and re-referral both read the facts under these filters, so they can share one
 * grouping of its rows by child (`passingChildren`).
 */
function childrenOnFacts(filters: Filters): boolean {
	return referralHeadlineOnFacts(filters) && !indexReferralCubeAnswers(filters);
}

/**
 * Whether the page asks its counts as one query (`pathwayCounts`) under these filters: where a filter sends
 * the charts or the per-child counts to the facts, so the merged parts share their reading of it. Where the
 * cubes and per-child tables answer (district clicks, whole months, single-year age, intervention, stage),
 * each part is asked on its own (`pathwayPart`): merged there, they shared nothing (at 1M in Node, a district
 * click's DuckDB time was no lower), the district chart was asked again on every district click (on its own
 * its query ignores the district filter, so it comes from the cache), and every chart waited for the last
 * answer, where on their own the charts on screen are drawn while the engine answers the rest.
 */
export function pathwayMerged(filters: Filters): boolean {
	return !cubesAnswer(filters) || childrenOnFacts(filters);
}

/**
 * The Pathway page's queries as one (issue 14) where a filter needs the facts (an indicator, repeat, NRM or
 * ethnicity filter, a period that is not whole months; `pathwayMerged`), undefined elsewhere: the headline,
 * the seven charts of referral counts (the funnels overall, by district and by quarter, the intervention
 * mixes by age band and by indicator count, the NRM share overall and by quarter) and re-referral after an
 * intervention, in one round trip instead of nine. The facts rows that pass are read once for the seven
 * charts, into the stage and profile cells (`cubesOfOneScan`), and grouped by child once for the headline's
 * children and re-referral's least candidates (`passingChildren`), rather than once per query; a part a
 * cube or per-child table still answers reads it as on its own. Take a part's rows out with `pathwayRows`.
 */
export function pathwayCounts(filters: Filters): Sql | undefined {
	if (!pathwayMerged(filters)) return undefined;
	const cells = !cubesAnswer(filters);
	const shared = childrenOnFacts(filters);
	const parts = Object.keys(pathwayQueries) as PathwayPart[];
	const ctes = [
		...(cells
			? [
					cubesOfOneScan(
						[pathwayStageCells, pathwayProfileCells],
						// The district chart leaves the district filter out: the cells keep the district for the others.
						filterPredicate(filters, referralColumns, ['districts'])
					)
				]
			: []),
		...(shared ? [sql`${children} AS MATERIALIZED (${passingChildren(filters)})`] : [])
	];
	return mergedQueries(
		Object.fromEntries(parts.map((part) => [part, pathwayQueries[part](filters, cells, shared)])),
		ctes.length > 0 ? join(ctes, ',\n') : undefined
	);
}

/** A part's own query where the page does not merge them (`pathwayMerged`), else undefined. */
export function pathwayPart(filters: Filters, part: PathwayPart): Sql | undefined {
	return pathwayMerged(filters) ? undefined : pathwayQueries[part](filters, false, false);
}

/** One part's rows of a `pathwayCounts` answer, as its own query gives them; undefined while none. */
export function pathwayRows<Row extends object>(
	rows: readonly object[] | undefined,
	part: PathwayPart
): Row[] | undefined {
	return mergedRows<Row>(rows, part);
}
