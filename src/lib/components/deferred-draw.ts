/**
 * On-screen charts first: after a filter change, a chart off screen is drawn right after those on screen
 * have been painted (the next frame), not before them, so what the user is looking at updates first. Every
 * chart is still drawn: nothing waits for scrolling. Printing draws every pending chart at once
 * (`beforeprint`, or a print media query already matching), and the board pack does not defer at all
 * (PackFigure draws directly), so paper and the saved pack always hold every chart.
 */

const pending = new Set<() => void>();
let scheduled = false;
let printing = false;
let listening = false;

// Whether each observed chart is on screen (or within a screen's margin of it), as last reported.
const onScreen = new WeakMap<Element, boolean>();
// Who else wants to know (the chart's page, to answer its queries on screen first).
const reporters = new WeakMap<Element, (onScreen: boolean) => void>();
let observer: IntersectionObserver | undefined;

/** Draw every pending chart now. */
export function drawPending(): void {
	scheduled = false;
	const draws = [...pending];
	pending.clear();
	for (const draw of draws) draw();
}

function listen(): void {
	if (listening) return;
	listening = true;
	window.addEventListener('beforeprint', () => {
		printing = true;
		drawPending();
	});
	window.addEventListener('afterprint', () => (printing = false));
}

/**
 * Draw now if `node` is on screen, else after the next frame. Returns a cancel function (for a draw made
 * stale by a newer one). `waiting` marks the view as not yet showing its answer and returns its release, so
 * the page reports loading (`data-views-loading`) until the deferred chart is drawn.
 */
export function drawWhenDue(node: Element, draw: () => void, waiting: () => () => void): () => void {
	listen();
	if (printing || matchMedia('print').matches || (onScreen.get(node) ?? true)) {
		draw();
		return () => {};
	}
	const release = waiting();
	const run = () => {
		release();
		draw();
	};
	pending.add(run);
	if (!scheduled) {
		scheduled = true;
		// After the frame that paints the on-screen charts.
		requestAnimationFrame(() => setTimeout(drawPending, 0));
	}
	return () => {
		if (pending.delete(run)) release();
	};
}

/**
 * Keep track of whether `node` is on screen, telling `report` as it changes; an attachment. Unobserved nodes
 * count as on screen.
 */
export function trackOnScreen(node: Element, report?: (onScreen: boolean) => void): () => void {
	if (typeof IntersectionObserver === 'undefined') return () => {};
	observer ??= new IntersectionObserver(
		(entries) => {
			for (const entry of entries) {
				onScreen.set(entry.target, entry.isIntersecting);
				reporters.get(entry.target)?.(entry.isIntersecting);
			}
		},
		{ rootMargin: '50% 0px' }
	);
	if (report) reporters.set(node, report);
	observer.observe(node);
	return () => {
		observer?.unobserve(node);
		onScreen.delete(node);
		reporters.delete(node);
	};
}
