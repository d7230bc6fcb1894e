import * as Plot from '@observablehq/plot';
import { parseIsoDay } from '$lib/format/date';
import type { SpcSeries } from '$lib/transform/spc-series';
import { labelChart } from '$lib/charts/accessible-svg';
import type { ChartOptions } from '$lib/charts/chart-options';
import { departure, spcMarks, spcStyle } from '$lib/charts/spc-marks';
import { plotClass } from '$lib/charts/plot-style';

export interface SparklineOptions extends ChartOptions {
	height?: number;
}

/**
 * A small XmR chart for a headline: the series, its mean and process limits, special causes as triangles
 * pointing the way they depart, excluded periods hollow. No axes: the headline and its summary carry the
 * numbers, and the Trends page has the full chart.
 */
/** The sparkline as Plot drew it, before it was written by hand: the reference its SVG is checked against. */
export function plotSparkline(series: SpcSeries, options: SparklineOptions): Element {
	const rows = series.points.map((point) => ({ ...point, date: parseIsoDay(point.period) }));
	const chart = Plot.plot({
		className: plotClass,
		document: options.document,
		width: options.width,
		height: options.height ?? 64,
		margin: 6,
		x: { type: 'utc', axis: null },
		y: { axis: null, zero: true },
		marks: spcMarks(rows, {
			x: 'date',
			excluded: (row) => row.excluded !== null,
			limits: { stroke: spcStyle.limit, strokeDasharray: '4,3', strokeWidth: 1 },
			mean: { stroke: spcStyle.mean, strokeWidth: 1 },
			line: { stroke: spcStyle.value, strokeWidth: 1.5 },
			special: { symbol: 'triangle', r: 3.5, fill: spcStyle.special, rotate: departure },
			hollow: { r: 3, fill: '#fff', stroke: spcStyle.excluded, strokeWidth: 1.25 }
		})
	});
	return labelChart(chart, options.label);
}
