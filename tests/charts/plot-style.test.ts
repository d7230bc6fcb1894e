// @vitest-environment jsdom
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import plotStyles from '$lib/charts/plot.css?raw';
import { plotClass } from '$lib/charts/plot-style';
import { spcSparkline } from '$lib/charts/spc-sparkline';
import { columnsChart } from '$lib/charts/columns';
import { periodRange } from '$lib/domain/calendar';
import { svgWithContext } from '$lib/export/svg-with-context';
import { spcSeries } from '$lib/transform/spc-series';

/** CSS as comparable text: comments dropped, whitespace collapsed. */
const normalise = (css: string) =>
	css
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/\s+/g, ' ')
		.replace(/\s*([{}(),;])\s*/g, '$1')
		.trim();

describe('one stylesheet for every Plot chart', () => {
	it('plot.css holds exactly the rules Plot writes into a chart of our class', () => {
		// If a Plot upgrade changes its default styles, this fails: copy the new rules into plot.css.
		const raw = Plot.plot({ className: plotClass, marks: [Plot.dot([1, 2, 3])] });
		const written = raw.querySelector('style')?.textContent;
		expect(written).toBeTruthy();
		expect(normalise(plotStyles)).toBe(normalise(written!));
	});

	it('charts reach the page with our class and no <style> of their own', () => {
		const months = periodRange('2025-01-01', '2025-06-01', 'month');
		const series = spcSeries(
			'fenland',
			'Fenland',
			'month',
			months.map((period, index) => ({ period, value: 3 + (index % 2) }))
		);
		const charts = [
			spcSparkline(series, { width: 200, label: 'x' }),
			columnsChart([{ label: 'a', value: 1, text: '1', title: 'a: 1' }], {
				width: 300,
				label: 'y',
				xLabel: 'x',
				yLabel: 'y'
			})
		];
		for (const chart of charts) {
			const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg')!;
			expect(svg.getAttribute('class')).toBe(plotClass);
			expect(chart.querySelectorAll('style')).toHaveLength(0);
		}
	});

	it('a downloaded SVG carries the shared styles itself', () => {
		const { svg } = svgWithContext(`<svg class="${plotClass}"></svg>`, 100, 50, {
			title: 't',
			filters: 'none',
			source: 's',
			asAt: '1 January 2025',
			publication: false
		});
		expect(plotStyles).toContain('white-space: pre');
		expect(svg).toContain(`<style>${plotStyles}</style>`);
	});
});
