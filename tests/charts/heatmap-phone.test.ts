// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { heatmapChart } from '$lib/charts/heatmap';
import { textWidth } from '$lib/charts/text-width';
import { indicators } from '$lib/contract/indicators';

const shorts = indicators.map((indicator) => indicator.short);
const cells = shorts.flatMap((y) =>
	shorts.map((x) => ({ x, y, value: x === y ? null : 0.3, text: '0.30', shortText: '.30', title: '' }))
);

/** The y offset of each element's translate(x, y), plus those of its ancestor groups. */
function offsetY(element: Element): number {
	let y = 0;
	for (let node: Element | null = element; node && node.tagName !== 'svg'; node = node.parentElement) {
		const match = /translate\([-\d.]+,\s*([-\d.]+)\)/.exec(node.getAttribute('transform') ?? '');
		if (match) y += Number(match[1]);
	}
	return y;
}

describe('the pair heatmap on a phone (358 px)', () => {
	it('upright column labels end inside the SVG', () => {
		const chart = heatmapChart(cells, {
			width: 358,
			label: 'Pairs',
			xDomain: shorts,
			yDomain: shorts,
			rowHeight: 28,
			document
		});
		const height = Number(chart.getAttribute('height'));
		const upright = [...chart.querySelectorAll('text')].filter((text) =>
			text.getAttribute('transform')?.includes('rotate(-90)')
		);
		expect(upright.map((text) => text.textContent)).toEqual(shorts);
		// Rotated -90° with text-anchor end, a label runs downwards from its anchor.
		for (const label of upright) {
			expect(offsetY(label) + textWidth(label.textContent ?? '')).toBeLessThanOrEqual(height);
		}
	});
});
