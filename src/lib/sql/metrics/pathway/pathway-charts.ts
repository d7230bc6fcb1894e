import type { Filters } from '$lib/domain/filters';
import { cubesOfOneScan, pathwayProfileCells, pathwayStageCells, rowCounts } from '../../cubes';
import { filterPredicate, referralColumns } from '../../filters';
import { mergedQueries, mergedRows } from '../../merged-queries';
import type { Sql } from '../../sql';
import { indicatorCountCubes, interventionByAgeBand, interventionByIndicatorCount } from './intervention-mix';
import { nrmReferrals } from './nrm-referrals';
import { pathwayFunnel, stageCubes } from './pathway-funnel';

/** The Pathway page's charts of referral counts, each a query given the filters and where it counts from. */
const pathwayChartQueries = {
	funnel: (filters: Filters, fromCells: boolean) => pathwayFunnel(filters, 'none', fromCells),
	district: (filters: Filters, fromCells: boolean) => pathwayFunnel(filters, 'district', fromCells),
	quarter: (filters: Filters, fromCells: boolean) => pathwayFunnel(filters, 'quarter', fromCells),
	age: interventionByAgeBand,
	indicatorCount: interventionByIndicatorCount,
	nrm: (filters: Filters, fromCells: boolean) => nrmReferrals(filters, { byQuarter: false, fromCells }),
	nrmQuarter: (filters: Filters, fromCells: boolean) => nrmReferrals(filters, { byQuarter: true, fromCells })
} as const;
export type PathwayChart = keyof typeof pathwayChartQueries;

/** Whether a cube answers every chart's counts under these filters (else they would read the facts). */
function cubesAnswer(filters: Filters): boolean {
	return [stageCubes, indicatorCountCubes].every((cubes) => rowCounts(cubes, filters).fromCube);
}

/**
 * The Pathway page's seven charts of referral counts (the funnels overall, by district and by quarter, the
 * intervention mixes by age band and by indicator count, the NRM share overall and by quarter) as one query
 * (issue 14), so the page makes one round trip to the engine instead of seven. Where the cubes answer the
 * filters, each chart reads its cube as on its own; where a filter needs the facts (an indicator or repeat
 * filter, a period that is not whole months), the facts rows that pass are read once, into the stage and
 * profile cells (`cubesOfOneScan`), and every chart counts from those. Take a chart's rows out with
 * `pathwayChartRows`.
 */
export function pathwayCharts(filters: Filters): Sql {
	const fromCells = !cubesAnswer(filters);
	const charts = Object.keys(pathwayChartQueries) as PathwayChart[];
	return mergedQueries(
		Object.fromEntries(charts.map((chart) => [chart, pathwayChartQueries[chart](filters, fromCells)])),
		fromCells
			? cubesOfOneScan(
					[pathwayStageCells, pathwayProfileCells],
					// The district chart leaves the district filter out: the cells keep the district for the others.
					filterPredicate(filters, referralColumns, ['districts'])
				)
			: undefined
	);
}

/** One chart's rows of a `pathwayCharts` answer, as its own query gives them; undefined while none. */
export function pathwayChartRows<Row extends object>(
	rows: readonly object[] | undefined,
	chart: PathwayChart
): Row[] | undefined {
	return mergedRows<Row>(rows, chart);
}
