import type { AreaReference } from '$lib/contract';
import type { DataExtent } from '$lib/sql/metrics/data-extent';
import type { PageContext } from './define-page';

/**
 * The view a page opens on, as its answers are computed ahead (the demo's at build time, kept data's when it
 * is kept): no filters, publication mode off, months. Only these answers are computed ahead, so a first
 * screen draws at once and any other view waits for the engine. Publication mode is never computed ahead:
 * its counts are perturbed with record keys from the device's own partnership secret.
 */
export function firstScreenContext(
	extent: DataExtent | undefined,
	gaps: PageContext['gaps'],
	areaReference: AreaReference
): PageContext {
	return {
		filters: {},
		publication: false,
		grain: 'month',
		extent,
		gaps,
		areaReference,
		toggle: () => undefined
	};
}
