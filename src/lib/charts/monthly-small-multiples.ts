import * as Plot from '@observablehq/plot';
import { formatMonth, parseIsoDay } from '$lib/format/date';
import { formatDecimal } from '$lib/format/number';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { categorical, gridline, muted, text } from './palette';
import { selectOnClick } from './select-on-click';
import { spcMarks } from './spc-marks';
import { plotClass } from './plot-style';
import { selectable, takeMarks } from './reselect';

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
 * heavy frame and "(selected)" in their title; clicking a panel reports its key. The selection can be changed
 * on the drawn chart (`reselect`), without drawing it again.
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
	const panels = labels.map((label) => points.find((candidate) => candidate.label === label)!);
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
			// A rect with no x or y fills its facet: a heavy frame round each panel, kept only round those
			// selected (selectPanels).
			Plot.rect(panels, { fx, fy, fill: 'none', stroke: text, strokeWidth: 3, className: FRAMES }),
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
				text: 'label',
				className: TITLES,
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
	const restyle = selectPanels(chart, panels);
	return selectable(labelChart(chart, options.label), restyle, options.selected);
}

/** Class names that find the heavy frames' and the titles' marks in the drawing, removed once found. */
const FRAMES = 'sightline-selected-frames';
const TITLES = 'sightline-panel-titles';

/**
 * How a drawn small multiple shows a selection: the heavy frames of the selected panels in their mark (the
 * mark left out while none is, as Plot leaves out a mark with no data), in the panels' order, and each
 * title with "(selected)" or without. The chart is drawn with every panel's frame; each is matched to its
 * panel through its facet's position, the same as its title's.
 */
function selectPanels(chart: Element, panels: readonly { key: string; label: string }[]) {
	// Plot writes a faceted mark's class on each of its facets' groups.
	const frameGroups = takeMarks(chart, FRAMES);
	const titleGroups = takeMarks(chart, TITLES);
	const frames = frameGroups[0]?.parentElement;
	// Where the frames' mark goes back: after the mark drawn before it (Plot's panel frames).
	const before = frames?.previousElementSibling;
	const keyOf = new Map(panels.map((panel) => [panel.label, panel.key]));
	const keyAt = new Map<string | null, string>();
	const title = new Map<string, { element: Element; label: string }>();
	for (const group of titleGroups)
		for (const element of group.querySelectorAll('text')) {
			const label = element.textContent ?? '';
			const key = keyOf.get(label);
			if (key === undefined) continue;
			title.set(key, { element, label });
			keyAt.set(group.getAttribute('transform'), key);
		}
	const frame = frameGroups.map((element) => ({
		element,
		key: keyAt.get(element.getAttribute('transform'))
	}));
	return (selected: ReadonlySet<string>) => {
		for (const [key, { element, label }] of title) {
			const text = selected.has(key) ? `${label} (selected)` : label;
			if (element.textContent !== text) element.textContent = text;
		}
		if (!frames || !before) return;
		const shown = frame.filter(({ key }) => key !== undefined && selected.has(key));
		frames.replaceChildren(...shown.map(({ element }) => element));
		if (shown.length === 0) frames.remove();
		else if (frames.previousElementSibling !== before) before.after(frames);
	};
}
