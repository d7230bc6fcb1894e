import type { Filters } from '$lib/domain/filters';
import { mergedQueries, mergedRows } from '../../merged-queries';
import { sql, type Sql } from '../../sql';
import { combinationsOfMasks } from './combinations';
import { perReferralOfMasks } from './indicators-per-referral';
import { maskCounts, masks } from './mask-counts';
import { pairsOfMasks } from './pairs';

/** The charts answered from the referrals counted per presence bitmask, each a query over `masks`. */
const maskCharts = {
	combinations: combinationsOfMasks,
	pairs: pairsOfMasks,
	perReferral: perReferralOfMasks
} as const;
export type MaskChart = keyof typeof maskCharts;

/**
 * The combinations, pairs and indicators-per-referral queries as one (issue 14): the masks are counted once
 * (under a cohort filter, one scan of the 1M-row facts instead of three), and the page makes one round trip
 * to the engine instead of three (`mergedQueries`; `maskChartRows` takes one chart's rows back out).
 */
export function indicatorMaskCharts(filters: Filters): Sql {
	return mergedQueries(
		Object.fromEntries((Object.keys(maskCharts) as MaskChart[]).map((chart) => [chart, maskCharts[chart]()])),
		sql`${masks} AS MATERIALIZED (${maskCounts(filters)})`
	);
}

/** One chart's rows of an `indicatorMaskCharts` answer, as its own query gives them; undefined while none. */
export function maskChartRows<Row extends object>(
	rows: readonly object[] | undefined,
	chart: MaskChart
): Row[] | undefined {
	return mergedRows<Row>(rows, chart);
}
