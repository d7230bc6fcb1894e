import * as Plot from '@observablehq/plot';
import { labelChart } from './accessible-svg';
import { valueMargin } from './text-width';
import type { ChartOptions } from './chart-options';
import { categorical, gridline, text } from './palette';
import { selectOnClick } from './select-on-click';
import { plotClass } from './plot-style';

export interface CategoryBar {
	key: string;
	label: string;
	/** Null when suppressed in publication mode: no bar, and the value text says why. */
	value: number | null;
	/** Optional 95% interval, drawn as a whisker. */
	lower?: number | null;
	upper?: number | null;
	/** Printed at the end of the bar: the value as the page formats it ("45.9%", "c"). */
	text: string;
	/** Drawn in the accent colour; the label or text must say why (colour is never the only cue). */
	highlight?: boolean;
	tooltip?: string;
}

/**
 * Horizontal bars, one per category in the order given, each with its value printed at the end and an
 * optional 95% interval whisker. Clicking a bar reports its key when `onSelect` is given.
 */
export function categoryBarsChart(
	data: readonly CategoryBar[],
	options: ChartOptions & {
		valueLabel: string;
		/** Values are shares (0–1), shown as percentages on a 0–100% axis. */
		percent?: boolean;
		onSelect?: (key: string) => void;
		marginLeft?: number;
	}
): Element {
	const shown = data.filter((bar) => bar.value !== null);
	const whiskers = shown.filter((bar) => bar.lower !== undefined && bar.lower !== null);
	const max = Math.max(0, ...shown.map((bar) => Math.max(bar.value!, bar.upper ?? 0)));
	// Room for the value printed after the longest bar (100% reaches the frame).
	const marginRight = valueMargin(
		data.map((bar) => bar.text),
		{ min: 70 }
	);
	const labelWidth = options.marginLeft ?? 190;
	// On a phone (or where the labels are long) labels beside the bars would leave them no room, or a
	// negative width: each label goes on its own line above its bar, and the bars take the whole width.
	const stacked = options.width - labelWidth - marginRight < options.width * 0.35;
	// Stacked: the bar sits in the lower part of its row, under its label; whiskers and values follow it.
	const shift = stacked ? 8 : 0;
	const chart = Plot.plot({
		className: plotClass,
		document: options.document,
		width: options.width,
		height: data.length * (stacked ? 54 : 38) + 74,
		marginLeft: stacked ? 10 : labelWidth,
		marginRight,
		marginBottom: 44,
		y: stacked
			? { domain: data.map((bar) => bar.label), label: null, axis: null, padding: 0 }
			: { domain: data.map((bar) => bar.label), label: null },
		x: {
			...(options.percent
				? { domain: [0, 100], label: `${options.valueLabel} (%)`, percent: true }
				: { domain: [0, max * 1.1 || 1], label: options.valueLabel, nice: true }),
			grid: true,
			// Centred below the tick labels, never on top of the last one; from the left edge when the bars
			// are narrow, so a long label is not cut off at both ends.
			labelAnchor: stacked ? 'left' : 'center',
			labelArrow: 'none',
			labelOffset: 36
		},
		style: { fontSize: '13px', color: text },
		marks: [
			Plot.frame({ stroke: gridline }),
			stacked
				? Plot.text(data, {
						y: 'label',
						frameAnchor: 'left',
						text: 'label',
						textAnchor: 'start',
						lineAnchor: 'top',
						dy: -22,
						fill: text,
						fontWeight: 'bold',
						// A label longer than the chart is wide (a phone) ends in "…" rather than running off the
						// edge; the tooltip and the table give it whole. Plot measures lines in ems (13 px here).
						lineWidth: (options.width - 16) / 13,
						textOverflow: 'ellipsis'
					})
				: null,
			Plot.barX(shown, {
				y: 'label',
				x: 'value',
				fill: (bar: CategoryBar) => (bar.highlight ? categorical[3] : categorical[0]),
				insetTop: stacked ? 24 : 6,
				insetBottom: stacked ? 8 : 6
			}),
			Plot.ruleY(whiskers, {
				y: 'label',
				x1: 'lower',
				x2: 'upper',
				stroke: text,
				strokeWidth: 1.5,
				dy: shift
			}),
			Plot.tickX(whiskers, {
				y: 'label',
				x: 'lower',
				stroke: text,
				strokeWidth: 1.5,
				insetTop: stacked ? 28 : 10,
				insetBottom: stacked ? 12 : 10
			}),
			Plot.tickX(whiskers, {
				y: 'label',
				x: 'upper',
				stroke: text,
				strokeWidth: 1.5,
				insetTop: stacked ? 28 : 10,
				insetBottom: stacked ? 12 : 10
			}),
			Plot.text(data, {
				y: 'label',
				x: (bar: CategoryBar) => Math.max(bar.value ?? 0, bar.upper ?? 0),
				text: 'text',
				textAnchor: 'start',
				dx: 6,
				dy: shift,
				fill: text
			}),
			Plot.tip(
				data,
				Plot.pointerY({
					y: 'label',
					x: (bar: CategoryBar) => bar.value ?? 0,
					title: (bar: CategoryBar) =>
						`${bar.label}: ${bar.text}${bar.tooltip ? `\n${bar.tooltip}` : ''}${options.onSelect ? '\nClick to filter' : ''}`
				})
			)
		]
	});
	selectOnClick<CategoryBar>(chart, (bar) => bar.key, options.onSelect);
	return labelChart(chart, options.label);
}
