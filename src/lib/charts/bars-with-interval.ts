import * as Plot from '@observablehq/plot';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { clickable } from './clickable';
import { categorical, gridline, text as textColour } from './palette';
import { labelMargin, valueMargin } from './text-width';
import { plotClass } from './plot-style';

export interface IntervalBar {
	/** What a click selects (a filter code). */
	key: string;
	label: string;
	/** Bar length; null when suppressed (no bar, the text says why). */
	value: number | null;
	/** 95% interval around the value, drawn as a whisker when given. */
	lower?: number | null;
	upper?: number | null;
	/** Printed at the end of the bar (e.g. "30.9%" or "c"). */
	text: string;
	/** Tooltip text. */
	title: string;
	/** Drawn faint: not in the current selection. */
	dimmed?: boolean;
}

export interface BarsOptions extends ChartOptions {
	/** Axis label for the values. */
	valueLabel: string;
	/** Values are shares in [0, 1], shown as percentages. */
	percent?: boolean;
	/** Cross-filter: called with the bar's key when a bar is clicked. */
	onSelect?: (key: string) => void;
}

/**
 * Horizontal bars in the given order, one colour, with an optional 95% interval whisker and the value
 * printed at each bar's end: position and text carry the numbers, colour only identifies the measure.
 */
export function barsWithIntervalChart(data: readonly IntervalBar[], options: BarsOptions): Element {
	const labels = data.map((bar) => bar.label);
	const maxValue = Math.max(0, ...data.map((bar) => Math.max(bar.value ?? 0, bar.upper ?? 0)));
	const natural = labelMargin(labels, { max: Infinity });
	const cap = Math.min(320, Math.round(options.width * 0.42));
	// Long labels wrap onto two lines rather than being cut off.
	const wrap = natural > cap;
	const marginLeft = wrap ? cap : natural;
	const end = (bar: IntervalBar) => Math.max(bar.value ?? 0, bar.upper ?? 0);
	const chart = Plot.plot({
		className: plotClass,
		document: options.document,
		width: options.width,
		height: data.length * (wrap ? 40 : 30) + 64,
		marginLeft,
		marginRight: valueMargin(data.map((bar) => bar.text)),
		style: { fontSize: '13px', color: textColour },
		marginBottom: 44,
		x: {
			label: options.valueLabel,
			labelAnchor: 'center',
			labelArrow: 'none',
			labelOffset: 36,
			grid: true,
			nice: true,
			domain: [0, options.percent ? Math.min(1, maxValue * 1.08 || 1) : maxValue * 1.08 || 1],
			tickFormat: options.percent ? (value: number) => `${Math.round(value * 100)}%` : undefined
		},
		y: { label: null, domain: labels, padding: 0.25, axis: null },
		marks: [
			Plot.axisY({ label: null, tickSize: 0, lineWidth: (marginLeft - 12) / 13 }),
			Plot.ruleX([0], { stroke: gridline }),
			Plot.barX(data, {
				x: 'value',
				y: 'label',
				fill: categorical[0],
				fillOpacity: (bar: IntervalBar) => (bar.dimmed ? 0.3 : 1),
				title: 'title',
				tip: true,
				...clickable(data, options.onSelect && ((bar: IntervalBar) => options.onSelect!(bar.key)))
			}),
			Plot.ruleY(
				data.filter((bar) => bar.lower != null && bar.upper != null),
				{ y: 'label', x1: 'lower', x2: 'upper', stroke: textColour, strokeWidth: 1.5 }
			),
			Plot.tickX(
				data.flatMap((bar) =>
					bar.lower != null && bar.upper != null
						? [
								{ label: bar.label, x: bar.lower },
								{ label: bar.label, x: bar.upper }
							]
						: []
				),
				{ x: 'x', y: 'label', stroke: textColour, strokeWidth: 1.5, inset: 8 }
			),
			Plot.text(data, {
				x: end,
				y: 'label',
				text: 'text',
				textAnchor: 'start',
				dx: 5,
				fill: textColour
			})
		]
	});
	return labelChart(chart, options.label);
}
