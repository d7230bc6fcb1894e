import { formatCount } from '$lib/format/number';
import * as Plot from '@observablehq/plot';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { clickable } from './clickable';
import { gridline, pair, text as textColour } from './palette';
import { xTitleMargin } from './axis-room';
import { textWidth } from './text-width';
import { plotClass } from './plot-style';

export interface PyramidBar {
	age: number;
	/** Which side: boys on the left, girls on the right. */
	side: 'left' | 'right';
	/** What a click selects (the gender code). */
	key: string;
	/** Null when suppressed: no bar, the text shows the symbol. */
	value: number | null;
	text: string;
	title: string;
	dimmed?: boolean;
}

export interface PyramidOptions extends ChartOptions {
	leftLabel: string;
	rightLabel: string;
	onSelect?: (key: string) => void;
}

/**
 * A population pyramid: one bar per year of age and side, youngest at the bottom, counts printed at the
 * bar ends and each side named, so side and text (not only colour) tell boys from girls.
 */
export function agePyramidChart(data: readonly PyramidBar[], options: PyramidOptions): Element {
	const ages = [...new Set(data.map((bar) => bar.age))].sort((a, b) => b - a).map(String);
	const max = Math.max(1, ...data.map((bar) => bar.value ?? 0));
	// Room beyond the longest bar for its printed count, however narrow the chart.
	const half = (options.width - 100) / 2;
	const label = Math.max(...data.map((bar) => textWidth(bar.text))) + 8;
	const reach = max * (1 + Math.max(0.15, label / Math.max(1, half - label)));
	const signed = data.map((bar) => ({
		...bar,
		ageLabel: String(bar.age),
		x: bar.value === null ? null : bar.side === 'left' ? -bar.value : bar.value,
		end: (bar.side === 'left' ? -1 : 1) * (bar.value ?? 0)
	}));
	const chart = Plot.plot({
		className: plotClass,
		document: options.document,
		width: options.width,
		height: ages.length * 24 + 80,
		marginLeft: 50,
		marginRight: 50,
		marginTop: 36,
		// The x-axis title sits under the tick labels, below the middle "0": room for both lines.
		marginBottom: xTitleMargin(),
		style: { fontSize: '13px', color: textColour },
		x: {
			domain: [-reach, reach],
			label: 'Referrals',
			labelAnchor: 'center',
			labelArrow: 'none',
			tickFormat: (value: number) => formatCount(Math.abs(value)),
			grid: true
		},
		y: { domain: ages, label: 'Age at referral', padding: 0.15 },
		marks: [
			Plot.barX(signed, {
				x: 'x',
				y: 'ageLabel',
				fill: (bar: PyramidBar) => (bar.side === 'left' ? pair[0] : pair[1]),
				fillOpacity: (bar: PyramidBar) => (bar.dimmed ? 0.3 : 1),
				title: 'title',
				tip: true,
				...clickable(signed, options.onSelect && ((bar: PyramidBar) => options.onSelect!(bar.key)))
			}),
			Plot.ruleX([0], { stroke: gridline }),
			Plot.text(
				signed.filter((bar) => bar.side === 'left'),
				{ x: 'end', y: 'ageLabel', text: 'text', textAnchor: 'end', dx: -4, fill: textColour }
			),
			Plot.text(
				signed.filter((bar) => bar.side === 'right'),
				{ x: 'end', y: 'ageLabel', text: 'text', textAnchor: 'start', dx: 4, fill: textColour }
			),
			Plot.text([options.leftLabel], {
				frameAnchor: 'top-left',
				dy: -26,
				fontWeight: 'bold',
				fontSize: 14,
				text: (label: string) => `◀ ${label}`
			}),
			Plot.text([options.rightLabel], {
				frameAnchor: 'top-right',
				dy: -26,
				fontWeight: 'bold',
				fontSize: 14,
				text: (label: string) => `${label} ▶`
			})
		]
	});
	return labelChart(chart, options.label);
}
