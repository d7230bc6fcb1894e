import * as Plot from '@observablehq/plot';
import { financialYearLabel } from '$lib/domain/financial-year';
import { parseIsoDay } from '$lib/format/date';
import { formatCount, formatDecimal, formatPercent } from '$lib/format/number';
import { formatPeriod } from '$lib/format/period';
import { describeSpecialCause } from '$lib/summaries/special-cause';
import type { SpcSeries } from '$lib/transform/spc-series';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { tickLabelDepth, yTitleMargin } from './axis-room';
import { gridline } from './palette';
import { departure, drawLegend, legendHeight, spcLegendItems, spcMarks, spcStyle } from './spc-marks';
import { plotClass } from './plot-style';
import { textWidth } from './text-width';

export interface XmrChartOptions extends ChartOptions {
	kind: 'count' | 'share';
	/** y-axis label: "Referrals a month". */
	yLabel: string;
	/** Cross-filter: called with a panel's area code when it is clicked. */
	onSelect?: (area: string) => void;
}

interface Row {
	area: string;
	label: string;
	panel: number;
	date: Date;
	period: string;
	value: number | null;
	mean: number | null;
	lpl: number | null;
	upl: number | null;
	nearLpl: number | null;
	nearUpl: number | null;
	signal: 'high' | 'low' | null;
	specialCause: string | null;
	excluded: string | null;
	tip: string;
}

/**
 * XmR charts (Making Data Count): the monthly or quarterly values with the mean, process limits and near
 * limits of `$lib/stats` xmr, special causes as larger triangles pointing up or down, and excluded periods
 * (incomplete, or without a 12-month look-back) as hollow circles outside the limits' baseline. Several
 * series become small multiples on a shared scale (districts are compared by position, one colour).
 * Lower limits below zero are drawn at zero: a count or share cannot be negative.
 */
