import * as Plot from '@observablehq/plot';
import { formatCount, formatDecimal } from '$lib/format/number';
import type { FunnelLimits } from '$lib/stats';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { categorical, gridline, muted, text } from './palette';
import { selectOnClick } from './select-on-click';
import { textWidth } from './text-width';
import { plotClass } from './plot-style';
import { selectable, takeMarks } from './reselect';

export interface FunnelPoint {
	district: string;
	districtLabel: string;
	/** The denominator: children × years (person-years). */
	population: number;
	rate: number;
	direction: 'higher' | 'lower' | 'similar' | null;
	/** The significance in words, shown beside the point. */
	significance: string;
}

/** Width of a 13px label plus a gap, for keeping labels apart (no DOM measurement: charts stay pure). */
const labelWidth = (label: string) => textWidth(label) + 12;
const LINE = 17;
/** Plot widths below this (in px) get the short labels. */
const NARROW = 480;
/** The chart's margins: a label may run into them, not past them. */
const MARGIN = { left: 56, right: 24, top: 20, bottom: 44 };
/** More points than this: only those outside the 95% limits (or selected) are labelled. */
export const manyPoints = 12;

/** A name written beside a line at a point (data units), moved `dy` px down (up if negative). */
export interface LineLabel {
	x: number;
	y: number;
	text: string;
	dy: number;
}

export interface PlacedLabel {
	point: FunnelPoint;
	text: string;
	/** Label position in data units, and which side of the point it sits ('middle': above it). */
	rate: number;
	anchor: 'start' | 'middle' | 'end';
}

/**
 * Place the point labels: to the right of a point in the left half of the plot, to the left in the right
 * half; a label that would overlap one already placed moves down a line (greedy, top to bottom). On a narrow
 * plot (a phone) the label drops the limit it lies beyond ("Peterborough: higher", not "Peterborough:
 * higher (beyond 99.8% limit)"), which ran off both edges (the summary and the table give it whole), and a
 * label that fits on neither side of its point is centred a line above it.
 */
export function placeLabels(
	points: readonly FunnelPoint[],
	{
		xMax,
		yMax,
		plotWidth,
		plotHeight,
		crowded = false,
		lineLabels = []
	}: {
		xMax: number;
		yMax: number;
		plotWidth: number;
		plotHeight: number;
		crowded?: boolean;
		/** The limit lines' names, already on the chart: a point's label keeps clear of them too. */
		lineLabels?: readonly LineLabel[];
	}
): PlacedLabel[] {
	const fixed = lineLabels.map((label) => {
		const left = (label.x / xMax) * plotWidth + 4;
		return {
			left,
			right: left + labelWidth(label.text),
			top: plotHeight - (label.y / yMax) * plotHeight + label.dy
		};
	});
	const placed: (PlacedLabel & { left: number; right: number; top: number })[] = [];
	for (const point of [...points].sort((a, b) => b.rate - a.rate)) {
		const significance =
			plotWidth < NARROW ? point.significance.replace(/\s*\(.*\)$/, '') : point.significance;
		// Crowded (many areas): the name only; shape and colour give the significance, the sentence says it.
		const text = crowded ? point.districtLabel : `${point.districtLabel}: ${significance.toLowerCase()}`;
		const x = (point.population / xMax) * plotWidth;
		const width = labelWidth(text);
		const half = x > plotWidth / 2 ? 'end' : 'start';
		const fits = (side: 'start' | 'end') =>
			side === 'start' ? x + 11 + width <= plotWidth + MARGIN.right : x - 11 - width >= -MARGIN.left;
		const other = half === 'start' ? 'end' : 'start';
		const anchor = fits(half) ? half : fits(other) ? other : 'middle';
		const left = anchor === 'start' ? x + 11 : anchor === 'end' ? x - 11 - width : x - width / 2;
		const right = left + width;
		let top = plotHeight - (point.rate / yMax) * plotHeight - (anchor === 'middle' ? LINE : 0);
		// Down a line past each label in the way, until none is: moving past one can land on another.
		const inTheWay = () =>
			[...fixed, ...placed].find(
				(other) => left < other.right && other.left < right && Math.abs(top - other.top) < LINE
			);
		for (let other = inTheWay(); other; other = inTheWay()) top = other.top + LINE;
		const pointTop = plotHeight - (point.rate / yMax) * plotHeight;
		// Crowded: a label pushed more than two lines from its point, or below the plot, is left out.
		if (crowded && (top - pointTop > 2 * LINE || top > plotHeight - 4)) continue;
		placed.push({ point, text, anchor, left, right, top, rate: ((plotHeight - top) / plotHeight) * yMax });
	}
	return placed.map(({ point, text, anchor, rate }) => ({ point, text, anchor, rate }));
}

