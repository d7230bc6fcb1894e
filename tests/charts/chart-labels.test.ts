// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { agePyramidChart, type PyramidBar } from '$lib/charts/age-pyramid';
import { columnsChart } from '$lib/charts/columns';
import { districtRatesChart, type DistrictRatePoint } from '$lib/charts/district-rates';
import { periodEstimateChart, type PeriodEstimate } from '$lib/charts/period-estimate';
import { projectionChart } from '$lib/charts/projection-chart';
import { stackedSharesChart, type StackedSegment } from '$lib/charts/stacked-shares';
import { xmrChart } from '$lib/charts/xmr-chart';
import { PRINT_CHART_WIDTH } from '$lib/components/print-width.svelte';
import { periodRange } from '$lib/domain/calendar';
import { spcSeries } from '$lib/transform/spc-series';
import { labelOverlaps } from '../helpers/label-boxes';

/**
 * No label runs into another (issue 13): axis titles clear of the tick labels, the XmR key clear of the
 * month ticks, figures printed on bars clear of their neighbours, at every width a chart is drawn (a 358 px phone up to a wide screen) and at the paper width.
 * Each fixture puts a tick where the old layout hit it (a nice domain ends on a tick at the frame's top; the
 * last x ticks lie under a right-hand axis title). Boxes are estimated from the SVG (`label-boxes.ts`).
 */
const widths = [358, 390, 480, PRINT_CHART_WIDTH, 800, 960, 1280];

