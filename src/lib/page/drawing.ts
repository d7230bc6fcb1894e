import type { PageContext, ToggleFilter } from './define-page';

/** The options every chart builder takes: the width to draw at, and whether it is drawn for paper. */
interface DrawOptions {
	width: number;
	paper?: boolean;
}

/**
 * A chart's `render` and `drawKey` from the same arguments: `chart(...args, { ...options, width, paper })`
 * draws it (with `paperOptions` over `options` when printing: a shorter height), and the key is the chart
 * function, the arguments and the options, so it holds exactly what the drawing is made from and a chart
 * whose data did not change is not drawn again (`ChartSpec.drawKey`).
 */
export function drawing<Args extends unknown[], Options extends DrawOptions>(
	chart: (...args: [...Args, Options]) => Element,
	args: [...Args],
	options: Omit<Options, keyof DrawOptions>,
	paperOptions: Partial<Omit<Options, keyof DrawOptions>> = {}
): { render: (width: number, paper?: boolean) => Element; drawKey: unknown } {
	return {
		render: (width, paper = false) =>
			chart(...args, { ...options, ...(paper ? paperOptions : {}), width, paper } as Options),
		drawKey: [chart, args, options, paperOptions]
	};
}

/**
 * `drawing` for a chart that can show a selection on an existing drawing (`$lib/charts/reselect`): the
 * selection is passed to the chart as `selected` but left out of the draw key and given beside it, so a
 * change of selection alone restyles the chart shown instead of drawing it again (`ChartSpec.selected`).
 */
export function selectableDrawing<
	Args extends unknown[],
	Options extends DrawOptions & { selected?: readonly string[] | undefined }
>(
	chart: (...args: [...Args, Options]) => Element,
	args: [...Args],
	options: Omit<Options, keyof DrawOptions | 'selected'>,
	selected: readonly string[] | undefined,
	paperOptions: Partial<Omit<Options, keyof DrawOptions | 'selected'>> = {}
): { render: (width: number, paper?: boolean) => Element; drawKey: unknown; selected: readonly string[] } {
	return {
		render: (width, paper = false) =>
			chart(...args, { ...options, ...(paper ? paperOptions : {}), selected, width, paper } as Options),
		drawKey: [chart, args, options, paperOptions],
		selected: selected ?? []
	};
}

/** A render function that carries its draw key, for a drawing that is not a `ChartSpec` (a sparkline). */
export type KeyedRender = ((width: number) => Element) & { readonly drawKey: unknown };

/**
 * `drawing` as one function: the key rides on the render function, where a walk over the view's values (the
 * publication reader's, which skips functions) never reads it. A key in a plain object beside a headline
 * would be read as the headline's text.
 */
export function keyedRender<Args extends unknown[], Options extends DrawOptions>(
	chart: (...args: [...Args, Options]) => Element,
	args: [...Args],
	options: Omit<Options, keyof DrawOptions>
): KeyedRender {
	const { render, drawKey } = drawing(chart, args, options);
	return Object.assign(render, { drawKey });
}

const handlers = new WeakMap<PageContext['toggle'], Map<ToggleFilter, (key: string) => void>>();

/**
 * A chart's click handler that toggles `filter` by the key clicked, the same function each time for the same
 * `toggle`: a handler in a chart's options is part of its draw key, so a new one each recompute would redraw
 * the chart.
 */
export function selecting(toggle: PageContext['toggle'], filter: ToggleFilter): (key: string) => void {
	let byFilter = handlers.get(toggle);
	if (!byFilter) handlers.set(toggle, (byFilter = new Map()));
	let handler = byFilter.get(filter);
	if (!handler) byFilter.set(filter, (handler = (key) => toggle(filter, key)));
	return handler;
}
