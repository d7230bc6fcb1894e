import * as Plot from '@observablehq/plot';
import { parseIsoDay } from '$lib/format/date';
import { formatDecimal } from '$lib/format/number';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { categorical, gridline, muted, text } from './palette';
import { selectOnClick } from './select-on-click';

export interface SpcChartPoint {
	month: string;
	district: string;
	districtLabel: string;
	/** Null when suppressed in publication mode: a gap. */
	value: number | null;
	mean: number | null;
	upl: number | null;
	lpl: number | null;
	incomplete: boolean;
	signal: 'high' | 'low' | null;
	specialCause: string | null;
}

const signalColour = { high: categorical[3], low: categorical[1] } as const;

/**
 * XmR charts as small multiples, one panel per district on a shared scale: the monthly count, the mean
 * (solid) and process limits (dashed). Special-cause months are large markers, orange triangles when high
 * and turquoise diamonds when low (shape and colour); an incomplete month is a hollow circle. Clicking a
 * panel toggles its district in the filter.
 */
export function spcSmallMultiplesChart(
	data: readonly SpcChartPoint[],
	options: ChartOptions & {
		onSelect?: (district: string) => void;
		valueLabel: string;
		/** Shade the months from this one on (yyyy-mm-01): the selected period within a longer history. */
		highlightFrom?: string;
	}
): Element {
	const labels = [...new Set(data.map((point) => point.districtLabel))];
	const columns = options.width < 640 ? 1 : options.width < 960 ? 2 : 3;
	const position = new Map(labels.map((label, index) => [label, index]));
	const fx = (point: { districtLabel: string }) => (position.get(point.districtLabel) ?? 0) % columns;
	const fy = (point: { districtLabel: string }) =>
		Math.floor((position.get(point.districtLabel) ?? 0) / columns);
	const points = data.map((point) => ({ ...point, date: parseIsoDay(point.month) }));
	type Point = (typeof points)[number];
	const complete = points.filter((point) => !point.incomplete);
	const special = points.filter((point) => point.signal !== null && point.value !== null);
	const incomplete = points.filter((point) => point.incomplete && point.value !== null);
	const panels = labels.map((label) => points.find((point) => point.districtLabel === label)!);
	const rows = Math.ceil(labels.length / columns);
	const chart = Plot.plot({
		document: options.document,
		width: options.width,
		height: rows * 190 + 50,
		marginLeft: 44,
		marginTop: 24,
		fx: { axis: null },
		fy: { axis: null },
		x: { type: 'utc', label: null, ticks: 4 },
		y: { grid: true, label: options.valueLabel, nice: true, zero: true },
		style: { fontSize: '13px', color: text },
		marks: [
			options.highlightFrom !== undefined
				? Plot.rectX(panels, {
						x1: () => parseIsoDay(options.highlightFrom!),
						x2: () => points.at(-1)!.date,
						fx,
						fy,
						fill: '#f3f2f1'
					})
				: null,
			Plot.frame({ stroke: gridline }),
			Plot.lineY(complete, { x: 'date', y: 'upl', fx, fy, stroke: muted, strokeDasharray: '4,3' }),
			Plot.lineY(complete, { x: 'date', y: 'lpl', fx, fy, stroke: muted, strokeDasharray: '4,3' }),
			Plot.lineY(complete, { x: 'date', y: 'mean', fx, fy, stroke: muted }),
			Plot.lineY(points, { x: 'date', y: 'value', fx, fy, stroke: categorical[0], strokeWidth: 1.5 }),
			Plot.dot(special, {
				x: 'date',
				y: 'value',
				fx,
				fy,
				r: 4,
				symbol: (point: Point) => (point.signal === 'high' ? 'triangle' : 'diamond'),
				fill: (point: Point) => signalColour[point.signal ?? 'high'],
				stroke: text,
				strokeWidth: 0.75
			}),
			Plot.dot(incomplete, { x: 'date', y: 'value', fx, fy, r: 3.5, stroke: categorical[0], fill: '#fff' }),
			Plot.text(panels, {
				fx,
				fy,
				text: 'districtLabel',
				frameAnchor: 'top-left',
				dx: 6,
				dy: 6,
				fontWeight: 'bold',
				fill: text,
				stroke: '#fff',
				strokeWidth: 4,
				paintOrder: 'stroke'
			}),
			Plot.tip(
				points,
				Plot.pointerX({
					x: 'date',
					y: 'value',
					fx,
					fy,
					title: (point: Point) =>
						[
							point.districtLabel,
							`${point.date.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })}: ${point.value ?? 'c (suppressed)'}${point.incomplete ? ' (month not complete)' : ''}`,
							point.mean !== null
								? `Mean ${formatDecimal(point.mean)}, limits ${formatDecimal(point.lpl ?? 0)} to ${formatDecimal(point.upl ?? 0)}`
								: '',
							point.specialCause && point.signal ? `Special cause: ${point.specialCause}` : '',
							'Click to filter by district'
						]
							.filter(Boolean)
							.join('\n')
				})
			)
		]
	});
	selectOnClick<SpcChartPoint>(chart, (point) => point.district, options.onSelect);
	return labelChart(chart, options.label);
}
