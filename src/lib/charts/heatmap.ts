import * as Plot from '@observablehq/plot';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { clickable } from './clickable';
import { composite, heatFill, textOn } from './heat-colour';
import { gridline, muted, text as textColour } from './palette';
import { labelMargin, textWidth } from './text-width';
import { plotClass } from './plot-style';
import { datumIndex, selectable, takeMarks } from './reselect';

export interface HeatCell {
	x: string;
	y: string;
	/** Facet (e.g. gender), when the columns are split into panels. */
	fx?: string;
	/** The coloured value; null when suppressed or not calculable (a blank cell with its text). */
	value: number | null;
	/** Printed in the cell: the number, with a mark (▲ ▼) when it differs significantly. */
	text: string;
	/** A shorter text for narrow cells (e.g. "42" for "42.3%"); default `text`. */
	shortText?: string;
	title: string;
	/** What a click selects (a filter code), if anything. */
	key?: string;
	/** Too few cases to rely on: left uncoloured, its text marked ‘u’ (GSS symbol for low reliability). */
	lowReliability?: boolean;
}

export interface HeatmapOptions extends ChartOptions {
	xDomain: readonly string[];
	yDomain: readonly string[];
	fxDomain?: readonly string[];
	/** Values that get the palest and darkest colours; default the smallest and largest values shown. */
	min?: number;
	max?: number;
	/** Row height in pixels. */
	rowHeight?: number;
	onSelect?: (key: string) => void;
	/** The keys chosen by the filter the chart sets: the other cells are drawn faint (none, while none is). */
	selected?: readonly string[];
}

/**
 * The opacity of a faint cell and of its text: a cell the filter leaves out, still there to compare. Its
 * text is chosen for the faint cell's colour, and faded only so far that it still reaches 4.5:1 on it
 * (WCAG 1.4.3) on every fill and on a blank cell.
 */
const FAINT = { cell: 0.35, text: 0.85 } as const;
/** Class names that find the cells' and their texts' marks in the drawing, removed once found. */
const CELLS = 'sightline-heat-cells';
const TEXTS = 'sightline-heat-texts';

/**
 * A heatmap on the Analysis Function sequential blues with every value printed in its cell (text colour
 * chosen for contrast), so colour is never the only cue; suppressed cells are blank with their symbol. The
 * selection (`selected`) can be changed on the drawn chart (`reselect`), without drawing it again.
 */
