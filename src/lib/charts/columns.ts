import * as Plot from '@observablehq/plot';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { categorical, gridline, text as textColour } from './palette';
import { plotClass } from './plot-style';
import { textWidth } from './text-width';

export interface Column {
	label: string;
	/** Null when suppressed: no column, the text shows the symbol. */
	value: number | null;
	text: string;
	title: string;
}

export interface ColumnsOptions extends ChartOptions {
	xLabel: string;
	yLabel: string;
}

/** Vertical columns in the given order with each value printed above its column. */
export function columnsChart(data: readonly Column[], options: ColumnsOptions): Element {
	const max = Math.max(1, ...data.map((column) => column.value ?? 0));
	// Each value is printed above its column: narrow columns (thirteen on a phone) get smaller figures, so
	// "329" does not run into "306" beside it. System-ui figures run about a seventh wider than the estimate.
	const step = (options.width - 52 - 20) / Math.max(1, data.length);
	const widest = Math.max(1, ...data.map((column) => textWidth(column.text) * 1.15));
	const valueSize = Math.max(9, Math.min(13, Math.floor((13 * (step - 3)) / widest)));
	const chart = Plot.plot({
		className: plotClass,
		document: options.document,
		width: options.width,
		height: 280,
		marginLeft: 52,
		marginTop: 24,
		marginBottom: 44,
		style: { fontSize: '13px', color: textColour },
		x: { domain: data.map((column) => column.label), label: options.xLabel, padding: 0.15 },
		y: { label: options.yLabel, grid: true, domain: [0, max * 1.12] },
		marks: [
			Plot.barY(data, { x: 'label', y: 'value', fill: categorical[0], title: 'title', tip: true }),
			Plot.ruleY([0], { stroke: gridline }),
			Plot.text(data, {
				x: 'label',
				y: (column: Column) => column.value ?? 0,
				text: 'text',
				dy: -8,
				fill: textColour,
				...(valueSize < 13 ? { fontSize: valueSize } : {})
			})
		]
	});
	return labelChart(chart, options.label);
}
