import * as Plot from '@observablehq/plot';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { categorical, gridline, muted, text as textColour } from './palette';
import { plotClass } from './plot-style';

export interface PanelPoint {
	panel: string;
	/** Period label; periods are drawn in the order given by `periods`. */
	period: string;
	/** Null when suppressed or not calculable: a gap. */
	value: number | null;
	lower: number | null;
	upper: number | null;
	title: string;
}

export interface SmallMultiplesOptions extends ChartOptions {
	panels: readonly string[];
	periods: readonly string[];
	/** A note under each panel's name (e.g. "Rising (significant)"). */
	notes?: ReadonlyMap<string, string>;
	valueLabel: string;
	percent?: boolean;
	/** Panels per row at full width. */
	columns?: number;
	/** Panels drawn faint (not in the current selection). */
	dimmed?: ReadonlySet<string>;
}

/**
 * Small multiples of a share over time on one shared scale: a line with its 95% interval as a band, one
 * panel per series named in the panel (position, not colour, tells the series apart).
 */
export function smallMultiplesChart(data: readonly PanelPoint[], options: SmallMultiplesOptions): Element {
	const wanted = options.columns ?? 4;
	const columns = options.width < 560 ? 1 : options.width < 840 ? Math.min(2, wanted) : wanted;
	const position = new Map(options.panels.map((panel, index) => [panel, index]));
	const fx = (point: { panel: string }) => (position.get(point.panel) ?? 0) % columns;
	const fy = (point: { panel: string }) => Math.floor((position.get(point.panel) ?? 0) / columns);
	const rows = Math.ceil(options.panels.length / columns);
	const high = Math.max(0, ...data.map((point) => point.upper ?? point.value ?? 0));
	const heads = options.panels.map((panel) => ({
		panel,
		text: options.notes?.get(panel) ? `${panel}\n${options.notes.get(panel)}` : panel
	}));
	const faint = (point: { panel: string }) => (options.dimmed?.has(point.panel) ? 0.35 : 1);
	const chart = Plot.plot({
		className: plotClass,
		document: options.document,
		width: options.width,
		height: rows * 200 + 52,
		marginLeft: 48,
		marginRight: 16,
		marginTop: 28,
		marginBottom: 24,
		style: { fontSize: '12px', color: textColour },
		fx: { axis: null, padding: 0.08 },
		fy: { axis: null, padding: 0.16 },
		x: { type: 'point', domain: options.periods, axis: null, padding: 0.1 },
		y: {
			label: options.valueLabel,
			grid: true,
			domain: [0, options.percent ? Math.min(1, high * 1.45 || 1) : high * 1.45 || 1],
			tickFormat: options.percent ? (value: number) => `${Math.round(value * 100)}%` : undefined,
			ticks: 4
		},
		marks: [
			Plot.frame({ stroke: gridline }),
			Plot.areaY(data, {
				x: 'period',
				y1: 'lower',
				y2: 'upper',
				fx,
				fy,
				fill: categorical[0],
				fillOpacity: (point: PanelPoint) => 0.18 * faint(point)
			}),
			Plot.lineY(data, {
				x: 'period',
				y: 'value',
				fx,
				fy,
				stroke: categorical[0],
				strokeWidth: 1.75,
				strokeOpacity: faint
			}),
			Plot.text(heads, {
				fx,
				fy,
				text: 'text',
				frameAnchor: 'top-left',
				dx: 6,
				dy: 6,
				lineHeight: 1.25,
				fill: (head: { panel: string }) => (options.dimmed?.has(head.panel) ? muted : textColour),
				fontWeight: 'bold'
			}),
			// The first and last period under every panel, anchored inwards so neighbours never collide.
			Plot.text(heads, {
				fx,
				fy,
				text: () => options.periods[0] ?? '',
				frameAnchor: 'bottom-left',
				dy: 14,
				fill: muted
			}),
			Plot.text(heads, {
				fx,
				fy,
				text: () => options.periods.at(-1) ?? '',
				frameAnchor: 'bottom-right',
				dy: 14,
				fill: muted
			}),
			Plot.tip(
				data,
				Plot.pointerX({ x: 'period', y: 'value', fx, fy, title: (point: PanelPoint) => point.title })
			)
		]
	});
	return labelChart(chart, options.label);
}
