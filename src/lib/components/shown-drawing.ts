import { sameDrawing } from '$lib/page/same-drawing';

/**
 * What each chart node shows, so a chart is not drawn again with what it already shows. A page recomputes a
 * chart whenever an answer it reads arrives (the Overview's headlines read five), though most arrivals leave
 * a given chart's figures as they were; the chart's `drawKey` (everything it draws from, compared by `sameDrawing`) tells.
 * Drawing a Plot chart costs milliseconds to tens of milliseconds on the main thread, next to DuckDB's worker.
 */
const shown = new WeakMap<Element, { key: unknown; width: number }>();

/** Whether `node` already shows the drawing keyed `key` at `width` (never, for a drawing without a key). */
export function alreadyShown(node: Element, key: unknown, width: number): boolean {
	const drawing = shown.get(node);
	return (
		key !== undefined &&
		drawing !== undefined &&
		drawing.width === width &&
		node.firstChild !== null &&
		sameDrawing(drawing.key, key)
	);
}

/** Put a freshly drawn chart in `node`, remembering its key and width. */
export function showDrawing(node: Element, chart: Element, key: unknown, width: number): void {
	node.replaceChildren(chart);
	if (key === undefined) shown.delete(node);
	else shown.set(node, { key, width });
}
