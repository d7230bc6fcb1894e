import * as Plot from '@observablehq/plot';
import { formatDecimal } from '$lib/format/number';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { categorical, gridline, muted, text } from './palette';
import { plotClass } from './plot-style';

export interface SeasonBar {
	month: number;
	/** Short month name: "Jan". */
	label: string;
	/** Average per month across the years covered; null when suppressed. */
	average: number | null;
	summer: boolean;
}

export interface SeasonDot {
	month: number;
	label: string;
	year: number;
	/** That year's count for the month (complete months only); null when suppressed. */
	value: number | null;
}

/**
 * The average per calendar month (bars; summer months June to August in the accent colour and named above
 * the bars) with each year's complete month as a grey dot, so the reader sees whether the pattern repeats.
 */
export function seasonalityChart(
	bars: readonly SeasonBar[],
	dots: readonly SeasonDot[],
	options: ChartOptions & { valueLabel: string; unit: string }
): Element {
	const domain = bars.map((bar) => bar.label);
	const summer = bars.filter((bar) => bar.summer && bar.average !== null);
	const summerTop = Math.max(
		0,
		...summer.map((bar) => bar.average!),
		...dots.filter((dot) => summer.some((bar) => bar.month === dot.month)).map((dot) => dot.value ?? 0)
	);
	const middle = summer[Math.floor(summer.length / 2)];
	const top = Math.max(1, ...bars.map((bar) => bar.average ?? 0), ...dots.map((dot) => dot.value ?? 0));
	const marginLeft = 48;
	// Three-letter names need about 30 px each; on a phone they would run together ("JanFebMar"), so the
	// axis shows initials (J F M …), as printed calendars do. The tooltip and table keep the names.
	const step = (options.width - marginLeft - 20) / Math.max(1, domain.length);
	const initials = step < 30;
	const chart = Plot.plot({
		className: plotClass,
		document: options.document,
		width: options.width,
		height: 340,
		marginLeft,
		marginTop: 30,
		x: { domain, label: null, ...(initials ? { tickFormat: (label: string) => label.slice(0, 1) } : {}) },
		y: { grid: true, label: options.valueLabel, domain: [0, top * 1.15] },
		style: { fontSize: '13px', color: text },
		marks: [
			Plot.frame({ stroke: gridline }),
			Plot.barY(
				bars.filter((bar) => bar.average !== null),
				{
					x: 'label',
					y: 'average',
					fill: (bar: SeasonBar) => (bar.summer ? categorical[3] : categorical[0]),
					inset: 4
				}
			),
			Plot.dot(
				dots.filter((dot) => dot.value !== null),
				{ x: 'label', y: 'value', r: 3, fill: '#fff', stroke: muted, strokeWidth: 1.25 }
			),
			middle
				? Plot.text([middle], {
						x: 'label',
						y: () => summerTop,
						text: () => 'Summer (June to August)',
						dy: -14,
						fontWeight: 'bold',
						fill: text
					})
				: null,
			Plot.tip(
				bars,
				Plot.pointerX({
					x: 'label',
					y: (bar: SeasonBar) => bar.average ?? 0,
					title: (bar: SeasonBar) => {
						const years = dots
							.filter((dot) => dot.month === bar.month)
							.map((dot) => `${dot.year}: ${dot.value ?? 'c'}`)
							.join(', ');
						return `${bar.label}: ${bar.average === null ? 'c (suppressed)' : formatDecimal(bar.average)} ${options.unit} a month on average${years ? `\n${years}` : ''}`;
					}
				})
			)
		]
	});
	return labelChart(chart, options.label);
}
