// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { monthlyLinesChart, type SeriesPoint } from '$lib/charts/monthly-lines';
import { textWidth } from '$lib/charts/text-width';

const months = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01'];
const lines = (labels: readonly string[]): SeriesPoint[] =>
	labels.flatMap((seriesLabel, index) =>
		months.map((month, m) => ({ month, series: `s${index}`, seriesLabel, value: 40 * (index + 1) + m }))
	);

/** The plotting area's [left, right] in pixels: the frame's rect. */
function frame(chart: Element): [number, number] {
	const rect = chart.querySelector('rect[fill="none"]')!;
	const x = Number(rect.getAttribute('x'));
	return [x, x + Number(rect.getAttribute('width'))];
}

/** Where each end label ends on the right: its x and dx, plus its width measured a point larger (bold). */
function labelRights(chart: Element, labels: readonly string[]): number[] {
	return [...chart.querySelectorAll('text')]
		.filter((text) => labels.includes(text.textContent ?? ''))
		.map((text) => {
			const x = Number(text.getAttribute('x') ?? 0);
			const translate = /translate\(([-\d.]+)/.exec(
				text.closest('[transform]')?.getAttribute('transform') ?? ''
			);
			const dx = parseFloat(text.closest('[dx]')?.getAttribute('dx') ?? text.getAttribute('dx') ?? '0');
			return x + (translate ? Number(translate[1]) : 0) + dx + textWidth(text.textContent ?? '', 14);
		});
}

describe.each([358, 1200])('monthly lines at %i px', (width) => {
	it('gives the lines the width short labels leave (no fixed 110 px margin)', () => {
		const labels = ['Episodes', 'Children'];
		const chart = monthlyLinesChart(lines(labels), { width, label: 'x', valueLabel: 'Per month', document });
		const [, right] = frame(chart);
		expect(width - right).toBeLessThan(100);
		const ends = labelRights(chart, labels);
		expect(ends).toHaveLength(2);
		for (const end of ends) expect(end).toBeLessThanOrEqual(width);
	});

	it('makes room for longer labels inside the chart', () => {
		const labels = ['Episodes', 'Return interviews'];
		const chart = monthlyLinesChart(lines(labels), { width, label: 'x', valueLabel: 'Per month', document });
		const ends = labelRights(chart, labels);
		expect(ends).toHaveLength(2);
		for (const end of ends) expect(end).toBeLessThanOrEqual(width);
		// The lines keep most of a phone's width.
		const [left, right] = frame(chart);
		expect(right - left).toBeGreaterThan(width * 0.45);
	});
});
