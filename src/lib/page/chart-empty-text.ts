import type { ChartSpec } from './chart-spec';

/** Said in place of a chart with no rows, when the page gives no reason of its own. */
export const NOTHING_MATCHES = 'No data matches the current filters.';

/**
 * What a chart says instead of its drawing, or undefined when it has something to draw: the page's own
 * reason (`ChartSpec.empty`) first, else `none` when there are no rows. Every chart on the pages and in
 * the pack says why it is empty through this, so an empty frame never stands without words.
 */
export function chartEmptyText(
	spec: Pick<ChartSpec<object>, 'rows' | 'empty'>,
	none: string = NOTHING_MATCHES
): string | undefined {
	return spec.empty ?? (spec.rows.length === 0 ? none : undefined);
}
