import { formatCount } from '$lib/format/number';
import * as Plot from '@observablehq/plot';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { categorical, gridline, text as textColour } from './palette';
import { textWidth } from './text-width';
import { plotClass } from './plot-style';

export interface PeriodEstimate {
	/** Period label on the x axis (e.g. "2024-25", "Apr to Jun 2024"); periods are drawn in the given order. */
	period: string;
	/** Null when suppressed or not calculable: a gap in the line. */
	value: number | null;
	lower: number | null;
	upper: number | null;
	/** A part period (incomplete year or quarter): drawn as a hollow point. */
	partial?: boolean;
	title: string;
}

export interface PeriodEstimateOptions extends ChartOptions {
	valueLabel: string;
	/** Values are shares in [0, 1], shown as percentages. */
	percent?: boolean;
	/** Fixed value domain; default from zero (shares) or the data (other measures) with some room. */
	domain?: [number, number];
	/** Show every nth period label on the axis (default: as many as fit). */
	tickEvery?: number;
	/** Optional second series drawn as small diamonds (e.g. the median beside the mean). */
	secondary?: { label: string; values: readonly (number | null)[] };
	/** Name of the main series, printed beside its last point when there is a second series. */
	primaryLabel?: string;
}

/**
 * An estimate per period with its 95% interval as a vertical whisker, joined by a line (gaps where the
 * value is suppressed); hollow points mark part periods.
 */
export function periodEstimateChart(
	data: readonly PeriodEstimate[],
	options: PeriodEstimateOptions
): Element {
	const periods = data.map((point) => point.period);
	const labelWidth = Math.max(40, ...periods.map((period) => textWidth(period))) + 16;
	const fit = Math.max(1, Math.ceil((periods.length * labelWidth) / Math.max(200, options.width - 80)));
	// A page's tick step (every fourth quarter: one a year) is kept where the labels fit, and multiplied
	// where they would run into each other (a phone).
	const every = options.tickEvery ? options.tickEvery * Math.ceil(fit / options.tickEvery) : fit;
	const values = data.flatMap((point) => [point.lower ?? point.value, point.upper ?? point.value]);
	const finite = values.filter((value): value is number => value !== null && Number.isFinite(value));
	const high = Math.max(0, ...finite);
	const low = Math.min(
		...finite,
		...(options.secondary?.values.filter((v): v is number => v !== null) ?? [])
	);
	const domain: [number, number] =
		options.domain ??
		(options.percent ? [0, Math.min(1, high * 1.15 || 1)] : [Math.floor(low - 0.5), Math.ceil(high + 0.5)]);
	const secondary = options.secondary
		? data.map((point, index) => ({ period: point.period, value: options.secondary!.values[index] ?? null }))
		: [];
	const chart = Plot.plot({
		className: plotClass,
		document: options.document,
		width: options.width,
		height: 300,
		marginLeft: 52,
		marginRight: options.secondary ? 64 : 20,
		marginBottom: 40,
		style: { fontSize: '13px', color: textColour },
		x: {
			type: 'point',
			domain: periods,
			label: null,
			padding: 0.4,
			ticks: periods.filter((_, index) => index % every === 0)
		},
		y: {
			label: options.valueLabel,
			grid: true,
			domain,
			tickFormat: options.percent ? (value: number) => `${Math.round(value * 100)}%` : undefined
		},
		marks: [
			Plot.frame({ stroke: gridline, anchor: 'bottom' }),
			Plot.ruleX(
				data.filter((point) => point.lower !== null && point.upper !== null),
				{ x: 'period', y1: 'lower', y2: 'upper', stroke: categorical[0], strokeOpacity: 0.6, strokeWidth: 2 }
			),
			Plot.lineY(data, { x: 'period', y: 'value', stroke: categorical[0], strokeWidth: 1.75 }),
			Plot.dot(
				data.filter((point) => point.value !== null),
				{
					x: 'period',
					y: 'value',
					r: 4.5,
					stroke: categorical[0],
					strokeWidth: 2,
					fill: (point: PeriodEstimate) => (point.partial ? '#ffffff' : categorical[0]),
					title: 'title',
					tip: true
				}
			),
			...(options.secondary
				? [
						Plot.dot(
							secondary.filter((point) => point.value !== null),
							{
								x: 'period',
								y: 'value',
								symbol: 'diamond',
								r: 4,
								fill: categorical[3],
								title: (point: { period: string; value: number }) =>
									`${point.period}\n${options.secondary!.label}: ${formatCount(point.value)}`,
								tip: true
							}
						)
					]
				: []),
			...(options.secondary
				? [
						Plot.text(
							[
								...data
									.filter((point) => point.value !== null)
									.slice(-1)
									.map((point) => ({ ...point, name: options.primaryLabel ?? '' })),
								...secondary
									.filter((point) => point.value !== null)
									.slice(-1)
									.map((point) => ({ ...point, name: options.secondary!.label }))
							],
							{ x: 'period', y: 'value', text: 'name', textAnchor: 'start', dx: 10, fill: textColour }
						)
					]
				: [])
		]
	});
	return labelChart(chart, options.label);
}
