import { parseIsoDay } from '$lib/format/date';
import type { SpcSeries } from '$lib/transform/spc-series';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { spcStyle } from './spc-marks';
import { plotClass } from './plot-style';

export interface SparklineOptions extends ChartOptions {
	height?: number;
}

const SVG = 'http://www.w3.org/2000/svg';
/** Room round the plot, as Plot's `margin: 6`. */
const MARGIN = 6;
/**
 * Plot shifts its marks half a pixel on a screen of one device pixel per CSS pixel, so a one-pixel line
 * falls on a pixel, not across two (Plot's `offset`, read once as Plot reads it).
 */
const offset = typeof window !== 'undefined' && window.devicePixelRatio > 1 ? 0 : 0.5;
/** Triangles of radius 3.5 (a special cause) and circles of radius 3 (an excluded period). */
const SPECIAL_R = 3.5;
const HOLLOW_R = 3;

/** A number as d3-path writes it into a path: rounded to 3 decimals. */
const round = (value: number) => Math.round(value * 1000) / 1000;

/** d3's symbolTriangle of area π r², as Plot draws a dot's "triangle" symbol. */
function triangle(r: number): string {
	const sqrt3 = Math.sqrt(3);
	const y = -Math.sqrt((Math.PI * r * r) / (sqrt3 * 3));
	return `M0,${round(y * 2)}L${round(-sqrt3 * y)},${round(-y)}L${round(sqrt3 * y)},${round(-y)}Z`;
}

/**
 * A linear scale from `domain` to `range`, as d3's (a single-value domain maps to the range's middle), with
 * its inverse from a pixel back to a value.
 */
function linear(
	[d0, d1]: [number, number],
	[r0, r1]: [number, number]
): ((value: number) => number) & { invert(pixel: number): number } {
	const span = d1 - d0;
	const scale = (value: number) => {
		const t = span ? (value - d0) / span : 0.5;
		return r0 * (1 - t) + r1 * t;
	};
	return Object.assign(scale, {
		invert: (pixel: number) => (span && r1 !== r0 ? d0 + ((pixel - r0) / (r1 - r0)) * span : d0)
	});
}

/** The smallest and largest of the values that are numbers, as d3.extent; undefined when none is. */
function extent(values: Iterable<number | null | undefined>): [number, number] | undefined {
	let found: [number, number] | undefined;
	for (const value of values) {
		if (value === null || value === undefined || Number.isNaN(value)) continue;
		if (!found) found = [value, value];
		else if (value < found[0]) found[0] = value;
		else if (value > found[1]) found[1] = value;
	}
	return found;
}

const defined = (value: number | null | undefined): value is number =>
	value !== null && value !== undefined && !Number.isNaN(value);

/**
 * A small XmR chart for a headline: the series, its mean and process limits, special causes as triangles
 * pointing the way they depart, excluded periods hollow. No axes: the headline and its summary carry the
 * numbers, and the Trends page has the full chart.
 *
 * Written as SVG directly rather than through Plot: the Overview redraws seven of these on every filter
 * change, and Plot's scales, channels and marks cost more than the few paths they make. It draws what
 * Plot drew with `spcMarks` (the same elements, attributes and coordinates: tests/charts compare the two on
 * many series), so it looks the same as every other SPC chart.
 */
