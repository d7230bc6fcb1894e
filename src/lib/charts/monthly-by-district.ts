import * as Plot from '@observablehq/plot';
import { parseIsoDay } from '$lib/format/date';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { categorical, gridline } from './palette';

export interface MonthlyDistrictPoint {
	month: string;
	district: string;
	districtLabel: string;
	/** Null when suppressed in publication mode: the line shows a gap. */
	referrals: number | null;
}

/**
 * Small multiples of monthly referrals, one panel per district in a shared scale: six districts would need
 * six colours in one panel, so position carries the district and one colour suffices.
 */
export function monthlyByDistrictChart(
	data: readonly MonthlyDistrictPoint[],
	options: ChartOptions
): Element {
	const labels = [...new Set(data.map((point) => point.districtLabel))];
	const columns = options.width < 640 ? 1 : options.width < 960 ? 2 : 3;
	const position = new Map(labels.map((label, index) => [label, index]));
	const fx = (point: MonthlyDistrictPoint) => (position.get(point.districtLabel) ?? 0) % columns;
	const fy = (point: MonthlyDistrictPoint) => Math.floor((position.get(point.districtLabel) ?? 0) / columns);
	const points = data.map((point) => ({ ...point, date: parseIsoDay(point.month) }));
	const panels = labels.map((label) => points.find((point) => point.districtLabel === label)!);
	const rows = Math.ceil(labels.length / columns);
	const chart = Plot.plot({
		document: options.document,
		width: options.width,
		height: rows * 170 + 50,
		marginLeft: 44,
		marginTop: 24,
		fx: { axis: null },
		fy: { axis: null },
		x: { type: 'utc', label: null, ticks: 4 },
		y: { grid: true, label: 'Referrals', nice: true, zero: true },
		style: { fontSize: '13px', color: '#0b0c0c' },
		marks: [
			Plot.frame({ stroke: gridline }),
			Plot.lineY(points, { x: 'date', y: 'referrals', fx, fy, stroke: categorical[0], strokeWidth: 1.75 }),
			Plot.text(panels, {
				fx,
				fy,
				text: 'districtLabel',
				frameAnchor: 'top-left',
				dx: 6,
				dy: 6,
				fontWeight: 'bold'
			}),
			Plot.tip(
				points,
				Plot.pointerX({
					x: 'date',
					y: 'referrals',
					fx,
					fy,
					title: (point: (typeof points)[number]) =>
						`${point.districtLabel}\n${point.date.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })}: ${point.referrals ?? 'c (suppressed)'} referrals`
				})
			)
		]
	});
	return labelChart(chart, options.label);
}