export function xmrChart(series: readonly SpcSeries[], options: XmrChartOptions): Element {
	const { kind, width } = options;
	const faceted = series.length > 1;
	const columns = !faceted ? 1 : width < 640 ? 1 : width < 960 ? 2 : 3;
	const format = (value: number) => (kind === 'share' ? formatPercent(value) : formatDecimal(value));
	const rows: Row[] = series.flatMap((one, panel) =>
		one.points.map((point) => {
			const value =
				point.value === null
					? point.excluded === 'empty'
						? 'no referrals'
						: `${point.symbol ?? 'c'} (suppressed)`
					: kind === 'share'
						? formatPercent(point.value)
						: formatCount(point.value);
			const spc =
				point.excluded === 'incomplete'
					? 'Incomplete period: not used for the limits'
					: point.excluded === 'no-lookback'
						? 'No full 12-month look-back: not used for the limits'
						: point.excluded === 'empty'
							? 'Not used for the limits'
							: point.mean === null
								? one.withheld === 'suppressed'
									? 'SPC not shown: counts suppressed'
									: one.withheld === 'rare'
										? 'Rare events: no SPC verdict'
										: ''
								: `Mean ${format(point.mean)}; limits ${format(Math.max(0, point.lpl ?? 0))} to ${format(point.upl ?? 0)}\n${point.signal ? `Special cause: ${describeSpecialCause(point.specialCause)}` : 'Common cause'}`;
			return {
				area: one.area,
				label: one.label,
				panel,
				date: parseIsoDay(point.period),
				period: point.period,
				value: point.value,
				mean: point.mean,
				lpl: point.lpl,
				upl: point.upl,
				nearLpl: point.nearLpl,
				nearUpl: point.nearUpl,
				signal: point.signal,
				specialCause: point.specialCause,
				excluded: point.excluded,
				tip: `${one.label}, ${formatPeriod(point.period, one.grain)}\n${options.yLabel}: ${value}${spc ? `\n${spc}` : ''}`
			};
		})
	);
	const fx = faceted ? (row: { panel: number }) => row.panel % columns : undefined;
	const fy = faceted ? (row: { panel: number }) => Math.floor(row.panel / columns) : undefined;
	const facet = { fx, fy };
	const excluded = rows.filter((row) => row.excluded !== null && row.value !== null);
	const grain = series[0]?.grain ?? 'month';
	const kinds = new Set(excluded.map((row) => row.excluded));
	const legend = spcLegendItems(
		kinds.size === 0
			? null
			: kinds.size > 1
				? 'Not used for limits (incomplete, no look-back)'
				: kinds.has('incomplete')
					? 'Incomplete period'
					: kinds.has('no-lookback')
						? 'No 12-month look-back'
						: 'Not used for limits'
	);
	const key = legendHeight(legend, width);
	// Above the frame, room for the y-axis title clear of the top tick label. Below it, the key starts under
	// the tick labels, which take two lines when monthly ("Oct" over "2024"): at 30 px it ran into them.
	const top = yTitleMargin();
	const bottom = Math.max(30, Math.ceil(tickLabelDepth(grain === 'quarter' ? 1 : 2))) + key;
	const panelRows = Math.ceil(series.length / columns);
	const panels = series.map((one, panel) => ({
		panel,
		label:
			one.withheld === 'suppressed'
				? `${one.label} (SPC not shown)`
				: one.withheld === 'rare'
					? `${one.label} (rare: no SPC)`
					: one.label
	}));
	// A heading wider than its panel ("South Cambridgeshire (rare: no SPC)" on a phone) is cut off at the
	// frame: such headings are set smaller, and wrap if still too long. Bold system-ui runs about a quarter
	// wider than the estimate (measured on that heading at 390 px).
	const panelWidth = (width - 48 - 8) / columns - 12;
	const headingFits = (size: number) =>
		panels.every((one) => textWidth(one.label, size) * 1.25 <= panelWidth);
	const headingSize = headingFits(13) ? undefined : 11;
	const headingWrap = headingSize !== undefined && !headingFits(11) ? panelWidth / 11 : undefined;
	const times = rows.map((row) => row.date.getTime());
	const [minTime, maxTime] = [Math.min(...times), Math.max(...times)];
	// Financial-year ticks (1 April) inside the data only: Plot draws explicit ticks even outside the domain.
	const financialYearTicks = [...new Set(rows.map((row) => row.date.getUTCFullYear()))]
		.map((year) => new Date(Date.UTC(year, 3, 1)))
		.filter((date) => date.getTime() >= minTime && date.getTime() <= maxTime);
	const middle = (minTime + maxTime) / 2;
	// A tick on the first or last period would centre its label on the panel's edge, where it ran into the
	// next panel's first label or the "0" of the y axis: the periods are drawn in from the edges by half a label.
	const yearLabel = textWidth('2024-25');
	const edge = Math.ceil(textWidth(grain === 'quarter' ? '2024-25' : '2024') / 2);
	// A financial year's label needs about 65 px (15% more than the estimate, as system-ui runs wider, and
	// a gap): in a narrower year (a small multiple on a phone), only every second or third year is labelled.
	const yearWidth = ((panelWidth - 2 * edge) * 365.25 * 864e5) / Math.max(1, maxTime - minTime);
	const everyYear = Math.max(1, Math.ceil((yearLabel * 1.15 + 8) / yearWidth));
	const chart = Plot.plot({
		className: plotClass,
		document: options.document,
		width,
		// As tall as before the margins grew (24 px above, 30 below the frame, then the key): the panels give up
		// the room, so a printed page holds what it held.
		height: plotHeight(faceted ? panelRows : 0, options.paper ?? false) + 24 + 30 + key,
		marginTop: top,
		marginBottom: bottom,
		marginLeft: 48,
		marginRight: faceted ? 8 : 16,
		fx: { axis: null, padding: 0.06 },
		fy: { axis: null, padding: 0.1 },
		x: {
			type: 'utc',
			label: null,
			inset: edge,
			...(grain === 'quarter'
				? {
						ticks: financialYearTicks.filter((_, index) => index % everyYear === 0),
						tickFormat: (date: Date) => financialYearLabel(date.getUTCFullYear())
					}
				: { ticks: Math.max(2, Math.floor(width / columns / 110)) })
		},
		y: {
			grid: true,
			label: options.yLabel,
			nice: true,
			zero: true,
			...(kind === 'share' ? { tickFormat: (value: number) => `${Math.round(value * 100)}%` } : {})
		},
		style: { fontSize: '13px', color: '#0b0c0c' },
		marks: [
			Plot.frame({ stroke: gridline }),
			spcMarks(rows, {
				x: 'date',
				z: 'area',
				...facet,
				excluded: (row) => row.excluded !== null,
				near: { stroke: spcStyle.nearLimit, strokeDasharray: spcStyle.nearDash, strokeWidth: 1.25 },
				limits: { stroke: spcStyle.limit, strokeDasharray: spcStyle.limitDash, strokeWidth: 1.25 },
				mean: { stroke: spcStyle.mean, strokeWidth: 1.25 },
				line: { stroke: spcStyle.value, strokeWidth: 1.75 },
				common: { r: faceted ? 2 : 2.75, fill: spcStyle.value },
				special: {
					symbol: 'triangle',
					r: faceted ? 4.5 : 5.5,
					fill: spcStyle.special,
					stroke: '#fff',
					strokeWidth: 0.75,
					rotate: departure
				},
				hollow: { r: faceted ? 3.5 : 4.5, fill: '#fff', stroke: spcStyle.excluded, strokeWidth: 1.5 }
			}),
			...(faceted
				? [
						Plot.text(panels, {
							fx,
							fy,
							text: 'label',
							frameAnchor: 'top-left',
							dx: 6,
							dy: 6,
							fontWeight: 'bold',
							...(headingSize === undefined ? {} : { fontSize: headingSize }),
							...(headingWrap === undefined ? {} : { lineWidth: headingWrap })
						})
					]
				: [
						...(['start', 'end'] as const).map((anchor) =>
							Plot.text(
								excluded.filter(
									(row) => row.excluded === 'incomplete' && row.date.getTime() > middle === (anchor === 'end')
								),
								{
									x: 'date',
									y: 'value',
									text: () => 'incomplete',
									dy: -12,
									textAnchor: anchor,
									fill: spcStyle.excluded
								}
							)
						)
					]),
			Plot.tip(rows, Plot.pointerX({ x: 'date', y: 'value', ...facet, title: 'tip' }))
		]
	});
	drawLegend(chart, legend, width, Number(chart.getAttribute('height')) - key, options.document ?? document);
	const onSelect = options.onSelect;
	if (onSelect && faceted) {
		chart.setAttribute('style', `${chart.getAttribute('style') ?? ''};cursor:pointer`);
		chart.addEventListener('click', () => {
			const row = (chart as Element & { value?: Row | null }).value;
			if (row && row.area !== 'all') onSelect(row.area);
		});
	}
	return labelChart(chart, options.label);
}

/**
 * The plotting area's height: one chart, or `panelRows` rows of small multiples. On paper a chart is drawn
 * shorter (measured on Trends: a district chart and an overall chart then share an A4 sheet, titles, summaries
 * and captions included, where the screen heights printed one figure a sheet, half of it blank).
 */
function plotHeight(panelRows: number, paper: boolean): number {
	if (panelRows > 0) return panelRows * (paper ? 90 : 165);
	return paper ? 140 : 280;
}
