// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { categoryBarsChart } from '$lib/charts/category-bars';
import { textWidth } from '$lib/charts/text-width';

/** The x position where a text mark's label starts, with its group's translation. */
function textStart(label: Element): number {
	const own = Number(label.getAttribute('x') ?? 0);
	const shift = (node: Element | null): number => {
		if (!node || node.tagName === 'svg') return 0;
		const match = /translate\(([-\d.]+)/.exec(node.getAttribute('transform') ?? '');
		return (match ? Number(match[1]) : 0) + shift(node.parentElement);
	};
	return own + shift(label);
}

describe('category bars', () => {
	it('leaves room for the value printed after a bar that fills the axis', () => {
		const width = 800;
		const value = '2,400 (100.0%)';
		const chart = categoryBarsChart(
			[
				{ key: 'mash', label: 'MASH referral', value: 1, text: value },
				{
					key: 'mase',
					label: 'Discussed at MASE',
					value: 34.6,
					lower: 32.7,
					upper: 36.5,
					text: '831 (34.6%)'
				}
			],
			{
				width,
				label: 'Pathway',
				valueLabel: 'Share of referrals reaching the stage',
				percent: true,
				document
			}
		);
		const printed = [...chart.querySelectorAll('text')].find((text) => text.textContent === value)!;
		expect(printed).toBeDefined();
		expect(textStart(printed) + textWidth(value)).toBeLessThanOrEqual(width);
	});
});