export function heatmapChart(data: readonly HeatCell[], options: HeatmapOptions): Element {
	const coloured = data
		.filter((cell) => cell.value !== null && !cell.lowReliability)
		.map((cell) => cell.value!);
	const max = options.max ?? Math.max(0, ...coloured);
	const min = options.min ?? Math.min(max, ...coloured);
	const rowHeight = options.rowHeight ?? 30;
	const panels = options.fxDomain?.length ?? 1;
	const longestX = Math.max(...options.xDomain.map((label) => textWidth(label, 12)));
	const natural = labelMargin(options.yDomain, { max: Infinity });
	const cap = Math.min(260, Math.round(options.width * 0.32));
	// Long row labels wrap onto two lines on narrow screens rather than being cut off.
	const marginLeft = Math.min(natural, cap);
	const columnWidth = (options.width - marginLeft - 10) / (options.xDomain.length * panels);
	const narrow = columnWidth < 48;
	const fontSize = narrow ? 10 : 12;
	const printed = (cell: HeatCell) => (narrow ? (cell.shortText ?? cell.text) : cell.text);
	// On a phone the cells can be narrower than their numbers, which then overprint each other. The numbers
	// are left out (the tooltip and the table view keep them); the symbols c and u, which say why a cell is
	// blank, stay. An unreliable cell too narrow for "42% u" keeps its u alone.
	const fitsCell = (text: string) => textWidth(text, fontSize) <= columnWidth * 0.92 - 4;
	const fits = data.every((cell) => cell.value === null || cell.lowReliability || fitsCell(printed(cell)));
	const cells = data.map((cell) => {
		const blank = cell.value === null || cell.lowReliability === true;
		const fill = blank ? '#ffffff' : heatFill(max > min ? (cell.value! - min) / (max - min) : 0.5);
		const text = printed(cell);
		const unreliable = cell.lowReliability && cell.value !== null;
		const shown = unreliable
			? fits && fitsCell(`${text} u`)
				? `${text} u`
				: 'u'
			: fits || cell.value === null
				? text
				: '';
		return {
			...cell,
			text: shown,
			fill,
			ink: blank ? muted : textOn(fill),
			faintInk: blank ? muted : textOn(composite(fill, FAINT.cell))
		};
	});
	const labelled = cells.filter((cell) => cell.text !== '');
	const drawnSelected = new Set(options.selected);
	const faint = (cell: HeatCell, selected: ReadonlySet<string>) =>
		selected.size > 0 && !selected.has(cell.key ?? '');
	const ink = (cell: (typeof cells)[number], selected: ReadonlySet<string>) =>
		faint(cell, selected) ? cell.faintInk : cell.ink;
	const rotate = longestX > columnWidth - 6;
	const upright = rotate && columnWidth < 22;
	// Labels slanted at 40° need at most 140 px; upright ones (a phone) need their full length in the
	// axis's 13 px font, or the longest ("Emotional and mental health") is cut off at the bottom.
	const marginBottom = upright
		? Math.max(...options.xDomain.map((label) => textWidth(label))) + 16
		: rotate
			? Math.min(140, longestX + 16)
			: 36;
	const chart = Plot.plot({
		className: plotClass,
		document: options.document,
		width: options.width,
		height: options.yDomain.length * rowHeight + marginBottom + (options.fxDomain ? 34 : 10),
		marginLeft,
		marginRight: 10,
		marginTop: options.fxDomain ? 34 : 10,
		marginBottom,
		style: { fontSize: '13px', color: textColour },
		fx: options.fxDomain
			? { domain: options.fxDomain, label: null, axis: 'top', padding: 0.06, tickSize: 0 }
			: undefined,
		x: {
			domain: options.xDomain,
			label: null,
			padding: 0.04,
			// Columns narrower than a line of text (a phone) take upright labels, which cannot overlap.
			tickRotate: upright ? -90 : rotate ? -40 : 0,
			tickSize: 0
		},
		y: { domain: options.yDomain, label: null, padding: 0.06, axis: null },
		marks: [
			Plot.axisY({ label: null, tickSize: 0, lineWidth: (marginLeft - 10) / 13, fontSize: narrow ? 11 : 13 }),
			Plot.cell(cells, {
				x: 'x',
				y: 'y',
				fx: options.fxDomain ? 'fx' : undefined,
				fill: 'fill',
				fillOpacity: (cell: HeatCell) => (faint(cell, drawnSelected) ? FAINT.cell : 1),
				className: CELLS,
				stroke: gridline,
				strokeWidth: 0.5,
				title: 'title',
				tip: true,
				...clickable(
					cells,
					options.onSelect && ((cell: HeatCell) => cell.key !== undefined && options.onSelect!(cell.key))
				)
			}),
			Plot.text(labelled, {
				x: 'x',
				y: 'y',
				fx: options.fxDomain ? 'fx' : undefined,
				text: 'text',
				fill: (cell: (typeof cells)[number]) => ink(cell, drawnSelected),
				fillOpacity: (cell: HeatCell) => (faint(cell, drawnSelected) ? FAINT.text : 1),
				className: TEXTS,
				fontSize,
				pointerEvents: 'none'
			})
		]
	});
	// Each drawn cell and text with the datum it draws, to restyle it for another selection.
	const drawn = (className: string, data: readonly (typeof cells)[number][]) =>
		takeMarks(chart, className).flatMap((group) =>
			[...group.children].map((element) => ({ element, cell: data[datumIndex(element)]! }))
		);
	const drawnCells = drawn(CELLS, cells);
	const drawnTexts = drawn(TEXTS, labelled);
	let first = true;
	const restyle = (selected: ReadonlySet<string>) => {
		// Drawn by Plot for this selection: nothing to change.
		if (first) return void (first = false);
		for (const { element, cell } of drawnCells)
			element.setAttribute('fill-opacity', String(faint(cell, selected) ? FAINT.cell : 1));
		for (const { element, cell } of drawnTexts) {
			element.setAttribute('fill', ink(cell, selected));
			element.setAttribute('fill-opacity', String(faint(cell, selected) ? FAINT.text : 1));
		}
	};
	return selectable(labelChart(chart, options.label), restyle, options.selected);
}
