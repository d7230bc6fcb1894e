import * as Plot from '@observablehq/plot';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { categorical, gridline, text as textColour } from './palette';
import { labelMargin } from './text-width';
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
	const max = Math.max(1, ...data.map((column) => column.value ?? 0));
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
		marginTop: 24,
		marginBottom: 8,
		x: { domain: ids, axis: null, padding: 0.25 },
		y: { label: 'Referrals', grid: true, domain: [0, max * 1.15], ticks: 4 },
		marks: [
			Plot.barY(data, { x: 'id', y: 'value', fill: categorical[0], title: 'title', tip: true }),
			Plot.ruleY([0], { stroke: gridline }),
			Plot.text(data, { x: 'id', y: (column: UpsetColumn) => column.value ?? 0, text: 'text', dy: -8 })
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
	const matrixHeight = options.sets.length * 24 + 16;
	const matrix = Plot.plot({
		className: plotClass,
		...shared,
		height: matrixHeight,
		marginTop: 8,
		marginBottom: 8,
		// A point scale with padding (1 + p) / 2 puts each column at the centre of the bars' band (padding p).
		x: { type: 'point', domain: ids, axis: null, padding: 0.625 },
		y: { type: 'point', domain: options.sets, label: null, tickSize: 0, padding: 0.5 },
		marks: [
			Plot.ruleY(stripes, { y: (set: string) => set, stroke: '#f3f2f1', strokeWidth: 22 }),
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
