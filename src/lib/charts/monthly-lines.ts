import * as Plot from '@observablehq/plot';
import { formatMonth, parseIsoDay } from '$lib/format/date';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { categorical, gridline, pair, text } from './palette';
import { plotClass } from './plot-style';
import { textWidth } from './text-width';

export interface SeriesPoint {
	month: string;
	series: string;
	seriesLabel: string;
	/** Null when suppressed in publication mode: a gap. */
	value: number | null;
	/** The month is not over yet: drawn as a hollow circle, off the line. */
	incomplete?: boolean;
}

const HEIGHT = 320;
/** On paper: the Missing page's first figure then fits on the first sheet, below the headline cards. */
const PAPER_HEIGHT = 240;
const MARGIN = { top: 20, bottom: 40 };
const LINE = 16;
/** The gap between a line's last point and its label (the label's `dx`). */
const LABEL_GAP = 6;

/**
 * The right margin: room for the widest end label (bold, so measured a point larger) after its gap, and
 * no more, so short labels such as "Episodes" leave the lines the width; never over 45% of the chart.
 */
export function endLabelMargin(labels: readonly string[], width: number): number {
	const widest = Math.max(0, ...labels.map((label) => textWidth(label, 14)));
	return Math.round(Math.min(width * 0.45, Math.max(24, LABEL_GAP + widest + 8)));
}

/**
 * Up to four monthly series in one panel, each named at its right-hand end (direct labels, so colour is never
 * the only cue; labels that would collide are moved apart) and drawn with a different dash pattern. An
 * incomplete month is a hollow circle off the line.
 */
export function monthlyLinesChart(
	data: readonly SeriesPoint[],
	options: ChartOptions & { valueLabel: string }
): Element {
	const series = [...new Set(data.map((point) => point.series))];
	const points = data.map((point) => ({ ...point, date: parseIsoDay(point.month) }));
	type Point = (typeof points)[number];
	// The Analysis Function pair for two series; the categorical palette for more.
	const palette: readonly string[] = series.length === 2 ? pair : categorical;
	const colour = (key: string) => palette[series.indexOf(key) % palette.length]!;
	const dashes = ['none', '6,3', '2,3', '8,3,2,3'];
	const complete = points.filter((point) => !point.incomplete);
	const yMax = Math.max(1, ...points.map((point) => point.value ?? 0)) * 1.08;
	const height = options.paper ? PAPER_HEIGHT : HEIGHT;
	const plotHeight = height - MARGIN.top - MARGIN.bottom;
	const ends = series
		.map((key) => complete.filter((point) => point.series === key && point.value !== null).at(-1))
		.filter((point): point is Point => point !== undefined)
		.sort((a, b) => b.value! - a.value!);
	let previous = Infinity;
	const labels = ends.map((end) => {
		const top = Math.min(previous - LINE, (end.value! / yMax) * plotHeight);
		previous = top;
		return { ...end, labelY: (top / plotHeight) * yMax };
	});
	const chart = Plot.plot({
		className: plotClass,
		document: options.document,
		width: options.width,
		height,
		marginTop: MARGIN.top,
		marginBottom: MARGIN.bottom,
		marginLeft: 48,
		marginRight: endLabelMargin(
			labels.map((end) => end.seriesLabel),
			options.width
		),
		x: { type: 'utc', label: null },
		y: { grid: true, label: options.valueLabel, domain: [0, yMax] },
		style: { fontSize: '13px', color: text },
		marks: [
			Plot.frame({ stroke: gridline }),
			...series.map((key, index) =>
				Plot.lineY(
					complete.filter((point) => point.series === key),
					{
						x: 'date',
						y: 'value',
						stroke: colour(key),
						strokeWidth: 2,
						strokeDasharray: dashes[index % dashes.length]
					}
				)
			),
			Plot.dot(
				points.filter((point) => point.incomplete && point.value !== null),
				{ x: 'date', y: 'value', r: 3.5, fill: '#fff', stroke: (point: Point) => colour(point.series) }
			),
			...labels.map((end) =>
				Plot.text([end], {
					x: 'date',
					y: 'labelY',
					text: 'seriesLabel',
					textAnchor: 'start',
					dx: LABEL_GAP,
					// Dark text for contrast (WCAG 1.4.3); the label sits at the end of its own line.
					fill: text,
					fontWeight: 'bold'
				})
			),
			Plot.tip(
				points,
				Plot.pointerX({
					x: 'date',
					y: 'value',
					title: (point: Point) =>
						`${formatMonth(point.date)}${point.incomplete ? ' (not complete)' : ''}\n${point.seriesLabel}: ${point.value ?? 'c (suppressed)'}`
				})
			)
		]
	});
	return labelChart(chart, options.label);
}
