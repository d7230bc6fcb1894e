import * as Plot from '@observablehq/plot';
import { formatCount, formatPercent } from '$lib/format/number';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { gridline, text } from './palette';
import { xTitleMargin } from './axis-room';
import { plotClass } from './plot-style';
import { textWidth } from './text-width';

export interface StackedSegment {
	groupLabel: string;
	/** Segment key and label, in the order the segments stack left to right. */
	segment: string;
	segmentLabel: string;
	/** Share of the group, 0–1; null when suppressed. */
	share: number | null;
	count: number | null;
}

interface Placed extends StackedSegment {
	x1: number;
	x2: number;
	fill: string;
}

/**
 * The second channel of a stacked bar (colour is never the only cue, and a printed pack may be greyscale):
 * each segment in stacking order after the first carries a texture, drawn over its colour and on its key
 * square alike. Four at most, like the colours.
 */
export const segmentTextures = ['solid', 'diagonal', 'dots', 'crosshatch'] as const;
export type SegmentTexture = (typeof segmentTextures)[number];

/** The pattern's marks within a 6 × 6 tile. */
const textureMarks: Record<Exclude<SegmentTexture, 'solid'>, string> = {
	diagonal: '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke-width="1.4"/>',
	dots: '<circle cx="3" cy="3" r="1.2" stroke="none"/>',
	crosshatch: '<path d="M0,3 h6 M3,0 v6" stroke-width="1"/>'
};

let charts = 0;

/** Colours light enough to need dark text on them. */
const light = new Set(['#28A197', '#F46A25', '#A285D1', '#f3f2f1']);
const SUPPRESSED = '#f3f2f1';

/**
 * Lay the segments of each group end to end in the given order. In a group with suppressed segments the
 * published ones come first and the suppressed share is one block at the end ("c"), so no single
 * suppressed share can be read off the chart.
 */
export function placeSegments(
	data: readonly StackedSegment[],
	order: readonly string[],
	colours: Readonly<Record<string, string>>
): Placed[] {
	const groups = [...new Set(data.map((segment) => segment.groupLabel))];
	return groups.flatMap((group) => {
		const own = data
			.filter((segment) => segment.groupLabel === group)
			.sort((a, b) => order.indexOf(a.segment) - order.indexOf(b.segment));
		let x = 0;
		const placed: Placed[] = own
			.filter((segment) => segment.share !== null)
			.map((segment) => {
				const item = { ...segment, x1: x, x2: x + segment.share!, fill: colours[segment.segment] ?? text };
				x += segment.share!;
				return item;
			});
		if (own.some((segment) => segment.share === null) && x < 1) {
			placed.push({
				groupLabel: group,
				segment: 'suppressed',
				segmentLabel: 'Suppressed (small numbers)',
				share: null,
				count: null,
				x1: x,
				x2: 1,
				fill: SUPPRESSED
			});
		}
		return placed;
	});
}

/**
 * 100% stacked horizontal bars: one bar per group, segments in a fixed order left to right matching the
 * key drawn above them, each wide segment printed with its percentage (so colour is never the only cue). At
 * most four segment colours.
 */
