import * as Plot from '@observablehq/plot';
import { parseIsoDay } from '$lib/format/date';
import type { SpcSeries } from '$lib/transform/spc-series';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { spcStyle } from './spc-marks';

export interface SparklineOptions extends ChartOptions {
	height?: number;
}

/**
 * A small XmR chart for a headline: the series, its mean and process limits, special causes as triangles
 * pointing the way they depart, excluded periods hollow. No axes: the headline and its summary carry the
 * numbers, and the Trends page has the full chart.
 */
export function spcSparkline(series: SpcSeries, options: SparklineOptions): Element {
	const rows = series.points.map((point) => ({
		...point,
		date: parseIsoDay(point.period),
		lpl: point.lpl === null ? null : Math.max(0, point.lpl)
	}));
	const included = rows.filter((row) => row.excluded === null);
	const withLimits = included.filter((row) => row.mean !== null);
	const line = (y: 'mean' | 'upl' | 'lpl', stroke: string, dash?: string) =>
		Plot.lineY(withLimits, {
			x: 'date',
			y,
			stroke,
			strokeWidth: 1,
			...(dash ? { strokeDasharray: dash } : {})
		});
	const chart = Plot.plot({
		document: options.document,
		width: options.width,
		height: options.height ?? 64,
		margin: 6,
		x: { type: 'utc', axis: null },
		y: { axis: null, zero: true },
		marks: [
			line('upl', spcStyle.limit, '4,3'),
			line('lpl', spcStyle.limit, '4,3'),
			line('mean', spcStyle.mean),
			Plot.lineY(included, { x: 'date', y: 'value', stroke: spcStyle.value, strokeWidth: 1.5 }),
			Plot.dot(
				included.filter((row) => row.signal !== null && row.value !== null),
				{
					x: 'date',
					y: 'value',
					symbol: 'triangle',
					r: 3.5,
					fill: spcStyle.special,
					rotate: (row: { signal: string | null }) => (row.signal === 'low' ? 180 : 0)
				}
			),
			Plot.dot(
				rows.filter((row) => row.excluded !== null && row.value !== null),
				{ x: 'date', y: 'value', r: 3, fill: '#fff', stroke: spcStyle.excluded, strokeWidth: 1.25 }
			)
		]
	});
	return labelChart(chart, options.label);
}
