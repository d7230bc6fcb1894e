import * as Plot from '@observablehq/plot';
import { formatMonth, parseIsoDay } from '$lib/format/date';
import { formatDecimal } from '$lib/format/number';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { categorical, gridline, muted, text } from './palette';
import { selectOnClick } from './select-on-click';
import { spcMarks } from './spc-marks';
import { plotClass } from './plot-style';

export interface PanelPoint {
	month: string;
	/** The panel: a district code, or another group's code. */
	key: string;
	label: string;
	/** Null when suppressed in publication mode: a gap. */
	value: number | null;
	/** XmR centre line and limits; null for a plain line chart. */
	mean: number | null;
	upl: number | null;
	lpl: number | null;
	incomplete: boolean;
	signal: 'high' | 'low' | null;
	specialCause: string | null;
	/** GSS symbols of suppressed fields, for the table view (publication mode). */
	suppressed?: Record<string, string>;
}

const signalColour = { high: categorical[3], low: categorical[1] } as const;

/**
 * Monthly counts as small multiples, one panel per group on a shared scale (six groups would need six
 * colours in one panel, so position carries the group). With XmR values it is an SPC chart: the mean
 * (solid) and process limits (dashed), special-cause months as large markers (orange triangles high,
 * turquoise diamonds low: shape and colour); an incomplete month is a hollow circle. Selected panels have a
 * heavy frame and "(selected)" in their title; clicking a panel reports its key.
 */
export function monthlySmallMultiplesChart(
	data: readonly PanelPoint[],
	options: ChartOptions & {
		onSelect?: (key: string) => void;
		valueLabel: string;
		/** What one count is, for the tooltip: "referrals", "episodes". */
		unit: string;
		selected?: readonly string[];
		/** Shade the months from this one on (yyyy-mm-01): the selected period within a longer history. */
		highlightFrom?: string;
		/** Panels per row at full width; default 3. */
		columns?: number;
		height?: number;
	}
): Element {
	const labels = [...new Set(data.map((point) => point.label))];
	const maxColumns = options.columns ?? 3;
	const columns = options.width < 640 ? 1 : options.width < 960 ? Math.min(2, maxColumns) : maxColumns;
	const position = new Map(labels.map((label, index) => [label, index]));
	const fx = (point: { label: string }) => (position.get(point.label) ?? 0) % columns;
	const fy = (point: { label: string }) => Math.floor((position.get(point.label) ?? 0) / columns);
	const points = data.map((point) => ({ ...point, date: parseIsoDay(point.month) }));
	type Point = (typeof points)[number];
	const selected = new Set(options.selected ?? []);
	const panels = labels.map((label) => {
		const point = points.find((candidate) => candidate.label === label)!;
		return { ...point, title: selected.has(point.key) ? `${label} (selected)` : label };
	});
	const rows = Math.ceil(labels.length / columns);
	const last = points.reduce((latest, point) => (point.date > latest ? point.date : latest), new Date(0));
	const chart = Plot.plot({
		className: plotClass,
		document: options.document,
		width: options.width,
		height: rows * (options.height ?? 190) + 50,
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
						x2: () => last,
						fx,
						fy,
						fill: '#f3f2f1'
					})
				: null,
			Plot.frame({ stroke: gridline }),
			// A rect with no x or y fills its facet: a heavy frame round each selected panel.
			Plot.rect(
				panels.filter((panel) => selected.has(panel.key)),
				{ fx, fy, fill: 'none', stroke: text, strokeWidth: 3 }
			),
			spcMarks(points, {
				x: 'date',
				fx,
				fy,
				excluded: (point) => point.incomplete,
				limits: { stroke: muted, strokeDasharray: '4,3' },
				mean: { stroke: muted },
				line: { stroke: categorical[0], strokeWidth: 1.5 },
				special: {
					r: 4,
					symbol: (point: Point) => (point.signal === 'high' ? 'triangle' : 'diamond'),
					fill: (point: Point) => signalColour[point.signal ?? 'high'],
					stroke: text,
					strokeWidth: 0.75
				},
				hollow: { r: 3.5, stroke: categorical[0], fill: '#fff' }
			}),
			Plot.text(panels, {
				fx,
				fy,
				text: 'title',
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
							point.label,
							`${formatMonth(point.date)}: ${point.value ?? 'c (suppressed)'} ${options.unit}${point.incomplete ? ' (month not complete)' : ''}`,
							point.mean !== null
								? `Mean ${formatDecimal(point.mean)}, limits ${formatDecimal(point.lpl ?? 0)} to ${formatDecimal(point.upl ?? 0)}`
								: '',
							point.specialCause && point.signal ? `Special cause: ${point.specialCause}` : '',
							options.onSelect ? 'Click to filter' : ''
						]
							.filter(Boolean)
							.join('\n')
				})
			)
		]
	});
	selectOnClick<PanelPoint>(chart, (point) => point.key, options.onSelect);
	return labelChart(chart, options.label);
}
