import * as Plot from '@observablehq/plot';
import { categorical, gridline, muted, text } from './palette';

/**
 * How an XmR chart draws its parts, shared by the full chart, the small multiples and the sparkline so
 * the key reads the same everywhere. A special cause is a larger triangle pointing the way it departs
 * (shape and size, not colour alone); an excluded period is a hollow circle.
 */
export const spcStyle = {
	value: categorical[0],
	special: categorical[2],
	mean: text,
	limit: muted,
	nearLimit: gridline,
	excluded: muted,
	limitDash: '6,4',
	nearDash: '2,3'
} as const;

/** What a row needs for its SPC marks; the x channel and the exclusion test are options. */
export interface SpcMarkRow {
	/** As shown: null when suppressed (a gap). */
	value: number | null;
	mean: number | null;
	lpl: number | null;
	upl: number | null;
	nearLpl?: number | null;
	nearUpl?: number | null;
	/** Which side a special cause is on; null for common cause. */
	signal: 'high' | 'low' | null;
}

/** A special cause's triangle points the way the value departs: up when high, down when low. */
export const departure = (row: SpcMarkRow): number => (row.signal === 'low' ? 180 : 0);

/** How one line of the chart is stroked. */
export interface SpcLineStyle {
	stroke: string;
	strokeWidth?: number;
	strokeDasharray?: string;
}

/** How one kind of point is drawn: any of Plot's dot options, constants or channels. */
export type SpcDotStyle = Pick<
	Plot.DotOptions,
	'r' | 'symbol' | 'fill' | 'stroke' | 'strokeWidth' | 'rotate'
>;

export interface SpcMarksOptions<Row extends SpcMarkRow> {
	/** The period: a field name or accessor. */
	x: Plot.ChannelValue;
	/** Facets, for small multiples. */
	fx?: Plot.ChannelValue;
	fy?: Plot.ChannelValue;
	/** Series within one panel. */
	z?: Plot.ChannelValue;
	/** A period kept out of the limits and the line (incomplete, no look-back): drawn as a hollow point. */
	excluded: (row: Row) => boolean;
	/** The near limits (⅔ of the way to the process limits); omitted when absent. */
	near?: SpcLineStyle;
	limits: SpcLineStyle;
	mean: SpcLineStyle;
	line: SpcLineStyle;
	/** Common-cause points; omitted when absent (only special causes are marked). */
	common?: SpcDotStyle;
	special: SpcDotStyle;
	hollow: SpcDotStyle;
}

/**
 * The marks of an XmR chart as one composite, as Plot composes `boxY` from rules, bars, ticks and dots:
 * near limits, process limits, the mean, the values as a line, common and special causes as dots, and the
 * excluded periods hollow. The XmR chart (and its small multiples), the sparkline and the monthly small
 * multiples share it, so what an SPC chart shows is decided once; each passes its own sizes and strokes.
 */
export function spcMarks<Row extends SpcMarkRow>(
	data: readonly Row[],
	options: SpcMarksOptions<Row>
): Plot.CompoundMark {
	const { x, fx, fy, z, excluded } = options;
	const at = { x, y: 'value', fx, fy };
	const included = data.filter((row) => !excluded(row));
	const withLimits = included.filter((row) => row.mean !== null);
	const shown = included.filter((row) => row.value !== null);
	// A lower limit below zero is drawn at zero: a count or share cannot be negative.
	const floored = (key: 'lpl' | 'nearLpl') => (row: Row) => {
		const value = row[key];
		return value === null || value === undefined ? value : Math.max(0, value);
	};
	const limit = (y: Plot.ChannelValue, style: SpcLineStyle) =>
		Plot.lineY(withLimits, { x, y, z, fx, fy, ...style });
	return Plot.marks(
		options.near ? [limit('nearUpl', options.near), limit(floored('nearLpl'), options.near)] : null,
		limit('upl', options.limits),
		limit(floored('lpl'), options.limits),
		limit('mean', options.mean),
		Plot.lineY(included, { ...at, z, ...options.line }),
		options.common
			? Plot.dot(
					shown.filter((row) => row.signal === null),
					{ ...at, ...options.common }
				)
			: null,
		Plot.dot(
			shown.filter((row) => row.signal !== null),
			{ ...at, ...options.special }
		),
		Plot.dot(
			data.filter((row) => excluded(row) && row.value !== null),
			{ ...at, ...options.hollow }
		)
	);
}

