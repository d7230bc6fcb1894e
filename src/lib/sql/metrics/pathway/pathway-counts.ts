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
 * The Pathway page's queries as one (issue 14): the headline, the seven charts of referral counts (the
 * funnels overall, by district and by quarter, the intervention mixes by age band and by indicator count, the
 * NRM share overall and by quarter) and re-referral after an intervention, so the page makes one round trip
 * to the engine instead of nine. Where the cubes and per-child tables answer the filters, each part reads
 * them as on its own. Where a filter needs the facts (an indicator or repeat filter, a period that is not
 * whole months), the facts rows that pass are read once for the seven charts, into the stage and profile
 * cells (`cubesOfOneScan`), and grouped by child once for the headline's children and re-referral's least
 * candidates (`passingChildren`), rather than once per query. Take a part's rows out with `pathwayRows`.
 */
export function pathwayCounts(filters: Filters): Sql {
	const cells = !cubesAnswer(filters);
	const shared = referralHeadlineOnFacts(filters) && !indexReferralCubeAnswers(filters);
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

/** One part's rows of a `pathwayCounts` answer, as its own query gives them; undefined while none. */
export function pathwayRows<Row extends object>(
	rows: readonly object[] | undefined,
	part: PathwayPart
): Row[] | undefined {
	return mergedRows<Row>(rows, part);
}
