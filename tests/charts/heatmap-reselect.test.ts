// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { heatmapChart, type HeatCell } from '$lib/charts/heatmap';
import { reselect } from '$lib/charts/reselect';
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
		expect(chart.querySelectorAll('text[fill-opacity="0.6"]').length).toBeGreaterThan(0);
		reselect(chart, []);
		expect(chart.querySelectorAll('[fill-opacity="0.35"], [fill-opacity="0.6"]')).toHaveLength(0);
	});
});
