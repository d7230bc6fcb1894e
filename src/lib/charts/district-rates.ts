import * as Plot from '@observablehq/plot';
import { formatDecimal } from '$lib/format/number';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { categorical, gridline, muted, text } from './palette';
import { selectOnClick } from './select-on-click';
import { plotClass } from './plot-style';
import { labelMargin } from './text-width';

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
	selected: boolean;
}

/**
 * Rates per 10,000 children a year by district with 95% intervals, one panel per age group, the
 * partnership rate as a dashed line. Districts in the filter are drawn larger and labelled in bold;
 * clicking a district toggles it in the filter.
 */
export function districtRatesChart(
	data: readonly DistrictRatePoint[],
	options: ChartOptions & { onSelect?: (district: string) => void }
): Element {
	const shown = data.filter((point) => point.rate !== null);
	const baselines = [...new Map(data.map((point) => [point.ages, point])).values()].filter(
		(point) => point.partnership !== null
	);
	const order = [...new Set(data.map((point) => point.districtLabel))];
	const chart = Plot.plot({
		className: plotClass,
		document: options.document,
		width: options.width,
		height: Math.max(220, order.length * 40 + 70),
		// Wide enough for the longest area name ("Blackburn with Darwen" was cut to "lackburn with Darwen").
		marginLeft: labelMargin(order, { min: 150, max: Math.max(170, Math.round(options.width * 0.4)) }),
		marginRight: 20,
		fx: { label: null, padding: 0.08 },
		y: { domain: order, label: null },
		x: { grid: true, label: 'Referrals per 10,000 children a year', nice: true, zero: true },
		style: { fontSize: '13px', color: text },
		marks: [
			Plot.frame({ stroke: gridline }),
			Plot.ruleX(baselines, {
				x: 'partnership',
				fx: 'ages',
				stroke: muted,
				strokeDasharray: '5,4',
				strokeWidth: 1.5
			}),
			Plot.text(baselines, {
				x: 'partnership',
				fx: 'ages',
				frameAnchor: 'top',
				dy: -2,
				dx: 4,
				textAnchor: 'start',
				fill: muted,
				text: (point: DistrictRatePoint) => `Partnership ${formatDecimal(point.partnership!)}`
			}),
			Plot.ruleY(shown, {
				y: 'districtLabel',
				x1: 'lower',
				x2: 'upper',
				fx: 'ages',
				stroke: categorical[0],
				strokeWidth: 2
			}),
			Plot.dot(shown, {
				x: 'rate',
				y: 'districtLabel',
				fx: 'ages',
				r: (point: DistrictRatePoint) => (point.selected ? 7 : 5),
				fill: categorical[0],
				stroke: '#fff',
				strokeWidth: 1.5
			}),
			Plot.tip(
				shown,
				Plot.pointerY({
					x: 'rate',
					y: 'districtLabel',
					fx: 'ages',
					title: (point: DistrictRatePoint) =>
						`${point.districtLabel}, ${point.ages.toLowerCase()}\n${formatDecimal(point.rate!)} per 10,000 a year (95% interval ${formatDecimal(point.lower!)} to ${formatDecimal(point.upper!)})\n${point.significance}\nClick to filter by district`
				})
			)
		]
	});
	// Bold the tick labels of selected districts: position and weight, not colour, mark the selection.
	const selected = new Set(data.filter((point) => point.selected).map((point) => point.districtLabel));
	for (const tick of chart.querySelectorAll('text')) {
		if (selected.has(tick.textContent ?? '')) tick.setAttribute('font-weight', 'bold');
	}
	selectOnClick<DistrictRatePoint>(chart, (point) => point.district, options.onSelect);
	return labelChart(chart, options.label);
}
