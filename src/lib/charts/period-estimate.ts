import { formatCount } from '$lib/format/number';
import * as Plot from '@observablehq/plot';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { categorical, gridline, text as textColour } from './palette';
import { yTitleMargin } from './axis-room';
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

/** The height a series name takes beside its point, with a little space: 13 px text. */
const nameLine = 17;

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
	// The series' names beside their last points ("Mean", "Median"). Less than a line apart they printed over
	// each other: each moves half the shortfall away from the other, the higher one up.
	const names = options.secondary
		? [
				...data
					.filter((point): point is PeriodEstimate & { value: number } => point.value !== null)
					.slice(-1)
					.map((point) => ({ period: point.period, value: point.value, name: options.primaryLabel ?? '' })),
				...secondary
					.filter((point): point is { period: string; value: number } => point.value !== null)
					.slice(-1)
					.map((point) => ({ ...point, name: options.secondary!.label }))
			]
		: [];
	const marginTop = yTitleMargin();
	const plotHeight = 300 - marginTop - 40;
	const pixels = (value: number) => ((value - domain[0]) / (domain[1] - domain[0])) * plotHeight;
	const spread = [0, 0];
	const [first, second] = names;
	if (first && second && first.period === second.period) {
		const apart = pixels(first.value) - pixels(second.value);
		const short = nameLine - Math.abs(apart);
		if (short > 0) {
			spread[apart >= 0 ? 0 : 1] = -short / 2;
			spread[apart >= 0 ? 1 : 0] = short / 2;
		}
	}
	const chart = Plot.plot({
		className: plotClass,
		document: options.document,
		width: options.width,
		height: 300,
		// Room above the frame for the y-axis title, clear of the top tick label.
		marginTop,
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
			...names.map((name, index) =>
				Plot.text([name], {
					x: 'period',
					y: 'value',
					text: 'name',
					textAnchor: 'start',
					dx: 10,
					dy: spread[index],
					fill: textColour
				})
			)
		]
	});
	return labelChart(chart, options.label);
}
