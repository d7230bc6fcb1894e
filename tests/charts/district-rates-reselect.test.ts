// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { districtRatesChart, type DistrictRatePoint } from '$lib/charts/district-rates';
import { reselect } from '$lib/charts/reselect';
import { expectRestyledAsDrawn } from '../helpers/restyled-as-drawn';

// A Districts click changes only which districts are selected: the drawn rates chart is restyled
// (`reselect`), not drawn again, and must then be the drawing Plot makes of that selection afresh.
const points = (count: number): DistrictRatePoint[] =>
	['Aged 0 to 17', 'Aged 10 to 17'].flatMap((ages, band) =>
		Array.from({ length: count }, (_, index) => {
			// One district suppressed in one band: no dot there, so the panels hold different dots.
			const rate = index === 2 && band === 1 ? null : (20 + ((index * 7) % 11)) * (band + 2);
			return {
				district: `E0700${String(index).padStart(4, '0')}`,
				districtLabel: `Area ${index + 1}`,
				ages,
				rate,
				lower: rate === null ? null : rate - 3,
				upper: rate === null ? null : rate + 3,
				partnership: 48 * (band + 1),
				significance: ''
			};
		})
	);

describe.each([
	[5, 900],
	[6, 358],
	[24, 1000]
])('district rates of %i areas at %i px, selection restyled in place', (count, width) => {
	const data = points(count);
	const keys = [...new Set(data.map((point) => point.district))];
	const draw = (selected: readonly string[]) =>
		districtRatesChart(data, { width, label: 'x', selected, document });
	// None, one, the suppressed one, several out of order, most (the radius scale's quartile moves), all.
	const selections = [[], [keys[1]!], [keys[2]!], [keys[3]!, keys[0]!, keys[4]!], keys.slice(0, -1), keys];

	it.each(selections.map((from, index) => [index, from] as const))(
		'from selection %i to every other: the same SVG as drawn afresh',
		(_, from) => expectRestyledAsDrawn(draw, from, selections)
	);

	it('draws the selected districts larger and their labels in bold, and only them', () => {
		const chart = draw([]);
		reselect(chart, [keys[0]!]);
		const bold = [...chart.querySelectorAll('text[font-weight="bold"]')].map((text) => text.textContent);
		expect(new Set(bold)).toEqual(new Set(['Area 1']));
		const radii = [...chart.querySelectorAll('circle')].map((circle) => Number(circle.getAttribute('r')));
		expect(radii.filter((r) => r > 3.1)).toHaveLength(2);
	});
});
