// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sharesOverTimeChart, type SharePoint } from '$lib/charts/shares-over-time';
import { textWidth } from '$lib/charts/text-width';

const stages = [
	['central_list', 'Central list', 0.6],
	['mase', 'MASE', 0.37],
	['risk_tool', 'Risk tool', 0.22]
] as const;
const points: SharePoint[] = stages.flatMap(([series, seriesLabel, share]) =>
	['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01'].map((period, index) => ({
		period,
		periodLabel: period,
		series,
		seriesLabel,
		share,
		lower: share - 0.05,
		upper: share + 0.05,
		incomplete: index === 3
	}))
);
const xRange = (chart: Element) =>
	(chart as Element & { scale(name: 'x'): { range: number[] } }).scale('x').range;

describe('sharesOverTimeChart', () => {
	it('on a phone (358 px) names the lines in a key above them, leaving the lines most of the width', () => {
		const chart = sharesOverTimeChart(points, { width: 358, label: 'Stages', valueLabel: 'Share', document });
		const [left, right] = xRange(chart);
		expect(right! - left!).toBeGreaterThanOrEqual(358 * 0.75);
		const names = [...chart.querySelectorAll('text')].filter((text) =>
			stages.some(([, label]) => label === text.textContent)
		);
		expect(names.map((name) => name.textContent)).toEqual(stages.map(([, label]) => label));
		for (const name of names) {
			const x = 48 + Number(name.getAttribute('x'));
			expect(x + textWidth(name.textContent!) * 1.25).toBeLessThanOrEqual(358);
		}
	});

	it('on a desktop (1280 px) keeps the direct labels at the ends of the lines', () => {
		const chart = sharesOverTimeChart(points, {
			width: 1280,
			label: 'Stages',
			valueLabel: 'Share',
			document
		});
		expect(xRange(chart)[1]).toBe(1280 - 170);
		expect(chart.querySelector(':scope > g[transform="translate(48,22)"]')).toBeNull();
	});
});
