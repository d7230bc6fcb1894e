import { expect } from 'vitest';
import { reselect } from '$lib/charts/reselect';
import { svgSnapshot } from './svg-snapshot';

/**
 * A selectable chart drawn for `from`, then restyled in place (`reselect`) to each of `selections` in turn
 * and back to `from`, must each time be the SVG that `draw` makes for that selection afresh.
 */
export function expectRestyledAsDrawn(
	draw: (selected: readonly string[]) => Element,
	from: readonly string[],
	selections: readonly (readonly string[])[]
): void {
	const chart = draw(from);
	for (const to of [...selections, from]) {
		expect(reselect(chart, to)).toBe(true);
		expect(svgSnapshot(chart)).toBe(svgSnapshot(draw(to)));
	}
}