export function stackedSharesChart(
	data: readonly StackedSegment[],
	options: ChartOptions & { colours: Readonly<Record<string, string>>; segmentOrder: readonly string[] }
): Element {
	const groups = [...new Set(data.map((segment) => segment.groupLabel))];
	const labels = new Map(data.map((segment) => [segment.segment, segment.segmentLabel]));
	const order = options.segmentOrder.filter((key) => labels.has(key));
	const placed = placeSegments(data, order, options.colours);
	// Pattern ids unique to this chart: a page draws several stacked charts, and a pack draws them twice.
	const prefix = `stacked-texture-${++charts}`;
	const texture = (segment: string): SegmentTexture =>
		segment === 'suppressed' ? 'solid' : (segmentTextures[order.indexOf(segment)] ?? 'solid');
	const textured = (segment: string) => texture(segment) !== 'solid';
	const textureFill = (segment: string) => `url(#${prefix}-${order.indexOf(segment)})`;
	// Group labels beside the bars take at most a third of a phone's width, wrapping onto two lines.
	const marginLeft = Math.min(150, Math.round(options.width * 0.34));
	const marginRight = 20;
	const plotWidth = options.width - marginLeft - marginRight;
	// A percentage is printed only inside a segment wide enough to hold it with its halo: bold system-ui runs
	// about a fifth wider than the estimate ("19.8%" is 49 px in DejaVu Sans Bold; at 42 px, two such labels
	// in neighbouring segments ran into each other on a phone).
	const shareText = (segment: Placed) => (segment.share === null ? 'c' : formatPercent(segment.share));
	const labelled = placed.filter(
		(segment) =>
			segment.x2 - segment.x1 >= 0.07 &&
			(segment.x2 - segment.x1) * plotWidth >= textWidth(shareText(segment)) * 1.2 + 6
	);
	const inside = (dark: boolean) =>
		Plot.text(
			labelled.filter((segment) => light.has(segment.fill) !== dark),
			{
				y: 'groupLabel',
				x: (segment: Placed) => (segment.x1 + segment.x2) / 2,
				text: shareText,
				fill: dark ? '#ffffff' : text,
				// A halo in the segment's own colour keeps the figure legible over its texture.
				stroke: (segment: Placed) => segment.fill,
				strokeWidth: 4,
				paintOrder: 'stroke',
				fontWeight: 'bold'
			}
		);
	// The key, drawn inside the SVG (so downloads keep it) in the top margin, in stacking order; it runs on
	// to a further line rather than past the edge of a narrow chart.
	// On a narrow chart it starts at the left edge, under nothing, to give the labels the whole width.
	const start = marginLeft < 150 ? 4 - marginLeft : 0;
	let offset = start;
	let line = 0;
	const key = order.map((segment) => {
		const label = labels.get(segment)!;
		const itemWidth = label.length * 7 + 34;
		if (offset > start && offset + itemWidth - 20 > plotWidth + marginRight) {
			offset = start;
			line += 1;
		}
		const item = { segment, label, dx: offset, line };
		offset += itemWidth;
		return item;
	});
	const lines = line + 1;
	const marginTop = 50 + (lines - 1) * 20;
	const keyDy = (item: { line: number }) => -marginTop + 20 + item.line * 20;
	const keySquare = (item: (typeof key)[number], fill: string | undefined) =>
		Plot.dot([item], {
			frameAnchor: 'top-left',
			dx: item.dx + 6,
			dy: keyDy(item),
			symbol: 'square',
			r: 6,
			fill,
			stroke: text,
			strokeWidth: 0.5
		});
	const chart = Plot.plot({
		className: plotClass,
		document: options.document,
		width: options.width,
		height: groups.length * 40 + 100 + (lines - 1) * 20,
		marginTop,
		// The x-axis title, set at the right under the tick labels, clear of "80" and "100".
		marginBottom: xTitleMargin(),
		marginLeft,
		marginRight,
		x: { domain: [0, 100], percent: true, label: 'Share of referrals (%)', grid: true },
		y: { domain: groups, label: null, axis: null },
		style: { fontSize: '13px', color: text },
		marks: [
			Plot.axisY({ label: null, lineWidth: marginLeft < 150 ? (marginLeft - 12) / 13 : Infinity }),
			Plot.frame({ stroke: gridline }),
			Plot.barX(placed, {
				y: 'groupLabel',
				x1: 'x1',
				x2: 'x2',
				fill: (segment: Placed) => segment.fill,
				stroke: '#ffffff',
				insetTop: 4,
				insetBottom: 4
			}),
			Plot.barX(
				placed.filter((segment) => textured(segment.segment)),
				{
					y: 'groupLabel',
					x1: 'x1',
					x2: 'x2',
					fill: (segment: Placed) => textureFill(segment.segment),
					stroke: '#ffffff',
					insetTop: 4,
					insetBottom: 4
				}
			),
			inside(true),
			inside(false),
			// Each key square in the segment's colour, then its texture over it, as on the bars.
			...key.map((item) => keySquare(item, options.colours[item.segment])),
			...key
				.filter((item) => textured(item.segment))
				.map((item) => keySquare(item, textureFill(item.segment))),
			...key.map((item) =>
				Plot.text([item], {
					frameAnchor: 'top-left',
					dx: item.dx + 16,
					dy: keyDy(item),
					text: 'label',
					textAnchor: 'start',
					fill: text
				})
			),
			Plot.tip(
				placed,
				Plot.pointer({
					y: 'groupLabel',
					x: (segment: Placed) => (segment.x1 + segment.x2) / 2,
					title: (segment: Placed) =>
						`${segment.groupLabel}\n${segment.segmentLabel}: ${segment.share === null ? 'c' : formatPercent(segment.share)}${segment.count === null ? '' : ` (${formatCount(segment.count)})`}`
				})
			)
		]
	});
	addTextures(chart, prefix, order, textured, (segment) => ({
		texture: texture(segment),
		ink: light.has(options.colours[segment] ?? '') ? text : '#ffffff'
	}));
	return labelChart(chart, options.label);
}

/** The patterns the textured segments fill with: the texture's marks in ink that contrasts with the colour. */
function addTextures(
	chart: Element,
	prefix: string,
	order: readonly string[],
	textured: (segment: string) => boolean,
	look: (segment: string) => { texture: SegmentTexture; ink: string }
): void {
	const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
	const segments = order.filter(textured);
	if (!svg || segments.length === 0) return;
	const defs = svg.ownerDocument.createElementNS('http://www.w3.org/2000/svg', 'defs');
	defs.innerHTML = segments
		.map((segment) => {
			const { texture, ink } = look(segment);
			const marks = texture === 'solid' ? '' : textureMarks[texture];
			return `<pattern id="${prefix}-${order.indexOf(segment)}" data-texture="${texture}" patternUnits="userSpaceOnUse" width="6" height="6"><g stroke="${ink}" fill="${ink}" opacity="0.7">${marks}</g></pattern>`;
		})
		.join('');
	svg.prepend(defs);
}
