// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { placeSegments, stackedSharesChart, type StackedSegment } from '$lib/charts/stacked-shares';

const segment = (groupLabel: string, key: string, share: number | null): StackedSegment => ({
	groupLabel,
	segment: key,
	segmentLabel: key.toUpperCase(),
	share,
	count: share === null ? null : Math.round(share * 100)
});
const colours = { a: '#12436D', b: '#28A197', c: '#F46A25' };

describe('placeSegments', () => {
	it('lays segments end to end in order', () => {
		const placed = placeSegments(
			[segment('g', 'b', 0.3), segment('g', 'a', 0.5), segment('g', 'c', 0.2)],
			['a', 'b', 'c'],
			colours
		);
		expect(placed.map((item) => [item.segment, item.x1, item.x2])).toEqual([
			['a', 0, 0.5],
			['b', 0.5, 0.8],
			['c', 0.8, 1]
		]);
	});

	it('puts suppressed shares together at the end so none can be read off alone', () => {
		const placed = placeSegments(
			[segment('g', 'a', null), segment('g', 'b', 0.6), segment('g', 'c', null)],
			['a', 'b', 'c'],
			colours
		);
		expect(placed.map((item) => [item.segment, item.x1, item.x2])).toEqual([
			['b', 0, 0.6],
			['suppressed', 0.6, 1]
		]);
	});
});

describe('stackedSharesChart', () => {
	it('renders a labelled SVG with the key and percentages inside wide segments', () => {
		const chart = stackedSharesChart([segment('Aged 17', 'a', 0.5), segment('Aged 17', 'b', 0.5)], {
			width: 700,
			label: 'Half and half.',
			colours,
			segmentOrder: ['a', 'b', 'c'],
			document
		});
		expect(chart.getAttribute('aria-label')).toBe('Half and half.');
		const texts = [...chart.querySelectorAll('text')].map((node) => node.textContent);
		expect(texts).toEqual(expect.arrayContaining(['A', 'B', '50.0%']));
	});
});
