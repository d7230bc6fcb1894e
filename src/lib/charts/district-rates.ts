import * as Plot from '@observablehq/plot';
import { formatDecimal } from '$lib/format/number';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { categorical, gridline, muted, text } from './palette';
import { selectOnClick } from './select-on-click';
import { plotClass } from './plot-style';
import { xTitleMargin } from './axis-room';
import { labelMargin } from './text-width';
import { plotRadius } from './plot-radius';
import { datumIndex, selectable, takeMarks } from './reselect';

export interface DistrictRatePoint {
	district: string;
	districtLabel: string;
	/** 'Aged 0 to 17' or 'Aged 10 to 17': one panel each. */
	ages: string;
	/** Null when suppressed in publication mode: no dot is drawn. */
	rate: number | null;
	lower: number | null;
	upper: number | null;
	/** The partnership rate for the same ages. */
	partnership: number | null;
	significance: string;
}

/** The gap between the panel's top line and the partnership label hung inside it, in pixels. */
const LABEL_GAP = 4;
/** Stacked: the partnership label's baseline above the frame, room for its descenders ("p") and a gap. */
const ABOVE_FRAME = 7;
/** Stacked: the panel heading's baseline above the frame, a line clear of the partnership label. */
const HEADING_ABOVE = 24;

/** A dot's `r` channel: selected districts larger. */
const dotSize = (selected: boolean) => (selected ? 7 : 5);
/** Class name that finds the dots' mark in the drawing, removed once found. */
const DOTS = 'sightline-rate-dots';

/**
 * Rates per 10,000 children a year by district with 95% intervals, one panel per age group, the
 * partnership rate as a dashed line. Districts in the filter (`selected`, district codes) are drawn larger
 * and labelled in bold; clicking a district toggles it in the filter. The selection can be changed on the
 * drawn chart (`reselect`), without drawing it again.
 */
