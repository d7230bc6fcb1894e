// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { spcSparkline } from '$lib/charts/spc-sparkline';
import { xmrChart } from '$lib/charts/xmr-chart';
import { textWidth } from '$lib/charts/text-width';
import { periodRange } from '$lib/domain/calendar';
import { spcSeries, type SpcInput } from '$lib/transform/spc-series';

const months = periodRange('2024-01-01', '2025-07-01', 'month');
// Mean 128/18: ten months below it, eight above (special causes, high and low), and an incomplete month.
const values = [5, 7, 5, 7, 5, 7, 5, 7, 5, 7, 8, 9, 8, 9, 8, 9, 8, 9, 2];
const inputs = (suppress = false): SpcInput[] =>
	values.map((value, index) => ({
		period: months[index]!,
		value,
		...(index === values.length - 1 ? { excluded: 'incomplete' as const } : {}),
		...(suppress && index === 3 ? { published: null, symbol: 'c' as const } : {})
	}));

describe('xmrChart', () => {
	it('draws one labelled image with the key, limits, special causes and the incomplete point', () => {
		const chart = xmrChart([spcSeries('all', 'All districts', 'month', inputs())], {
			width: 800,
			label: 'Referrals overall have been above the mean for 8 months in a row',
			kind: 'count',
			yLabel: 'Referrals',
			document
		});
		expect(chart.getAttribute('role')).toBe('img');
		expect(chart.getAttribute('aria-label')).toMatch(/above the mean/);
		expect(chart.querySelector('.spc-legend')?.textContent).toContain('Special cause, high');
		expect(chart.textContent).toContain('incomplete');
		// 18 special-cause triangles: every complete point is part of a shift.
		const triangles = [...chart.querySelectorAll('path')].filter((path) =>
			/rotate\(180\)/.test(path.getAttribute('transform') ?? '')
		);
		expect(triangles).toHaveLength(10);
	});

	it('draws shorter for paper, one chart and small multiples alike, at the same width', () => {
		const height = (series: ReturnType<typeof spcSeries>[], paper: boolean) => {
			const chart = xmrChart(series, {
				width: 640,
				label: 'x',
				kind: 'count',
				yLabel: 'Referrals',
				document,
				paper
			});
			const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg')!;
			return Number(svg.getAttribute('height'));
		};
		const one = [spcSeries('all', 'All districts', 'month', inputs())];
		const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((area) => spcSeries(area, area, 'month', inputs()));
		// Issue 13: at the screen heights an overall chart and a district chart never shared an A4 sheet.
		expect(height(one, true)).toBeLessThan(height(one, false) - 100);
		expect(height(six, true)).toBeLessThan(height(six, false) - 150);
	});

	it('draws districts as small multiples, one panel each, and cross-filters on click', () => {
		const selected: string[] = [];
		const chart = xmrChart(
			[
				spcSeries('fenland', 'Fenland', 'month', inputs()),
				spcSeries('cambridge', 'Cambridge', 'month', inputs(true))
			],
			{
				width: 900,
				label: 'x',
				kind: 'count',
				yLabel: 'Referrals',
				document,
				onSelect: (area) => selected.push(area)
			}
		);
		expect(chart.textContent).toContain('Fenland');
		expect(chart.textContent).toContain('Cambridge (SPC not shown)');
		(chart as Element & { value: unknown }).value = { area: 'fenland' };
		chart.dispatchEvent(new window.Event('click'));
		expect(selected).toEqual(['fenland']);
	});
});

/** Counts so uneven that the lower process limit falls below zero: mean 5, average moving range 8. */
const uneven = (): SpcInput[] =>
	[1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9].map((value, index) => ({ period: months[index]!, value }));

/** The y scale's domain of a chart Plot drew (the figure keeps its scales). */
const yDomain = (chart: Element) =>
	(chart as Element & { scale(name: 'y'): { domain: number[] } }).scale('y').domain;

describe('the floor at zero', () => {
	it('draws a negative lower limit at zero on the XmR chart: a count cannot be negative', () => {
		const series = spcSeries('all', 'All districts', 'month', uneven());
		expect(series.points[0]!.lpl).toBeLessThan(0);
		const chart = xmrChart([series], {
			width: 800,
			label: 'x',
			kind: 'count',
			yLabel: 'Referrals',
			document
		});
		expect(yDomain(chart)[0]).toBe(0);
	});

	it('draws a negative lower limit at zero on the sparkline', () => {
		const series = spcSeries('all', 'All', 'month', uneven());
		expect(series.points[0]!.lpl).toBeLessThan(0);
		const chart = spcSparkline(series, { width: 200, height: 64, label: 'x', document });
		// The lower limit is the second dashed line; zero is the plot's bottom edge (64 less the 6 px margin).
		const lower = chart.querySelectorAll('g[stroke-dasharray] path')[1]!.getAttribute('d')!;
		const ys = [...lower.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((match) => Number(match[1]));
		expect(ys.length).toBeGreaterThan(0);
		expect(new Set(ys)).toEqual(new Set([58]));
	});
});

describe('spcSparkline', () => {
	it('draws a small labelled image', () => {
		const chart = spcSparkline(spcSeries('all', 'All', 'month', inputs()), {
			width: 200,
			label: 'Referrals, monthly',
			document
		});
		expect(chart.getAttribute('role')).toBe('img');
		expect(chart.getAttribute('height')).toBe('64');
	});
});

describe('small multiples on a phone (358 px)', () => {
	it('a long panel heading fits its panel: set smaller, not cut off at the frame', () => {
		const rare = (): SpcInput[] =>
			[0, 1, 0, 2, 1, 0, 1, 0, 1, 1, 0, 1].map((value, index) => ({ period: months[index]!, value }));
		const chart = xmrChart(
			[
				spcSeries('sc', 'South Cambridgeshire', 'month', rare(), { counts: true }),
				spcSeries('cambridge', 'Cambridge', 'month', inputs())
			],
			{ width: 358, label: 'x', kind: 'count', yLabel: 'Referrals', document }
		);
		const heading = [...chart.querySelectorAll('text')].find(
			(text) => text.textContent === 'South Cambridgeshire (rare: no SPC)'
		)!;
		const size = Number(heading.parentElement!.getAttribute('font-size') ?? 13);
		// The panel's frame (the periods are drawn inset from it, so the x scale's range is narrower).
		const frame = Number(chart.querySelector('rect[fill="none"]')!.getAttribute('width'));
		// Bold system-ui measured about 1.25 times the plain estimate; the heading starts 6 px into the frame.
		expect(textWidth(heading.textContent!, size) * 1.25).toBeLessThanOrEqual(frame - 6);
	});
});
