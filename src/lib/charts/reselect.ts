/**
 * A drawn chart's selection, changed in place. A cross-filtering chart that shows every area whatever the
 * filter (the Districts page's small multiples) differs from one selection to the next only in a few marks
 * (a heavy frame, "(selected)" in a title); redrawing all of it with Plot for that cost tens of milliseconds
 * per click at 24 areas. Such a chart draws itself with no selection, registers how to show one
 * (`selectable`), and shows the one asked for through the same function, so a chart drawn afresh and one
 * restyled from another selection are made by the same code (tests/charts compare their SVG).
 */
const restylers = new WeakMap<Element, (selected: ReadonlySet<string>) => void>();

/** Register `restyle` as how `chart` shows a selection, and show `selected` with it. */
export function selectable<E extends Element>(
	chart: E,
	restyle: (selected: ReadonlySet<string>) => void,
	selected: readonly string[] = []
): E {
	restylers.set(chart, restyle);
	restyle(new Set(selected));
	return chart;
}

/** Show `selected` on a chart drawn by a selectable chart function; false (nothing done) for any other. */
export function reselect(chart: Element, selected: readonly string[] = []): boolean {
	const restyle = restylers.get(chart);
	if (!restyle) return false;
	restyle(new Set(selected));
	return true;
}

/**
 * The groups Plot drew for the mark given `className` (one per facet), with the class removed so the drawing
 * is the one Plot makes without it: how a selectable chart finds the marks its selection changes.
 */
export function takeMarks(chart: Element, className: string): Element[] {
	const groups = [...chart.querySelectorAll(`.${className}`)];
	for (const group of groups) group.removeAttribute('class');
	return groups;
}

/** The index, in its mark's data, of the datum Plot drew `element` for (d3 keeps it as `__data__`). */
export function datumIndex(element: Element): number {
	return (element as Element & { __data__: number }).__data__;
}
