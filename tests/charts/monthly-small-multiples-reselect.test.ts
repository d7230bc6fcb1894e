// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { monthlySmallMultiplesChart, type PanelPoint } from '$lib/charts/monthly-small-multiples';
import { reselect } from '$lib/charts/reselect';
import { periodRange } from '$lib/domain/calendar';
import { expectRestyledAsDrawn } from '../helpers/restyled-as-drawn';

// A Districts click changes only which panels are selected: the drawn chart is restyled (`reselect`), not
// drawn again, and must then be the drawing a fresh draw of that selection makes.
const months = periodRange('2024-01-01', '2025-06-01', 'month');
const panels = (count: number): PanelPoint[] =>
	Array.from({ length: count }, (_, panel) =>
		months.map((month, index) => ({
			month,
			key: `E0700${String(panel).padStart(4, '0')}`,
			label: `Area ${panel + 1}`,
			value: 10 + ((index * (panel + 3)) % 7),
			mean: 13,
			upl: 20,
			lpl: 6,
			incomplete: index === months.length - 1,
			signal: index === 4 && panel % 2 === 0 ? ('high' as const) : null,
			specialCause: null
		}))
	).flat();

const draw = (points: readonly PanelPoint[], selected: readonly string[]) =>
	monthlySmallMultiplesChart(points, {
		width: 1000,
		label: 'x',
		valueLabel: 'Referrals',
		unit: 'referrals',
		selected,
		highlightFrom: '2025-01-01',
		document
	});

describe.each([5, 24])('monthly small multiples of %i panels, selection restyled in place', (count) => {
	const points = panels(count);
	const keys = [...new Set(points.map((point) => point.key))];
	// None, one, the last (the empty facet's neighbour at 5), several out of order, all.
	const selections = [[], [keys[1]!], [keys.at(-1)!], [keys[3]!, keys[0]!, keys[2]!], keys];

	it.each(selections.map((from, index) => [index, from] as const))(
		'from selection %i to every other: the same SVG as drawn afresh',
		(_, from) => expectRestyledAsDrawn((selected) => draw(points, selected), from, selections)
	);

	it('frames and titles the selected panels, and only them', () => {
		const selected = [keys[0]!, keys[2]!];
		const chart = draw(points, []);
		reselect(chart, selected);
		const titled = [...chart.querySelectorAll('text')].filter((text) =>
			text.textContent?.endsWith(' (selected)')
		);
		expect(titled.map((text) => text.textContent)).toEqual(['Area 1 (selected)', 'Area 3 (selected)']);
		const framed = [...chart.querySelectorAll('g[stroke-width="3"]')].map((group) =>
			group.getAttribute('transform')
		);
		expect(framed).toEqual(titled.map((text) => text.parentElement?.getAttribute('transform')));
		reselect(chart, []);
		expect(chart.querySelectorAll('g[stroke-width="3"]')).toHaveLength(0);
		// As Plot draws a mark with no data: no group at all, not an empty one.
		const bare = [...chart.querySelectorAll('g')].filter(
			(g) => g.attributes.length + g.children.length === 0
		);
		expect(bare).toHaveLength(0);
		expect(chart.textContent).not.toContain('(selected)');
	});
});
