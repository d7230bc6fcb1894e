import * as Plot from '@observablehq/plot';
import { parseIsoDay } from '$lib/format/date';
import { formatPercent } from '$lib/format/number';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { categorical, gridline, text } from './palette';
import { plotClass } from './plot-style';
import { textWidth } from './text-width';

export interface SharePoint {
	/** Period start, yyyy-mm-dd. */
	period: string;
	/** Label for tooltips and tables, e.g. "Jul to Sep 2025". */
	periodLabel: string;
	series: string;
	seriesLabel: string;
	/** 0–1; null when suppressed (a gap). */
	share: number | null;
	lower: number | null;
	upper: number | null;
	/** The period is not over yet: a hollow circle, off the line. */
	incomplete: boolean;
}

const LINE = 16;
const SVG = 'http://www.w3.org/2000/svg';
/** Below this width the direct labels' 170 px margin would squeeze the lines: a key above them instead. */
const KEY_BELOW = 560;
const KEY_TOP = 22;

/**
 * Shares over time on a 0–100% axis, one line per series (up to four, each with its own dash pattern and
 * named at its right-hand end, labels kept apart). A single series also shows its 95% interval as a band.
 */
export function sharesOverTimeChart(
	data: readonly SharePoint[],
	options: ChartOptions & { valueLabel: string }
): Element {
	const series = [...new Set(data.map((point) => point.series))];
	const points = data.map((point) => ({ ...point, date: parseIsoDay(point.period) }));
	type Point = (typeof points)[number];
	const complete = points.filter((point) => !point.incomplete);
	const colour = (key: string) => categorical[series.indexOf(key) % categorical.length]!;
	const dashes = ['none', '6,3', '2,3', '8,3,2,3'];
	const yMax = Math.min(
		1,
		Math.max(0.1, ...points.map((point) => (series.length === 1 ? point.upper : point.share) ?? 0)) * 1.1
	);
	const keyed = options.width < KEY_BELOW;
	const key = keyed
		? keyLayout(
				series.map((one) => data.find((point) => point.series === one)!.seriesLabel),
				options.width - 48
			)
		: [];
	const keyHeight = keyed ? Math.max(0, ...key.map((item) => item.row + 1)) * LINE + KEY_TOP - 12 : 0;
	const height = 320 + keyHeight;
	const plotHeight = 320 - 20 - 40;
	let previous = Infinity;
	const labels = series
		.map((key) => complete.filter((point) => point.series === key && point.share !== null).at(-1))
		.filter((point): point is Point => point !== undefined)
		.sort((a, b) => b.share! - a.share!)
		.map((end) => {
			const top = Math.min(previous - LINE, (end.share! / yMax) * plotHeight);
			previous = top;
			return { ...end, labelY: (top / plotHeight) * yMax };
		});
	const chart = Plot.plot({
		className: plotClass,
		document: options.document,
		width: options.width,
		height,
		marginTop: 20 + keyHeight,
		marginBottom: 40,
		marginLeft: 48,
		marginRight: keyed ? 16 : 170,
		x: { type: 'utc', label: null },
		y: { domain: [0, yMax * 100], percent: true, label: `${options.valueLabel} (%)`, grid: true },
		style: { fontSize: '13px', color: text },
		marks: [
			Plot.frame({ stroke: gridline }),
			series.length === 1
				? Plot.areaY(
						complete.filter((point) => point.lower !== null),
						{ x: 'date', y1: 'lower', y2: 'upper', fill: categorical[0], fillOpacity: 0.15 }
					)
				: null,
			...series.map((key, index) =>
				Plot.lineY(
					complete.filter((point) => point.series === key),
					{
						x: 'date',
						y: 'share',
						stroke: colour(key),
						strokeWidth: 2,
						strokeDasharray: dashes[index % dashes.length]
					}
				)
			),
			Plot.dot(
				complete.filter((point) => point.share !== null),
				{ x: 'date', y: 'share', r: 2.5, fill: (point: Point) => colour(point.series) }
			),
			Plot.dot(
				points.filter((point) => point.incomplete && point.share !== null),
				{ x: 'date', y: 'share', r: 3.5, fill: '#fff', stroke: (point: Point) => colour(point.series) }
			),
			Plot.text(keyed ? [] : labels, {
				x: 'date',
				y: 'labelY',
				text: 'seriesLabel',
				textAnchor: 'start',
				dx: 8,
				fill: text,
				fontWeight: 'bold'
			}),
			Plot.tip(
				points,
				Plot.pointerX({
					x: 'date',
					y: 'share',
					title: (point: Point) =>
						`${point.periodLabel}${point.incomplete ? ' (not complete)' : ''}\n${point.seriesLabel}: ${point.share === null ? 'c (suppressed)' : formatPercent(point.share)}${point.lower !== null && point.upper !== null ? ` (95% interval ${formatPercent(point.lower)} to ${formatPercent(point.upper)})` : ''}`
				})
			)
		]
	});
	if (keyed) {
		const doc = options.document ?? document;
		const group = doc.createElementNS(SVG, 'g');
		// Below the y axis's label, which Plot sets at the top of the SVG.
		group.setAttribute('transform', `translate(48,${KEY_TOP})`);
		group.setAttribute('font-weight', 'bold');
		group.setAttribute('text-anchor', 'start');
		key.forEach((item, index) => {
			const y = item.row * LINE + LINE / 2;
			const sample = doc.createElementNS(SVG, 'line');
			const attributes = {
				x1: item.x,
				x2: item.x + SAMPLE,
				y1: y,
				y2: y,
				stroke: colour(series[index]!),
				'stroke-width': 2,
				'stroke-dasharray': dashes[index % dashes.length]!
			};
			for (const [name, value] of Object.entries(attributes)) sample.setAttribute(name, String(value));
			const label = doc.createElementNS(SVG, 'text');
			label.setAttribute('x', String(item.x + SAMPLE + 6));
			label.setAttribute('y', String(y));
			label.setAttribute('dy', '0.32em');
			label.setAttribute('fill', text);
			label.textContent = item.label;
			group.append(sample, label);
		});
		chart.append(group);
	}
	return labelChart(chart, options.label);
}

const SAMPLE = 20;

/** Key entries (a line sample, then the label) laid out in rows within `width`. */
function keyLayout(labels: readonly string[], width: number): { label: string; x: number; row: number }[] {
	let [x, row] = [0, 0];
	return labels.map((label) => {
		// Bold system-ui runs about a quarter wider than the plain estimate.
		const entry = SAMPLE + 6 + textWidth(label) * 1.25 + 16;
		if (x > 0 && x + entry > width) [x, row] = [0, row + 1];
		const item = { label, x, row };
		x += entry;
		return item;
	});
}
