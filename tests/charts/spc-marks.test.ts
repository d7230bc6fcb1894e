// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { monthlySmallMultiplesChart, type PanelPoint } from '$lib/charts/monthly-small-multiples';
import { spcSparkline } from '$lib/charts/spc-sparkline';
import { xmrChart } from '$lib/charts/xmr-chart';
import { periodRange } from '$lib/domain/calendar';
import { spcSeries, type SpcInput, type SpcSeries } from '$lib/transform/spc-series';
import { svgSnapshot } from '../helpers/svg-snapshot';

// Golden SVGs of the three charts that draw SPC marks, so that sharing the marks cannot change a pixel.
const months = periodRange('2024-01-01', '2025-07-01', 'month');
// Shifts high and low (special causes both ways), an incomplete last month, and an uneven series whose lower
// limit falls below zero.
const steady = [5, 7, 5, 7, 5, 7, 5, 7, 5, 7, 8, 9, 8, 9, 8, 9, 8, 9, 2];
const uneven = [1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 4];
const inputs = (values: readonly number[], suppress = false): SpcInput[] =>
	values.map((value, index) => ({
		period: months[index]!,
		value,
		...(index === values.length - 1 ? { excluded: 'incomplete' as const } : {}),
		...(suppress && index === 3 ? { published: null, symbol: 'c' as const } : {})
	}));
const fenland = spcSeries('fenland', 'Fenland', 'month', inputs(steady));
const cambridge = spcSeries('cambridge', 'Cambridge', 'month', inputs(uneven));
const suppressed = spcSeries('peterborough', 'Peterborough', 'month', inputs(steady, true));

/** Panel points as the Districts page builds them from SPC series. */
const panelPoints = (series: readonly SpcSeries[], plain = false): PanelPoint[] =>
	series.flatMap((one) =>
		one.points.map((point) => ({
			month: point.period,
			key: one.area,
			label: one.label,
			value: point.value,
			mean: plain ? null : point.mean,
			upl: plain ? null : point.upl,
			// Floored as districtSpc does: the Districts page never passes a negative lower limit.
			lpl: plain || point.lpl === null ? null : Math.max(0, point.lpl),
			incomplete: point.excluded === 'incomplete',
			signal: plain ? null : point.signal,
			specialCause: plain ? null : point.specialCause
		}))
	);

const xmr = { label: 'x', kind: 'count', yLabel: 'Referrals', document } as const;

describe('SPC charts (golden SVG)', () => {
	it('XmR chart, one series', async () => {
		await expect(svgSnapshot(xmrChart([fenland], { ...xmr, width: 800 }))).toMatchFileSnapshot(
			'__snapshots__/xmr-single.svg'
		);
	});

	it('XmR chart, one series with a negative lower limit', async () => {
		await expect(svgSnapshot(xmrChart([cambridge], { ...xmr, width: 640 }))).toMatchFileSnapshot(
			'__snapshots__/xmr-floor.svg'
		);
	});

	it('XmR chart, quarterly', async () => {
		const quarters = periodRange('2023-04-01', '2025-04-01', 'quarter');
		const quarterly = spcSeries(
			'all',
			'All districts',
			'quarter',
			quarters.map((period, index) => ({ period, value: 20 + (index % 3) * 4 }))
		);
		await expect(
			svgSnapshot(xmrChart([quarterly], { ...xmr, kind: 'share', width: 700 }))
		).toMatchFileSnapshot('__snapshots__/xmr-quarterly.svg');
	});

	it('XmR chart, small multiples with one series withheld', async () => {
		await expect(
			svgSnapshot(xmrChart([fenland, cambridge, suppressed], { ...xmr, width: 1000 }))
		).toMatchFileSnapshot('__snapshots__/xmr-facets.svg');
	});

	it('sparkline', async () => {
		await expect(
			svgSnapshot(spcSparkline(cambridge, { width: 200, label: 'x', document }))
		).toMatchFileSnapshot('__snapshots__/spc-sparkline.svg');
		await expect(
			svgSnapshot(spcSparkline(fenland, { width: 200, label: 'x', document }))
		).toMatchFileSnapshot('__snapshots__/spc-sparkline-special.svg');
		await expect(
			svgSnapshot(spcSparkline(suppressed, { width: 200, label: 'x', document }))
		).toMatchFileSnapshot('__snapshots__/spc-sparkline-withheld.svg');
	});

	it('monthly small multiples with SPC, and plain', async () => {
		const options = { width: 1000, label: 'x', valueLabel: 'Referrals', unit: 'referrals', document };
		await expect(
			svgSnapshot(
				monthlySmallMultiplesChart(panelPoints([fenland, cambridge, suppressed]), {
					...options,
					selected: ['cambridge'],
					highlightFrom: '2025-01-01'
				})
			)
		).toMatchFileSnapshot('__snapshots__/monthly-small-multiples-spc.svg');
		await expect(
			svgSnapshot(monthlySmallMultiplesChart(panelPoints([fenland, cambridge], true), options))
		).toMatchFileSnapshot('__snapshots__/monthly-small-multiples-plain.svg');
	});
});
