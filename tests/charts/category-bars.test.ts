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

	it('on a phone puts the labels above the bars, so no bar has a negative width', () => {
		const chart = categoryBarsChart(
			['MASH referral', 'Child Exploitation Checklist completed', 'Discussed at MASE'].map(
				(label, index) => ({
					key: String(index),
					label,
					value: 1 - index * 0.3,
					lower: 0.9 - index * 0.3,
					upper: 1,
					text: '2,400 (100.0%)'
				})
			),
			// The pathway's label margin on a 390 px screen: 290 + 114 for the values is wider than the chart.
			{ width: 324, label: 'Pathway', valueLabel: 'Share', percent: true, marginLeft: 290, document }
		);
		const widths = [...chart.querySelectorAll('rect')].map((rect) => Number(rect.getAttribute('width') ?? 0));
		expect(widths.length).toBeGreaterThan(0);
		expect(Math.min(...widths)).toBeGreaterThanOrEqual(0);
		const label = [...chart.querySelectorAll('text')].find(
			(text) => text.textContent === 'Child Exploitation Checklist completed'
		)!;
		expect(textStart(label)).toBeGreaterThanOrEqual(0);
	});
});
