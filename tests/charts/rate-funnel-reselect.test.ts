// @vitest-environment jsdom
import { describe, it } from 'vitest';
import { rateFunnelChart, type FunnelPoint } from '$lib/charts/rate-funnel';
import { funnelCurve, rateFunnelLimits } from '$lib/stats';
import { expectRestyledAsDrawn } from '../helpers/restyled-as-drawn';

// A Districts click changes only which districts are selected: the drawn funnel is restyled (`reselect`:
// its dots and labels drawn again), and must then be the drawing Plot makes of that selection afresh.
const directions = ['similar', 'higher', 'lower', 'similar', null] as const;
const points = (count: number): FunnelPoint[] =>
	Array.from({ length: count }, (_, index) => {
		const direction = directions[index % directions.length]!;
		return {
			district: `E0700${String(index).padStart(4, '0')}`,
			districtLabel: `Area ${index + 1}`,
			population: 8000 + ((index * 7919) % 40_000),
			rate: direction === 'higher' ? 45 : direction === 'lower' ? 12 : 22 + (index % 5),
			direction,
			significance: direction === 'higher' ? 'Higher (beyond 99.8% limit)' : 'Similar (within 95% limits)'
		};
	});
const curve = funnelCurve((population) => rateFunnelLimits(population, 0.0025), {
	from: 1600,
	to: 52_800,
	points: 80
});

describe.each([
	[6, 900],
	[6, 390],
	[24, 1000]
])('a funnel of %i areas at %i px, selection restyled in place', (count, width) => {
	const data = points(count);
	const keys = data.map((point) => point.district);
	const draw = (selected: readonly string[]) =>
		rateFunnelChart(data, curve, { width, label: 'x', populationLabel: 'Children', selected, document });
	// None, one (similar: named only when selected, among many), one beyond the limits, several out of
	// order, most (the radius scale's quartile moves), all.
	const selections = [[], [keys[0]!], [keys[1]!], [keys[3]!, keys[0]!, keys[4]!], keys.slice(0, -1), keys];

	it.each(selections.map((from, index) => [index, from] as const))(
		'from selection %i to every other: the same SVG as drawn afresh',
		(_, from) => expectRestyledAsDrawn(draw, from, selections)
	);
});