const colour = { higher: categorical[3], lower: categorical[1], similar: categorical[0] } as const;
const symbol = { higher: 'triangle', lower: 'diamond', similar: 'circle' } as const;

/** Class name that finds the marks a selection changes (the dots and their labels), removed once found. */
const SELECTION = 'sightline-funnel-selection';

/**
 * A funnel plot of rates against the partnership rate (Spiegelhalter 2005; PHE Fingertips): each district at
 * its population, the baseline, 95% (dashed) and 99.8% (solid) limits drawn from `curve`. Each point is
 * labelled with its name and significance (beyond 12 areas, only those outside the 95% limits or selected,
 * by name, where a label fits near its point);
 * shape and colour repeat the significance (never colour alone). Districts in the filter (`selected`,
 * district codes) are drawn larger, with a heavier outline and a bold label. The selection can be changed on
 * the drawn chart (`reselect`): Plot draws only the dots and labels again, on the chart's own fixed scales.
 */
export function rateFunnelChart(
	points: readonly FunnelPoint[],
	curve: readonly FunnelLimits[],
	options: ChartOptions & {
		onSelect?: (district: string) => void;
		populationLabel: string;
		selected?: readonly string[];
	}
): Element {
	const yMax = Math.max(...points.map((point) => point.rate), ...curve.map((limit) => limit.upper998)) * 1.08;
	const xMax = Math.max(
		...points.map((point) => point.population),
		...curve.map((limit) => limit.denominator)
	);
	const margin = MARGIN;
	const height = 440;
	// Name the limit lines at the left, where the funnel is widest and the lines are furthest apart.
	const start = curve[0];
	const lineLabel = (key: keyof FunnelLimits, label: string, dy: number): LineLabel[] =>
		start ? [{ x: start.denominator, y: start[key], text: label, dy }] : [];
	const above = [
		...lineLabel('upper998', '99.8% limit', -7),
		...lineLabel('upper95', '95% limit', -7),
		...lineLabel('baseline', 'Partnership', -7)
	];
	// A lower limit close to zero has no room for a label beneath it (it would sit on the axis).
	const below = [
		...lineLabel('lower95', '95% limit', 12),
		...lineLabel('lower998', '99.8% limit', 12)
	].filter((label) => label.y > yMax * 0.08);
	/** The dots and their labels for a selection: all that a selection changes. */
	const selectionMarks = (selected: ReadonlySet<string>) => {
		const isSelected = (point: FunnelPoint) => selected.has(point.district);
		// With many areas (a regional reference of 20 or more), naming every point piles the labels on the
		// limits and below the axis: only the areas outside the 95% limits, and those selected, are named; the
		// sentence and the table name them all.
		const named =
			points.length > manyPoints
				? points.filter(
						(point) => isSelected(point) || (point.direction !== 'similar' && point.direction !== null)
					)
				: points;
		const labels = placeLabels(named, {
			crowded: points.length > manyPoints,
			xMax,
			yMax,
			plotWidth: options.width - margin.left - margin.right,
			plotHeight: height - margin.top - margin.bottom,
			lineLabels: [...above, ...below]
		});
		const labelMark = (anchor: PlacedLabel['anchor'], bold: boolean) =>
			Plot.text(
				labels.filter((label) => label.anchor === anchor && isSelected(label.point) === bold),
				{
					x: (label: PlacedLabel) => label.point.population,
					y: 'rate',
					text: 'text',
					textAnchor: anchor,
					dx: anchor === 'start' ? 11 : anchor === 'end' ? -11 : 0,
					fontWeight: bold ? 'bold' : 'normal',
					stroke: '#fff',
					strokeWidth: 4,
					paintOrder: 'stroke',
					fill: text,
					className: SELECTION
				}
			);
		return [
			Plot.dot(points, {
				x: 'population',
				y: 'rate',
				symbol: (point: FunnelPoint) => symbol[point.direction ?? 'similar'],
				fill: (point: FunnelPoint) => colour[point.direction ?? 'similar'],
				stroke: text,
				strokeWidth: (point: FunnelPoint) => (isSelected(point) ? 2.5 : 1),
				r: (point: FunnelPoint) => (isSelected(point) ? 8 : 6),
				className: SELECTION
			}),
			labelMark('start', false),
			labelMark('middle', false),
			labelMark('end', false),
			labelMark('start', true),
			labelMark('middle', true),
			labelMark('end', true)
		];
	};
	const layout = {
		className: plotClass,
		document: options.document,
		width: options.width,
		height,
		marginLeft: margin.left,
		marginRight: margin.right,
		marginTop: margin.top,
		marginBottom: margin.bottom,
		style: { fontSize: '13px', color: text }
	};
	const chart = Plot.plot({
		...layout,
		x: {
			label: options.populationLabel,
			grid: true,
			domain: [0, xMax],
			tickFormat: (value: number) => formatCount(value)
		},
		y: { label: 'Referrals per 10,000 children a year', grid: true, domain: [0, yMax] },
		marks: [
			Plot.frame({ stroke: gridline }),
			Plot.line(curve, { x: 'denominator', y: 'upper998', stroke: muted, strokeWidth: 1.5 }),
			Plot.line(curve, { x: 'denominator', y: 'lower998', stroke: muted, strokeWidth: 1.5 }),
			Plot.line(curve, { x: 'denominator', y: 'upper95', stroke: muted, strokeDasharray: '5,4' }),
			Plot.line(curve, { x: 'denominator', y: 'lower95', stroke: muted, strokeDasharray: '5,4' }),
			Plot.line(curve, { x: 'denominator', y: 'baseline', stroke: text, strokeWidth: 1.5 }),
			Plot.text(above, { x: 'x', y: 'y', text: 'text', textAnchor: 'start', dx: 4, dy: -7, fill: muted }),
			Plot.text(below, { x: 'x', y: 'y', text: 'text', textAnchor: 'start', dx: 4, dy: 12, fill: muted }),
			...selectionMarks(new Set(options.selected)),
			Plot.tip(
				points,
				Plot.pointer({
					x: 'population',
					y: 'rate',
					title: (point: FunnelPoint) =>
						`${point.districtLabel}\n${formatDecimal(point.rate)} per 10,000 a year\n${formatCount(Math.round(point.population))} ${options.populationLabel.toLowerCase()}\n${point.significance}\nClick to filter by district`
				})
			)
		]
	});
	selectOnClick<FunnelPoint>(chart, (point) => point.district, options.onSelect);
	// The same frame and fixed scales without axes: the selection's marks land where the chart's would.
	const drawSelection = (selected: ReadonlySet<string>) =>
		Plot.plot({
			...layout,
			x: { domain: [0, xMax], axis: null },
			y: { domain: [0, yMax], axis: null },
			marks: selectionMarks(selected)
		});
	return selectable(
		labelChart(chart, options.label),
		replaceSelection(chart, drawSelection),
		options.selected
	);
}

/**
 * How a drawn funnel shows a selection: its dots and labels replaced by those Plot draws for the new
 * selection on a chart of the same frame and scales (`drawSelection`), in the same place among the marks.
 * The chart comes drawn for its first selection, so that one is not drawn again.
 */
function replaceSelection(chart: Element, drawSelection: (selected: ReadonlySet<string>) => Element) {
	let shown = takeMarks(chart, SELECTION);
	const before = shown[0]?.previousElementSibling;
	let first = true;
	return (selected: ReadonlySet<string>) => {
		if (first || !before) return void (first = false);
		const drawn = takeMarks(labelChart(drawSelection(selected), ''), SELECTION);
		for (const group of shown) group.remove();
		before.after(...drawn);
		shown = drawn;
	};
}
