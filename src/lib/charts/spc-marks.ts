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
