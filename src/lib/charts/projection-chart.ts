import * as Plot from '@observablehq/plot';
import { formatCount } from '$lib/format/number';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { categorical, gridline, muted, text as textColour } from './palette';
import { yTitleMargin } from './axis-room';
import { plotClass } from './plot-style';
import { textWidth } from './text-width';

/** A counted 3-month block (history) or a projected one, by its first month (`YYYY-MM`) and its label. */
export interface ProjectionPoint {
	readonly start: string;
	readonly label: string;
}
export interface ObservedQuarter extends ProjectionPoint {
	readonly count: number;
}
export interface ProjectedQuarterPoint extends ProjectionPoint {
	readonly point: number;
	readonly lower80: number;
	readonly upper80: number;
	readonly lower95: number;
	readonly upper95: number;
}

export interface ProjectionChartOptions extends ChartOptions {
	/** The y axis: "Referrals a quarter". */
	readonly valueLabel: string;
}

const dateOf = (start: string) => new Date(`${start}-01T00:00:00Z`);

/**
 * Counted quarters as a solid line with filled dots; the projection as a dashed line with hollow dots inside
 * its 95% (light) and 80% (darker) prediction bands, joined to the last counted quarter; a rule and the word
 * "Projected" where the projection begins. Line style, dot fill and the label tell history from projection,
 * not colour alone.
 */
export function projectionChart(
	observed: readonly ObservedQuarter[],
	projected: readonly ProjectedQuarterPoint[],
	options: ProjectionChartOptions
): Element {
	const last = observed[observed.length - 1];
	// The bands and the dashed line start at the last counted quarter so the two lines meet.
	const joined = [
		...(last
			? [
					{
						start: last.start,
						label: last.label,
						point: last.count,
						lower80: last.count,
						upper80: last.count,
						lower95: last.count,
						upper95: last.count
					}
				]
			: []),
		...projected
	].map((row) => ({ ...row, date: dateOf(row.start) }));
	const history = observed.map((row) => ({ ...row, date: dateOf(row.start) }));
	const high = Math.max(1, ...observed.map((row) => row.count), ...projected.map((row) => row.upper95));
	const colour = categorical[0];
	const projection = categorical[1];
	const chart = Plot.plot({
		className: plotClass,
		document: options.document,
		width: options.width,
		height: 320,
		// Room above the frame for the y-axis title, clear of the top tick label (the domain need not end on a
		// tick, but may).
		marginTop: yTitleMargin(),
		marginLeft: 52,
		marginRight: 24,
		marginBottom: 40,
		style: { fontSize: '13px', color: textColour },
		x: {
			type: 'utc',
			label: null,
			ticks: Math.max(2, Math.floor(options.width / 110)),
			// Half a year label in from each edge: a tick on the first quarter would run into the y axis's "0".
			inset: Math.ceil(textWidth('2024') / 2)
		},
		y: { label: options.valueLabel, grid: true, domain: [0, Math.ceil(high * 1.08)] },
		marks: [
			Plot.frame({ stroke: gridline, anchor: 'bottom' }),
			Plot.areaY(joined, { x: 'date', y1: 'lower95', y2: 'upper95', fill: projection, fillOpacity: 0.15 }),
			Plot.areaY(joined, { x: 'date', y1: 'lower80', y2: 'upper80', fill: projection, fillOpacity: 0.3 }),
			Plot.lineY(history, { x: 'date', y: 'count', stroke: colour, strokeWidth: 1.75 }),
			Plot.dot(history, {
				x: 'date',
				y: 'count',
				r: 3.5,
				fill: colour,
				title: (row: ObservedQuarter) => `${row.label}\nCounted: ${formatCount(row.count)}`,
				tip: true
			}),
			Plot.lineY(joined, {
				x: 'date',
				y: 'point',
				stroke: projection,
				strokeWidth: 1.75,
				strokeDasharray: '5 4'
			}),
			Plot.dot(joined.slice(last ? 1 : 0), {
				x: 'date',
				y: 'point',
				r: 3.5,
				stroke: projection,
				strokeWidth: 1.75,
				fill: '#ffffff',
				title: (row: ProjectedQuarterPoint) =>
					`${row.label}\nProjected: ${formatCount(Math.round(row.point))}` +
					`\n80% interval ${formatCount(row.lower80)} to ${formatCount(row.upper80)}` +
					`\n95% interval ${formatCount(row.lower95)} to ${formatCount(row.upper95)}`,
				tip: true
			}),
			...(projected[0]
				? [
						Plot.ruleX([dateOf(projected[0].start)], { stroke: muted, strokeDasharray: '2 3' }),
						Plot.text([dateOf(projected[0].start)], {
							x: (d: Date) => d,
							frameAnchor: 'top',
							text: () => 'Projected',
							textAnchor: 'start',
							dx: 4,
							dy: 4,
							fill: muted
						})
					]
				: [])
		]
	});
	return labelChart(chart, options.label);
}