describe.each(widths)('at %i px no two labels overlap', (width) => {
	it('XmR chart, monthly over two years: the key is below the two-line month ticks', () => {
		// Two years to the end of a quarter, as the board pack shows: ticks "Oct 2024", "Jan 2025", …
		const months = periodRange('2024-10-01', '2026-09-01', 'month');
		const inputs = months.map((period, index) => ({
			period,
			value: index < 12 ? 40 + (index % 3) : index < 20 ? 52 + (index % 2) : 30 - (index % 2)
		}));
		const chart = xmrChart([spcSeries('all', 'All districts', 'month', inputs)], {
			width,
			label: 'x',
			kind: 'count',
			yLabel: 'Children referred a month',
			document
		});
		expect(chart.querySelector('.spc-legend')?.textContent).toContain('Special cause, high');
		expect(labelOverlaps(chart)).toEqual([]);
	});

	it('XmR small multiples, quarterly: the y-axis title clear of the top tick', () => {
		const quarters = periodRange('2022-04-01', '2026-07-01', 'quarter');
		const series = ['Cambridge', 'Fenland', 'Peterborough', 'Huntingdonshire'].map((name, panel) =>
			spcSeries(
				name.toLowerCase(),
				name,
				'quarter',
				quarters.map((period, index) => ({ period, value: 200 + panel * 20 + ((index * 7) % 40) }))
			)
		);
		const chart = xmrChart(series, {
			width,
			label: 'x',
			kind: 'count',
			yLabel: 'Children a quarter',
			document
		});
		expect(labelOverlaps(chart)).toEqual([]);
	});

	it('period estimates: the y-axis title above the top tick (a share, and a mean age)', () => {
		const periods = ['2022-23', '2023-24', '2024-25', '2025-26'];
		const shares: PeriodEstimate[] = periods.map((period, index) => ({
			period,
			value: 0.44 + index * 0.02,
			lower: 0.39 + index * 0.02,
			upper: 0.49 + index * 0.02,
			title: period
		}));
		const share = periodEstimateChart(shares, {
			width,
			label: 'x',
			valueLabel: 'Referrals aged under 15',
			percent: true
		});
		// The domain runs to 0.63 × 1.15 → 0.62; its top tick, 60%, lies 2% below the frame's top.
		expect(labelOverlaps(share)).toEqual([]);
		const ages = periods.map((period, index) => ({
			period,
			value: 14.6 + index * 0.1,
			lower: 14.2 + index * 0.1,
			upper: 15.1 + index * 0.1,
			title: period
		}));
		const mean = periodEstimateChart(ages, {
			width,
			label: 'x',
			valueLabel: 'Age at referral (years)',
			primaryLabel: 'Mean',
			secondary: { label: 'Median', values: [15, 15, 15, 15] }
		});
		// The domain is [13, 16]: "16.0" on the frame's top edge.
		expect(mean.textContent).toContain('16.0');
		expect(labelOverlaps(mean)).toEqual([]);
	});

	it('projection: the y-axis title above a tick near the top of the domain', () => {
		const quarters = ['2024-01', '2024-04', '2024-07', '2024-10', '2025-01', '2025-04'];
		const observed = quarters.map((start, index) => ({ start, label: start, count: 230 + index * 9 }));
		const projected = ['2025-07', '2025-10'].map((start, index) => ({
			start,
			label: start,
			point: 280 + index * 4,
			lower80: 262,
			upper80: 270 + index * 4,
			lower95: 250,
			upper95: 278 + index
		}));
		// The domain runs to ⌈279 × 1.08⌉ = 302: "300" a pixel below the frame's top.
		const chart = projectionChart(observed, projected, {
			width,
			label: 'x',
			valueLabel: 'Children a quarter',
			document
		});
		expect(labelOverlaps(chart)).toEqual([]);
	});

	it('age pyramid: the x-axis title below the middle "0"', () => {
		const bars: PyramidBar[] = [12, 13, 14, 15, 16, 17].flatMap((age) =>
			(['left', 'right'] as const).map((side) => {
				const value = side === 'left' ? age * 9 : age * 5;
				return { age, side, key: side, value, text: String(value), title: '' };
			})
		);
		const chart = agePyramidChart(bars, {
			width,
			label: 'x',
			leftLabel: 'Boys',
			rightLabel: 'Girls',
			document
		});
		expect(labelOverlaps(chart)).toEqual([]);
	});

	it('stacked shares: "Share of referrals (%)" clear of the ticks 80 and 100', () => {
		const groups = ['Aged 10 to 14', 'Aged 15', 'Aged 16', 'Aged 17'];
		const segments: StackedSegment[] = groups.flatMap((groupLabel, index) =>
			(['a', 'b', 'c'] as const).map((segment, at) => ({
				groupLabel,
				segment,
				segmentLabel: `Kind ${segment}`,
				share: [0.5 - index * 0.05, 0.3, 0.2 + index * 0.05][at]!,
				count: 10
			}))
		);
		const chart = stackedSharesChart(segments, {
			width,
			label: 'x',
			colours: { a: '#12436D', b: '#28A197', c: '#F46A25' },
			segmentOrder: ['a', 'b', 'c'],
			document
		});
		expect(labelOverlaps(chart)).toEqual([]);
	});

	it('district rates: "Referrals per 10,000 children a year" below its ticks', () => {
		const districts = ['Cambridge', 'East Cambridgeshire', 'Fenland', 'Huntingdonshire', 'Peterborough'];
		const points: DistrictRatePoint[] = ['Aged 0 to 17', 'Aged 10 to 17'].flatMap((ages, band) =>
			districts.map((district, index) => {
				const rate = (12 + index * 5) * (band + 1);
				return {
					district,
					districtLabel: district,
					ages,
					rate,
					lower: rate - 4,
					upper: rate + 4,
					partnership: 22 * (band + 1),
					significance: ''
				};
			})
		);
		const chart = districtRatesChart(points, { width, label: 'x', document });
		expect(labelOverlaps(chart)).toEqual([]);
	});

	it('stacked shares: a percentage printed only in a segment that holds it, clear of its neighbours', () => {
		// Five kinds of about a fifth each, as the cohorts' districts show them: "19.8%" beside "20.1%".
		const shares = [0.198, 0.201, 0.2, 0.203, 0.198];
		const segments: StackedSegment[] = ['Cambridge', 'Fenland'].flatMap((groupLabel) =>
			shares.map((share, at) => ({
				groupLabel,
				segment: String(at),
				segmentLabel: `Kind ${at}`,
				share,
				count: 10
			}))
		);
		const chart = stackedSharesChart(segments, {
			width,
			label: 'x',
			colours: { 0: '#12436D', 1: '#28A197', 2: '#F46A25', 3: '#3D3D3D', 4: '#A285D1' },
			segmentOrder: ['0', '1', '2', '3', '4'],
			document
		});
		expect(labelOverlaps(chart)).toEqual([]);
	});

	it('columns: the figure above each of thirteen columns clear of the next', () => {
		const counts = [12, 48, 120, 233, 293, 306, 329, 281, 190, 102, 44, 15, 4];
		const chart = columnsChart(
			counts.map((value, index) => ({ label: String(index), value, text: String(value), title: '' })),
			{ width, label: 'x', xLabel: 'Indicators present', yLabel: 'Referrals', document }
		);
		expect(labelOverlaps(chart)).toEqual([]);
	});
});
