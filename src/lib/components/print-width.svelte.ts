import { flushSync } from 'svelte';
import { createSubscriber, MediaQuery } from 'svelte/reactivity';

/**
 * The widest a chart is drawn for paper, in CSS pixels: an A4 page (210 mm) less the 14 mm margins of the
 * `@page` rule in app.css is 182 mm ≈ 688 px, less the chart frame's padding and border. A chart drawn at
 * screen width and shrunk to fit would print its 13 px text at 7 px.
 */
export const PRINT_CHART_WIDTH = 640;

const printMedia = new MediaQuery('print', false);
let printing = false;

// The browser fires `beforeprint` before it lays the page out for paper: the charts are redrawn at once
// (flushSync), so the printout has them at paper width. `afterprint` puts the screen widths back.
const subscribe = createSubscriber((update) => {
	const before = () => {
		printing = true;
		update();
		flushSync();
	};
	const after = () => {
		printing = false;
		update();
	};
	window.addEventListener('beforeprint', before);
	window.addEventListener('afterprint', after);
	return () => {
		window.removeEventListener('beforeprint', before);
		window.removeEventListener('afterprint', after);
	};
});

/** Whether the page is being printed (or laid out in print media); reactive. */
export function isPrinting(): boolean {
	subscribe();
	return printing || printMedia.current;
}

/**
 * The width to draw a figure's chart at: its container's on screen, the paper width while printing. On A4
 * every figure spans the page's one column (the pages' grids hold one 24rem column or more, and two do not
 * fit in 688 px), so the paper width is known whatever the window is: a chart drawn at the container's
 * width printed 324 px wide from a 390 px window.
 */
export function chartWidth(containerWidth: number): number {
	return isPrinting() ? PRINT_CHART_WIDTH : containerWidth;
}

/**
 * The width to draw a chart inside a box narrower than the page (a headline's sparkline): its container's,
 * capped at the paper width while printing.
 */
export function cappedChartWidth(containerWidth: number): number {
	return isPrinting() ? Math.min(containerWidth, PRINT_CHART_WIDTH) : containerWidth;
}
