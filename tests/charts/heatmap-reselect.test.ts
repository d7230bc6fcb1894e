// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { heatmapChart, type HeatCell } from '$lib/charts/heatmap';
import { reselect } from '$lib/charts/reselect';
import { composite, contrastRatio } from '$lib/charts/heat-colour';
import { expectRestyledAsDrawn } from '../helpers/restyled-as-drawn';

// Indicators: a district click (or an age band's) changes only which columns are chosen: the heatmap that
// the filter does not apply to is restyled (`reselect`), not drawn again, and must then be the drawing Plot
// makes of that selection afresh.
const rows = ['Missing', 'Drugs', 'Online', 'Gifts'];
const columns = ['Cambridge', 'Fenland', 'Peterborough', 'Huntingdonshire', 'East Cambridgeshire'];
const cells = (panels: readonly (string | undefined)[]): HeatCell[] =>
	panels.flatMap((fx) =>
		rows.flatMap((y, row) =>
			columns.map((x, column): HeatCell => {
				const value = (row * 5 + column) % 7 === 3 ? null : ((row + 1) * (column + 2)) / 40;
				return {
					x,
					y,
					...(fx ? { fx } : {}),
					value,
					// A suppressed cell's text is its symbol; one blank cell has none (no text drawn).
					text: value === null ? (column === 0 ? '' : 'c') : `${Math.round(value * 100)}%`,
					title: `${x}: ${y}`,
					key: x.toLowerCase(),
					lowReliability: row === 3 && column === 1
				};
			})
		)
	);

describe.each([
	['one panel', [undefined], 900],
	['two panels', ['Boys', 'Girls'], 900],
	['one panel on a phone', [undefined], 358]
] as const)('a heatmap of %s at %i px, selection restyled in place', (_, panels, width) => {
	const data = cells(panels);
	const keys = columns.map((column) => column.toLowerCase());
	const draw = (selected: readonly string[]) =>
		heatmapChart(data, {
			width,
			label: 'x',
			xDomain: columns,
			yDomain: rows,
			...(panels[0] ? { fxDomain: panels as readonly string[] } : {}),
			selected,
			onSelect: () => {},
			document
		});
	const selections = [[], [keys[0]!], [keys[3]!, keys[1]!], keys.slice(0, -1), keys];

	it.each(selections.map((from, index) => [index, from] as const))(
		'from selection %i to every other: the same SVG as drawn afresh',
		(_, from) => expectRestyledAsDrawn(draw, from, selections)
	);

	it('draws the cells and texts of columns not chosen faint, and only those', () => {
		const chart = draw([]);
		reselect(chart, [keys[1]!]);
		const faint = [...chart.querySelectorAll('rect[fill-opacity="0.35"]')];
		expect(faint).toHaveLength(data.filter((cell) => cell.key !== keys[1]).length);
		expect(chart.querySelectorAll('text[fill-opacity="0.85"]').length).toBeGreaterThan(0);
		reselect(chart, []);
		expect(chart.querySelectorAll('[fill-opacity="0.35"], [fill-opacity="0.85"]')).toHaveLength(0);
	});

	// WCAG 1.4.3: a number printed in a faint cell is read against the faint colour, not the full one.
	it.each(selections.map((selected, index) => [index, selected] as const))(
		'selection %i: every text in a cell reaches 4.5:1 on the colour the cell shows',
		(_, selected) => {
			const chart = draw(selected);
			const texts = printedOnCells(chart);
			expect(texts.length).toBeGreaterThan(0);
			for (const { text, cell } of texts) {
				const background = composite(cell.getAttribute('fill')!, opacity(cell));
				const ink = composite(text.getAttribute('fill')!, opacity(text), background);
				expect(contrastRatio(ink, background), text.textContent!).toBeGreaterThanOrEqual(4.5);
			}
		}
	);
});

const opacity = (element: Element) => Number(element.getAttribute('fill-opacity') ?? 1);
const translation = (element: Element) => {
	const [, x = '0', y = '0'] =
		/translate\(([-\d.]+),\s*([-\d.]+)\)/.exec(element.getAttribute('transform') ?? '') ?? [];
	return [Number(x), Number(y)] as const;
};

/**
 * Each text drawn in a cell with the cell it sits in: Plot puts the texts' layer (and each facet's group in
 * it) at its own offset, so a text's centre is its translation plus its layer's, inside one facet's rects.
 */
function printedOnCells(chart: Element): { text: Element; cell: Element }[] {
	const cellFacets = [...chart.querySelectorAll('g:has(> rect[fill-opacity])')];
	const textFacets = [...chart.querySelectorAll('g:has(> text[fill-opacity])')];
	expect(textFacets).toHaveLength(cellFacets.length);
	return textFacets.flatMap((facet, index) => {
		const [layerX, layerY] = translation(facet.parentElement!);
		const rects = [...cellFacets[index]!.querySelectorAll('rect')];
		return [...facet.querySelectorAll('text')].map((text) => {
			const [x, y] = translation(text);
			const [cx, cy] = [x + layerX, y + layerY];
			const cell = rects.find((rect) => {
				const [left, top, width, height] = ['x', 'y', 'width', 'height'].map((name) =>
					Number(rect.getAttribute(name))
				) as [number, number, number, number];
				return cx >= left && cx <= left + width && cy >= top && cy <= top + height;
			});
			expect(cell, text.textContent!).toBeDefined();
			return { text, cell: cell! };
		});
	});
}
