// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { agePyramidChart } from '$lib/charts/age-pyramid';
import { heatmapChart } from '$lib/charts/heatmap';
import { upsetChart } from '$lib/charts/upset';

describe('charts render under jsdom as one labelled image', () => {
	it('UpSet: bars above a dot matrix, composed into one SVG', () => {
		const chart = upsetChart(
			[
				{ id: '1', members: [], value: 20, text: '20', title: 'none' },
				{ id: '2', members: ['Missing', 'Drug use'], value: 12, text: '12', title: 'pair' },
				{ id: '3', members: ['Drug use'], value: null, text: 'c', title: 'suppressed' }
			],
			{ width: 600, label: 'Combinations', sets: ['Missing', 'Drug use', 'Gifts'], document }
		);
		expect(chart.tagName).toBe('svg');
		expect(chart.getAttribute('role')).toBe('img');
		expect(chart.getAttribute('aria-label')).toBe('Combinations');
		expect(chart.querySelectorAll(':scope > svg')).toHaveLength(2);
		// A suppressed count draws no bar (Plot leaves a zero-height rect).
		const bars = [...chart.querySelectorAll('rect')].filter(
			(rect) => Number(rect.getAttribute('height')) > 0
		);
		expect(bars).toHaveLength(2);
		expect([...chart.querySelectorAll('text')].map((text) => text.textContent)).toEqual(
			expect.arrayContaining(['20', '12', 'c', 'none'])
		);
	});

	it('heatmap: every value printed, suppressed cells as c, unreliable cells marked u and uncoloured', () => {
		const chart = heatmapChart(
			[
				{ x: 'A', y: 'Missing', value: 0.4, text: '40.0%', title: '' },
				{ x: 'B', y: 'Missing', value: 0.6, text: '60.0%', title: '' },
				{ x: 'A', y: 'Drug use', value: null, text: 'c', title: '' },
				{ x: 'B', y: 'Drug use', value: 0.5, text: '50.0%', title: '', lowReliability: true }
			],
			{ width: 500, label: 'Heatmap', xDomain: ['A', 'B'], yDomain: ['Missing', 'Drug use'], document }
		);
		const texts = [...chart.querySelectorAll('text')].map((text) => text.textContent);
		expect(texts).toEqual(expect.arrayContaining(['40.0%', '60.0%', 'c', '50.0% u']));
		const fills = [...chart.querySelectorAll('rect')].map((rect) => rect.getAttribute('fill'));
		expect(fills.filter((fill) => fill === '#ffffff')).toHaveLength(2);
	});

	it('heatmap on a phone: numbers too wide for their cells are left out, c and u stay', () => {
		const bands = ['Under 10', '10 to 12', '13 to 14', '15 to 16', '17', '18 to 24'];
		const cells = ['Boys', 'Girls'].flatMap((fx) =>
			bands.map((x, index) => ({
				x,
				fx,
				y: 'Missing',
				value: index === 0 ? null : 0.43,
				text: index === 0 ? 'c' : '43.0%',
				shortText: index === 0 ? 'c' : '43%',
				title: '',
				lowReliability: index === 5
			}))
		);
		const options = {
			label: 'Heatmap',
			xDomain: bands,
			yDomain: ['Missing'],
			fxDomain: ['Boys', 'Girls'],
			document
		};
		const phone = [...heatmapChart(cells, { ...options, width: 324 }).querySelectorAll('text')].map(
			(text) => text.textContent
		);
		expect(phone).not.toContain('43%');
		expect(phone).toEqual(expect.arrayContaining(['c', 'u']));
		const wide = [...heatmapChart(cells, { ...options, width: 1200 }).querySelectorAll('text')].map(
			(text) => text.textContent
		);
		expect(wide).toEqual(expect.arrayContaining(['43.0%', 'c', '43.0% u']));
	});

	it('pyramid: boys left, girls right, and a click selects the side', () => {
		const onSelect = vi.fn();
		const chart = agePyramidChart(
			[
				{ age: 15, side: 'left', key: 'male', value: 30, text: '30', title: '' },
				{ age: 15, side: 'right', key: 'female', value: 10, text: '10', title: '' }
			],
			{ width: 500, label: 'Pyramid', leftLabel: 'Boys', rightLabel: 'Girls', onSelect, document }
		);
		const [boys, girls] = [...chart.querySelectorAll('rect')];
		expect(Number(boys!.getAttribute('x'))).toBeLessThan(Number(girls!.getAttribute('x')));
		girls!.dispatchEvent(new MouseEvent('click'));
		expect(onSelect).toHaveBeenCalledWith('female');
		expect(chart.textContent).toContain('Boys');
	});
});
