import type { Filters } from '$lib/domain/filters';
import { join, literal, sql, Sql } from '../../sql';
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

/** A chart's columns in the merged answer: its own names after `<chart>.`. */
const prefix = (chart: MaskChart) => `${chart}.`;

/**
 * The combinations, pairs and indicators-per-referral queries as one (issue 14): the masks are counted once
 * (under a cohort filter, one scan of the 1M-row facts instead of three), and the page makes one round trip
 * to the engine instead of three. Each chart's rows keep their order (`chart_row`, numbered over its ordered
 * query) and their columns under `<chart>.`, the others NULL; `maskChartRows` takes one chart's rows back out.
 * Publication is row by row, so each row is published as its own query's would be.
 */
export function indicatorMaskCharts(filters: Filters): Sql {
	const parts = (Object.keys(maskCharts) as MaskChart[]).map((chart) => {
		const query = maskCharts[chart]();
		return {
			dimensions: query.dimensions.map((name) => prefix(chart) + name),
			select: sql`SELECT ${chart} AS chart, row_number() OVER () AS chart_row, COLUMNS(*) AS ${literal(`${prefix(chart)}\\0`)}
	FROM (${query})`
		};
	});
	return new Sql(
		sql`WITH ${masks} AS MATERIALIZED (${maskCounts(filters)})
SELECT * EXCLUDE (chart_row) FROM (
	${join(
		parts.map((part) => part.select),
		'\n\tUNION ALL BY NAME\n\t'
	)}
)
ORDER BY chart, chart_row`.text,
		parts.flatMap((part) => part.dimensions)
	);
}

/** One chart's rows of an `indicatorMaskCharts` answer, as its own query gives them; undefined while none. */
export function maskChartRows<Row extends object>(
	rows: readonly object[] | undefined,
	chart: MaskChart
): Row[] | undefined {
	if (!rows) return undefined;
	// Every row of the answer has every chart's columns: the chart's own are found once, not row by row.
	const columns = Object.keys(rows[0] ?? {})
		.filter((name) => name.startsWith(prefix(chart)))
		.map((name) => [name, name.slice(prefix(chart).length)] as const);
	return rows
		.filter((row) => (row as { chart?: unknown }).chart === chart)
		.map((row) => {
			const own: Record<string, unknown> = {};
			for (const [name, short] of columns) own[short] = (row as Record<string, unknown>)[name];
			return own as Row;
		});
}
