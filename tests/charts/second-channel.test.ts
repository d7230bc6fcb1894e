// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { agePyramidChart } from '$lib/charts/age-pyramid';
import { monthlyLinesChart, type SeriesPoint } from '$lib/charts/monthly-lines';
import { sharesOverTimeChart, type SharePoint } from '$lib/charts/shares-over-time';
import { stackedSharesChart, type StackedSegment } from '$lib/charts/stacked-shares';
import { interventionColours } from '$lib/charts/palette';

/**
 * Issue 13: every chart with more than one series carries a channel besides colour (a printed pack may be
 * greyscale, and some readers do not see colour): lines a dash pattern each and a direct label, stacked
 * shares a texture each and a key, a pyramid its sides named. Each test draws the chart with several series
 * and reads the SVG: two series that differ only in colour fail it.
 */

const texts = (chart: Element) => [...chart.querySelectorAll('text')].map((node) => node.textContent ?? '');

/** Each drawn line's dash pattern ('solid' when none), one per line path. */
const lineDashes = (chart: Element) =>
	[...chart.querySelectorAll('g[stroke-linejoin][fill="none"] > path')].map((path) => {
		const dash = path.parentElement?.getAttribute('stroke-dasharray');
		return dash && dash !== 'none' ? dash : 'solid';
	});

const months = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01'];
const seriesKeys = ['a', 'b', 'c', 'd'];

describe('multi-series charts carry a channel besides colour', () => {
	it('monthly lines: a dash pattern and a direct label per series', () => {
		const data: SeriesPoint[] = seriesKeys.flatMap((series, index) =>
			months.map((month, m) => ({
				month,
				series,
				seriesLabel: `Series ${series}`,
				value: 10 * (index + 1) + m
			}))
		);
		const chart = monthlyLinesChart(data, { width: 700, label: 'x', valueLabel: 'Referrals', document });
		const dashes = lineDashes(chart);
		expect(dashes).toHaveLength(4);
		expect(new Set(dashes).size).toBe(4);
		expect(texts(chart)).toEqual(expect.arrayContaining(seriesKeys.map((key) => `Series ${key}`)));
	});

	it('shares over time: a dash pattern and a direct label per series', () => {
		const data: SharePoint[] = seriesKeys.flatMap((series, index) =>
			months.map((period, m) => ({
				period,
				periodLabel: period,
				series,
				seriesLabel: `Series ${series}`,
				share: 0.1 * (index + 1) + 0.01 * m,
				lower: null,
				upper: null,
				incomplete: false
			}))
		);
		const chart = sharesOverTimeChart(data, { width: 700, label: 'x', valueLabel: 'Share', document });
		const dashes = lineDashes(chart);
		expect(dashes).toHaveLength(4);
		expect(new Set(dashes).size).toBe(4);
		expect(texts(chart)).toEqual(expect.arrayContaining(seriesKeys.map((key) => `Series ${key}`)));
	});

	it('stacked shares: a texture per segment, the same on its key square, and each named in the key', () => {
		const kinds = ['deter', 'understand', 'disrupt', 'none'];
		const data: StackedSegment[] = ['Aged 12', 'Aged 15'].flatMap((groupLabel) =>
			kinds.map((segment) => ({
				groupLabel,
				segment,
				segmentLabel: `Kind ${segment}`,
				share: 0.25,
				count: 25
			}))
		);
		const chart = stackedSharesChart(data, {
			width: 700,
			label: 'x',
			colours: interventionColours,
			segmentOrder: kinds,
			document
		});
		const patterns = [...chart.querySelectorAll('pattern')];
		// The first segment is solid; each later one has its own texture.
		const textures = patterns.map((pattern) => pattern.getAttribute('data-texture'));
		expect(textures).toHaveLength(3);
		expect(new Set(textures).size).toBe(3);
		expect(textures).not.toContain('solid');
		for (const pattern of patterns) {
			const users = chart.querySelectorAll(`[fill="url(#${pattern.id})"]`);
			// Two bars and one key square.
			expect(users.length, pattern.id).toBe(3);
		}
		expect(texts(chart)).toEqual(expect.arrayContaining(kinds.map((kind) => `Kind ${kind}`)));
	});

	it('gives each stacked chart its own pattern ids, so two on one page do not share textures', () => {
		const data: StackedSegment[] = ['a', 'b'].map((segment) => ({
			groupLabel: 'g',
			segment,
			segmentLabel: segment,
			share: 0.5,
			count: 5
		}));
		const options = {
			width: 500,
			label: 'x',
			colours: { a: '#12436D', b: '#28A197' },
			segmentOrder: ['a', 'b'],
			document
		};
		const ids = [stackedSharesChart(data, options), stackedSharesChart(data, options)].map(
			(chart) => chart.querySelector('pattern')?.id
		);
		expect(ids[0]).toBeTruthy();
		expect(ids[0]).not.toBe(ids[1]);
	});

	it('age pyramid: the two sides are named on the chart', () => {
		const chart = agePyramidChart(
			[12, 13].flatMap((age) =>
				(['left', 'right'] as const).map((side) => ({
					age,
					side,
					key: side,
					value: 10,
					text: '10',
					title: ''
				}))
			),
			{ width: 600, label: 'x', leftLabel: 'Boys', rightLabel: 'Girls', document }
		);
		expect(texts(chart)).toEqual(expect.arrayContaining(['◀ Boys', 'Girls ▶']));
	});
});