type LegendSymbol = 'line' | 'mean' | 'limit' | 'near' | 'dot' | 'up' | 'down' | 'hollow';

export interface LegendItem {
	symbol: LegendSymbol;
	label: string;
}

/** The key of an XmR chart. */
export function spcLegendItems(excludedLabel: string | null): LegendItem[] {
	return [
		{ symbol: 'dot', label: 'Value' },
		{ symbol: 'mean', label: 'Mean' },
		{ symbol: 'limit', label: 'Process limits' },
		{ symbol: 'near', label: 'Near limits (⅔)' },
		{ symbol: 'up', label: 'Special cause, high' },
		{ symbol: 'down', label: 'Special cause, low' },
		...(excludedLabel ? [{ symbol: 'hollow' as const, label: excludedLabel }] : [])
	];
}

const ROW = 18;
const SWATCH = 22;
/** Rough width of a 12px system-font label, enough to lay out the key without measuring text. */
const labelWidth = (label: string) => label.length * 6.6 + 16;

/** Rows of the key at a width, for reserving the plot's top margin. */
export function legendRows(items: readonly LegendItem[], width: number): number {
	let rows = 1;
	let x = 0;
	for (const item of items) {
		const w = SWATCH + labelWidth(item.label);
		if (x > 0 && x + w > width) {
			rows += 1;
			x = 0;
		}
		x += w;
	}
	return rows;
}

export const legendHeight = (items: readonly LegendItem[], width: number) =>
	legendRows(items, width) * ROW + 6;

/**
 * Draw the key inside the chart's SVG (in the bottom margin, below the x axis, from `top`), so a
 * downloaded SVG or PNG carries it too. Plot's own legends render as separate elements outside the SVG.
 */
export function drawLegend(
	svg: Element,
	items: readonly LegendItem[],
	width: number,
	top: number,
	document: Document
): void {
	const ns = 'http://www.w3.org/2000/svg';
	const make = (name: string, attributes: Record<string, string | number>) => {
		const element = document.createElementNS(ns, name);
		for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
		return element;
	};
	const group = make('g', { class: 'spc-legend', 'font-size': 12, fill: text, 'text-anchor': 'start' });
	let x = 4;
	let y = top + 10;
	for (const item of items) {
		const w = SWATCH + labelWidth(item.label);
		if (x > 4 && x + w > width) {
			x = 4;
			y += ROW;
		}
		const cx = x + 9;
		const line = (stroke: string, dash: string | null, widthPx = 1.5) =>
			make('line', {
				x1: x,
				x2: x + 18,
				y1: y,
				y2: y,
				stroke,
				'stroke-width': widthPx,
				...(dash ? { 'stroke-dasharray': dash } : {})
			});
		switch (item.symbol) {
			case 'line':
				group.append(line(spcStyle.value, null, 2));
				break;
			case 'mean':
				group.append(line(spcStyle.mean, null, 1.25));
				break;
			case 'limit':
				group.append(line(spcStyle.limit, spcStyle.limitDash));
				break;
			case 'near':
				group.append(line(spcStyle.nearLimit, spcStyle.nearDash));
				break;
			case 'dot':
				group.append(
					line(spcStyle.value, null, 2),
					make('circle', { cx, cy: y, r: 3, fill: spcStyle.value })
				);
				break;
			case 'up':
				group.append(
					make('path', {
						d: `M${cx},${y - 6}L${cx + 6},${y + 4}L${cx - 6},${y + 4}Z`,
						fill: spcStyle.special
					})
				);
				break;
			case 'down':
				group.append(
					make('path', {
						d: `M${cx},${y + 6}L${cx + 6},${y - 4}L${cx - 6},${y - 4}Z`,
						fill: spcStyle.special
					})
				);
				break;
			case 'hollow':
				group.append(
					make('circle', { cx, cy: y, r: 4, fill: '#fff', stroke: spcStyle.excluded, 'stroke-width': 1.5 })
				);
				break;
		}
		const label = make('text', { x: x + SWATCH, y: y + 4 });
		label.textContent = item.label;
		group.append(label);
		x += w;
	}
	svg.append(group);
}