export function spcSparkline(series: SpcSeries, options: SparklineOptions): Element {
	const document = options.document ?? globalThis.document;
	const width = options.width;
	const height = options.height ?? 64;
	const make = (name: string, attributes: Record<string, string | number>) => {
		const element = document.createElementNS(SVG, name);
		for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
		return element;
	};
	const svg = make('svg', {
		class: plotClass,
		fill: 'currentColor',
		'font-family': 'system-ui, sans-serif',
		'font-size': 10,
		'text-anchor': 'middle',
		width,
		height,
		viewBox: `0 0 ${width} ${height}`
	});

	const rows = series.points.map((point) => ({ ...point, time: parseIsoDay(point.period).getTime() }));
	type Row = (typeof rows)[number];
	// The parts of spcMarks: limits and mean over the included periods with limits, the line over the
	// included periods, special causes and the excluded periods that have a value.
	const included = rows.filter((row) => row.excluded === null);
	const withLimits = included.filter((row) => row.mean !== null);
	const special = included.filter((row) => row.value !== null && row.signal !== null);
	const hollow = rows.filter((row) => row.excluded !== null && row.value !== null);
	// A lower limit below zero is drawn at zero: a count or share cannot be negative.
	const floored = (row: Row) => (row.lpl === null ? null : Math.max(0, row.lpl));

	// Scales over every value a mark shows, as Plot infers them: x over the periods, y from zero.
	const xs = extent([...included, ...hollow].map((row) => row.time));
	const ys = extent([
		...withLimits.flatMap((row) => [row.upl, floored(row), row.mean]),
		...included.map((row) => row.value),
		...hollow.map((row) => row.value)
	]);
	if (xs && ys) {
		const x = linear(xs, [MARGIN, width - MARGIN]);
		const y = linear([Math.min(0, ys[0]), Math.max(0, ys[1])], [height - MARGIN, MARGIN]);
		const shifted: Record<string, string> = offset ? { transform: `translate(${offset},${offset})` } : {};
		// Plot's `chart.scale(name)`, so the drawing reads back to months and values as any Plot chart's does
		// (the publication tests check what a sparkline draws that way).
		Object.assign(svg, {
			scale: (name: 'x' | 'y') =>
				name === 'x' ? { invert: (pixel: number) => new Date(x.invert(pixel)) } : { invert: y.invert }
		});

		/** A line through the rows, broken where a value is missing (a point alone is closed, as d3 draws it). */
		const line = (
			data: readonly Row[],
			value: (row: Row) => number | null,
			stroke: { stroke: string; width?: number; dash?: string }
		) => {
			if (data.length === 0) return;
			// Plot's attributes in Plot's order; a stroke width of 1 is the default, left unwritten.
			const group = make('g', {
				fill: 'none',
				stroke: stroke.stroke,
				...(stroke.width !== undefined ? { 'stroke-width': stroke.width } : {}),
				'stroke-linejoin': 'round',
				'stroke-linecap': 'round',
				...(stroke.dash !== undefined ? { 'stroke-dasharray': stroke.dash } : {}),
				...shifted
			});
			let d = '';
			let run = 0;
			for (const row of data) {
				const v = value(row);
				if (!defined(v)) {
					if (run === 1) d += 'Z';
					run = 0;
					continue;
				}
				d += `${run === 0 ? 'M' : 'L'}${round(x(row.time))},${round(y(v))}`;
				run += 1;
			}
			if (run === 1) d += 'Z';
			if (d !== '') group.append(make('path', { d }));
			svg.append(group);
		};
		const limit = { stroke: spcStyle.limit, dash: '4,3' };
		line(withLimits, (row) => row.upl, limit);
		line(withLimits, floored, limit);
		line(withLimits, (row) => row.mean, { stroke: spcStyle.mean });
		line(included, (row) => row.value, { stroke: spcStyle.value, width: 1.5 });

		if (special.length > 0) {
			const group = make('g', { fill: spcStyle.special, ...shifted });
			const d = triangle(SPECIAL_R);
			for (const row of special)
				group.append(
					make('path', {
						transform: `translate(${x(row.time)},${y(row.value!)}) rotate(${row.signal === 'low' ? 180 : 0})`,
						d
					})
				);
			svg.append(group);
		}
		if (hollow.length > 0) {
			const group = make('g', { fill: '#fff', stroke: spcStyle.excluded, 'stroke-width': 1.25, ...shifted });
			for (const row of hollow)
				group.append(make('circle', { cx: x(row.time), cy: y(row.value!), r: HOLLOW_R }));
			svg.append(group);
		}
	}
	return labelChart(svg, options.label);
}
