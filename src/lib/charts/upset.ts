import * as Plot from '@observablehq/plot';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { categorical, gridline, text as textColour } from './palette';
import { labelMargin, textWidth } from './text-width';
import { plotClass } from './plot-style';

export interface UpsetColumn {
	/** Unique id of the combination (its order on the x axis is the order given). */
	id: string;
	/** The sets (indicator labels) in this exact combination; empty for "none". */
	members: readonly string[];
	/** Null when suppressed: no bar, the text shows the symbol. */
	value: number | null;
	text: string;
	title: string;
}

export interface UpsetOptions extends ChartOptions {
	/** Every set, top to bottom in the matrix. */
	sets: readonly string[];
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * An UpSet plot: bars of how many referrals have each exact combination of indicators (top), above a dot
 * matrix showing which indicators make up each combination (filled, joined dots). Two Plot panels share
 * the x positions and are composed into one SVG, so downloads carry both.
 */
export function upsetChart(data: readonly UpsetColumn[], options: UpsetOptions): Element {
	const doc = options.document ?? document;
	const ids = data.map((column) => column.id);
	const marginLeft = labelMargin(options.sets, { max: Math.min(240, options.width * 0.4) });
	// On a phone the margin is capped below the longest indicator label, which would be cut off: the row
	// labels then wrap onto two lines, and the rows grow to hold them.
	const wrap = labelMargin(options.sets, { max: Infinity }) > marginLeft;
	const rowHeight = wrap ? 32 : 24;
	const max = Math.max(1, ...data.map((column) => column.value ?? 0));
	// Counts wider than their bar (15 bars on a phone) would overprint each other: they stand upright
	// above their bars instead, in a top margin tall enough for the longest.
	const step = (options.width - marginLeft - 12) / Math.max(1, data.length);
	const countSize = 11;
	const widest = Math.max(0, ...data.map((column) => textWidth(column.text)));
	const upright = widest > step * 0.9;
	const tallest = Math.max(0, ...data.map((column) => textWidth(column.text, countSize)));
	const barsTop = upright ? Math.max(24, tallest + 10) : 24;
	const shared = {
		document: options.document,
		width: options.width,
		marginLeft,
		marginRight: 12,
		style: { fontSize: '13px', color: textColour }
	};
	const bars = Plot.plot({
		className: plotClass,
		...shared,
		height: 210,
		marginTop: barsTop,
		marginBottom: 8,
		x: { domain: ids, axis: null, padding: 0.25 },
		y: { label: 'Referrals', grid: true, domain: [0, max * 1.15], ticks: 4 },
		marks: [
			Plot.barY(data, { x: 'id', y: 'value', fill: categorical[0], title: 'title', tip: true }),
			Plot.ruleY([0], { stroke: gridline }),
			upright
				? Plot.text(data, {
						x: 'id',
						y: (column: UpsetColumn) => column.value ?? 0,
						text: 'text',
						rotate: -90,
						textAnchor: 'start',
						dy: -4,
						fontSize: countSize
					})
				: Plot.text(data, { x: 'id', y: (column: UpsetColumn) => column.value ?? 0, text: 'text', dy: -8 })
		]
	}) as SVGSVGElement;
	// The "none" column is labelled in words instead of twelve empty dots.
	const cells = data
		.filter((column) => column.members.length > 0)
		.flatMap((column) =>
			options.sets.map((set) => ({ id: column.id, set, member: column.members.includes(set) }))
		);
	const spans = data
		.filter((column) => column.members.length > 1)
		.map((column) => {
			const rows = column.members.map((member) => options.sets.indexOf(member)).sort((a, b) => a - b);
			return { id: column.id, from: options.sets[rows[0]!]!, to: options.sets[rows.at(-1)!]! };
		});
	const empty = data.filter((column) => column.members.length === 0);
	const stripes = options.sets.filter((_, index) => index % 2 === 0);
	const matrixHeight = options.sets.length * rowHeight + 16;
	const matrix = Plot.plot({
		className: plotClass,
		...shared,
		height: matrixHeight,
		marginTop: 8,
		marginBottom: 8,
		// A point scale with padding (1 + p) / 2 puts each column at the centre of the bars' band (padding p).
		x: { type: 'point', domain: ids, axis: null, padding: 0.625 },
		y: {
			type: 'point',
			domain: options.sets,
			label: null,
			tickSize: 0,
			padding: 0.5,
			axis: wrap ? null : 'left'
		},
		marks: [
			wrap ? Plot.axisY({ label: null, tickSize: 0, lineWidth: (marginLeft - 10) / 13 }) : null,
			Plot.ruleY(stripes, { y: (set: string) => set, stroke: '#f3f2f1', strokeWidth: rowHeight - 2 }),
			Plot.dot(
				cells.filter((cell) => !cell.member),
				{ x: 'id', y: 'set', r: 5, fill: '#d9dcde' }
			),
			Plot.ruleX(spans, { x: 'id', y1: 'from', y2: 'to', stroke: textColour, strokeWidth: 2.5 }),
			Plot.dot(
				cells.filter((cell) => cell.member),
				{ x: 'id', y: 'set', r: 6, fill: textColour }
			),
			Plot.text(empty, {
				x: 'id',
				frameAnchor: 'middle',
				text: () => 'none',
				rotate: -90,
				fill: textColour
			})
		]
	}) as SVGSVGElement;
	const height = 210 + matrixHeight;
	const root = doc.createElementNS(SVG, 'svg');
	root.setAttribute('width', String(options.width));
	root.setAttribute('height', String(height));
	root.setAttribute('viewBox', `0 0 ${options.width} ${height}`);
	root.setAttribute('font-family', 'system-ui, sans-serif');
	matrix.setAttribute('y', '210');
	root.append(bars, matrix);
	return labelChart(root, options.label);
}