export function districtRatesChart(
	data: readonly DistrictRatePoint[],
	options: ChartOptions & { onSelect?: (district: string) => void; selected?: readonly string[] }
): Element {
	const shown = data.filter((point) => point.rate !== null);
	const drawnSelected = new Set(options.selected);
	const baselines = [...new Map(data.map((point) => [point.ages, point])).values()].filter(
		(point) => point.partnership !== null
	);
	const order = [...new Set(data.map((point) => point.districtLabel))];
	// Wide enough for the longest area name ("Blackburn with Darwen" was cut to "lackburn with Darwen").
	const marginLeft = labelMargin(order, { min: 150, max: Math.max(170, Math.round(options.width * 0.4)) });
	// Side by side on a phone, each panel would be narrower than its heading and its partnership label,
	// which then overprint: the panels are stacked instead, each headed above its frame.
	const stacked = (options.width - marginLeft - 20) / 2 < 160;
	const facet = stacked ? { fy: 'ages' } : { fx: 'ages' };
	const panel = order.length * 40 + 10;
	const gap = 44;
	const headings = [...new Set(data.map((point) => point.ages))];
	const chart = Plot.plot({
		className: plotClass,
		document: options.document,
		width: options.width,
		...(stacked
			? {
					height: 40 + headings.length * panel + (headings.length - 1) * gap + 40,
					marginTop: 40,
					marginBottom: 40,
					fy: { label: null, axis: null, paddingInner: gap / (panel + gap), paddingOuter: 0 }
				}
			: {
					height: Math.max(220, order.length * 40 + 70),
					// The x-axis title under the tick labels, not on them.
					marginBottom: xTitleMargin(),
					fx: { label: null, padding: 0.08 }
				}),
		marginLeft,
		marginRight: 20,
		y: { domain: order, label: null },
		x: { grid: true, label: 'Referrals per 10,000 children a year', nice: true, zero: true },
		style: { fontSize: '13px', color: text },
		marks: [
			Plot.frame({ stroke: gridline }),
			stacked
				? Plot.text(headings, {
						fy: (ages: string) => ages,
						frameAnchor: 'top-left',
						lineAnchor: 'bottom',
						dy: -HEADING_ABOVE,
						text: (ages: string) => ages
					})
				: null,
			Plot.ruleX(baselines, {
				x: 'partnership',
				...facet,
				stroke: muted,
				strokeDasharray: '5,4',
				strokeWidth: 1.5
			}),
			Plot.text(baselines, {
				x: 'partnership',
				...facet,
				// Clear of the panel's top line (at dy -2, hung from it, it touched the line): stacked on a phone,
				// it stands above the frame, under the panel heading; side by side it hangs just inside.
				frameAnchor: 'top',
				lineAnchor: stacked ? 'bottom' : 'top',
				dy: stacked ? -ABOVE_FRAME : LABEL_GAP,
				// Stacked on a phone, the label reads leftwards from the line, which lies near the right edge.
				dx: stacked ? -4 : 4,
				textAnchor: stacked ? 'end' : 'start',
				fill: muted,
				text: (point: DistrictRatePoint) => `Partnership ${formatDecimal(point.partnership!)}`
			}),
			Plot.ruleY(shown, {
				y: 'districtLabel',
				x1: 'lower',
				x2: 'upper',
				...facet,
				stroke: categorical[0],
				strokeWidth: 2
			}),
			Plot.dot(shown, {
				x: 'rate',
				y: 'districtLabel',
				...facet,
				r: (point: DistrictRatePoint) => dotSize(drawnSelected.has(point.district)),
				className: DOTS,
				fill: categorical[0],
				stroke: '#fff',
				strokeWidth: 1.5
			}),
			Plot.tip(
				shown,
				Plot.pointerY({
					x: 'rate',
					y: 'districtLabel',
					...facet,
					title: (point: DistrictRatePoint) =>
						`${point.districtLabel}, ${point.ages.toLowerCase()}\n${formatDecimal(point.rate!)} per 10,000 a year (95% interval ${formatDecimal(point.lower!)} to ${formatDecimal(point.upper!)})\n${point.significance}\nClick to filter by district`
				})
			)
		]
	});
	selectOnClick<DistrictRatePoint>(chart, (point) => point.district, options.onSelect);
	const restyle = selectDistricts(chart, data, shown);
	return selectable(labelChart(chart, options.label), restyle, options.selected);
}

/**
 * How a drawn rates chart shows a selection, as Plot draws it afresh: the tick labels of selected districts
 * in bold (position and weight, not colour, mark the selection), and every dot at the radius Plot's `r` scale
 * gives it among the new sizes (a selection moves the scale's quartile, so every dot may change), ordered
 * within its panel as Plot orders them (largest first, then in the data's order). The drawing comes with the
 * selection's dots already drawn by Plot; only the labels are set here then.
 */
function selectDistricts(
	chart: Element,
	data: readonly DistrictRatePoint[],
	shown: readonly DistrictRatePoint[]
) {
	const codeOf = new Map(data.map((point) => [point.districtLabel, point.district]));
	const ticks = [...chart.querySelectorAll('text')].flatMap((element) => {
		const district = codeOf.get(element.textContent ?? '');
		return district === undefined ? [] : [{ element, district }];
	});
	const panels = takeMarks(chart, DOTS);
	const dots = panels.map((panel) =>
		[...panel.children].map((element) => ({ element, index: datumIndex(element) }))
	);
	let first = true;
	return (selected: ReadonlySet<string>) => {
		for (const { element, district } of ticks) {
			if (selected.has(district)) element.setAttribute('font-weight', 'bold');
			else element.removeAttribute('font-weight');
		}
		// Drawn by Plot for this selection: nothing to move.
		if (first) return void (first = false);
		const sizes = shown.map((point) => dotSize(selected.has(point.district)));
		const radius = plotRadius(sizes);
		dots.forEach((panel, at) => {
			const ordered = [...panel].sort((a, b) => sizes[b.index]! - sizes[a.index]! || a.index - b.index);
			for (const { element, index } of ordered) element.setAttribute('r', String(radius(sizes[index]!)));
			panels[at]!.replaceChildren(...ordered.map(({ element }) => element));
		});
	};
}
