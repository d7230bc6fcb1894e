import * as Plot from '@observablehq/plot';
import { formatPercent } from '$lib/format/number';
import { labelChart } from './accessible-svg';
import type { ChartOptions } from './chart-options';
import { gridline, sequential, text } from './palette';
import { selectOnClick } from './select-on-click';
import { textWidth } from './text-width';
import { plotClass } from './plot-style';

export interface HeatCell {
	/** Row key (a district code) and label. */
	row: string;
	rowLabel: string;
	column: string;
	columnLabel: string;
	/** A share, 0–1; null when suppressed. */
	share: number | null;
	/** Tooltip detail, e.g. "412 of 600 referrals". */
	detail: string;
	selected: boolean;
}

/**
 * A grid of shares (rows × columns), each cell shaded on a sequential blue scale and printed as a
 * percentage, so the number, not the shade, carries the value. Selected rows are labelled "(selected)";
 * clicking a cell reports its row key.
 */
export function shareHeatmapChart(
	cells: readonly HeatCell[],
	options: ChartOptions & { onSelect?: (row: string) => void; columnLabel?: string }
): Element {
	const rowLabel = (cell: HeatCell) => (cell.selected ? `${cell.rowLabel} (selected)` : cell.rowLabel);
	const rows = [...new Set(cells.map(rowLabel))];
	const columns = [...new Set(cells.map((cell) => cell.columnLabel))];
	const dark = (cell: HeatCell) => (cell.share ?? 0) >= 0.45;
	// On a phone: row labels wrap within a third of the width, column headings slant, and percentages
	// that no longer fit their cells are left to the tooltip and the table view (c, for suppressed, stays).
	const longestWord = Math.max(0, ...rows.flatMap((row) => row.split(' ').map((word) => textWidth(word))));
	const marginLeft = Math.min(190, Math.max(Math.round(options.width * 0.34), longestWord + 20));
	const longestHeading = Math.max(0, ...columns.map((column) => textWidth(column)));
	const slant = longestHeading > (options.width - marginLeft - 20) / Math.max(1, columns.length) - 4;
	// A slanted heading reaches right of its column: room for the last one.
	const marginRight = slant ? Math.round(longestHeading * 0.77) - 10 : 20;
	const columnWidth = (options.width - marginLeft - marginRight) / Math.max(1, columns.length);
	const numbersFit = textWidth('100.0%', 13) + 8 <= columnWidth;
	const chart = Plot.plot({
		className: plotClass,
		document: options.document,
		width: options.width,
		height: rows.length * 40 + 90 + (slant ? Math.round(longestHeading * 0.64) : 0),
		marginLeft,
		marginRight,
		marginBottom: 10,
		marginTop: 60 + (slant ? Math.round(longestHeading * 0.64) : 0),
		x: {
			domain: columns,
			axis: 'top',
			label: options.columnLabel ?? null,
			tickSize: 0,
			...(slant ? { tickRotate: -40 } : {})
		},
		y: { domain: rows, label: null, tickSize: 0, axis: null },
		color: { type: 'linear', domain: [0, 1], range: ['#ffffff', sequential[0]] },
		style: { fontSize: '13px', color: text },
		marks: [
			Plot.axisY({
				label: null,
				tickSize: 0,
				lineWidth: marginLeft < 190 ? (marginLeft - 12) / 13 : Infinity
			}),
			Plot.cell(cells, {
				x: 'columnLabel',
				y: rowLabel,
				fill: (cell: HeatCell) => cell.share ?? 0,
				stroke: gridline,
				inset: 1
			}),
			...[true, false].map((isDark) =>
				Plot.text(
					cells.filter((cell) => dark(cell) === isDark && (numbersFit || cell.share === null)),
					{
						x: 'columnLabel',
						y: rowLabel,
						text: (cell: HeatCell) => (cell.share === null ? 'c' : formatPercent(cell.share)),
						fill: isDark ? '#ffffff' : text,
						fontWeight: 'bold'
					}
				)
			),
			Plot.tip(
				cells,
				Plot.pointer({
					x: 'columnLabel',
					y: rowLabel,
					title: (cell: HeatCell) =>
						`${cell.rowLabel}\n${cell.columnLabel}: ${cell.share === null ? 'c (suppressed)' : formatPercent(cell.share)}${cell.detail ? `\n${cell.detail}` : ''}${options.onSelect ? '\nClick to filter' : ''}`
				})
			)
		]
	});
	selectOnClick<HeatCell>(chart, (cell) => cell.row, options.onSelect);
	return labelChart(chart, options.label);
}
