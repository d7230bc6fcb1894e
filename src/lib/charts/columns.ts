import * as Plot from '@observablehq/plot';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { categorical, gridline, text as textColour } from './palette';
import { plotClass } from './plot-style';

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
				fill: textColour
			})
		]
	});
	return labelChart(chart, options.label);
}
