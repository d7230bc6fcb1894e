import type { ComparedCohort } from '$lib/domain/compared-cohort';
import type { SavedView } from '$lib/domain/saved-view';
import { withCompared } from './compared-cohort-link';
import { filtersToParams } from './filter-params';

/** URL parameters a saved view's link adds to the filters: its name and its dataset's fingerprint. */
export const linkParams = { name: 'cohort', dataset: 'data' } as const;

/**
 * The query string that opens a saved view: its filters as the filter bar writes them, publication mode and
 * grain, then its name and the fingerprint of the data it was made on, and last the cohort it is compared
 * with, if any. A link holds choices, never data.
 */
export function savedViewSearch(view: SavedView, compared?: ComparedCohort): string {
	const params = filtersToParams(view.filters);
	if (view.publication) params.set('mode', 'publication');
	if (view.grain !== 'month') params.set('grain', view.grain);
	params.set(linkParams.name, view.name);
	if (view.dataset !== undefined) params.set(linkParams.dataset, view.dataset);
	const search = withCompared(params, compared);
	// Commas separate list values; unescaped they are legal and the link stays readable (as FilterState does).
	return `?${search.toString().replaceAll('%2C', ',')}`;
}

/** What a link says about the view it opens: its name and the fingerprint of its data, when it has them. */
export function linkedView(params: URLSearchParams): { name?: string; dataset?: string } {
	const name = params.get(linkParams.name)?.trim();
	const dataset = params.get(linkParams.dataset);
	return {
		...(name ? { name: name.slice(0, 120) } : {}),
		...(dataset !== null && /^[0-9a-f]{16}$/.test(dataset) ? { dataset } : {})
	};
}
