import type { Engine } from '$lib/engine/engine';
import { specParts, viewRows, type QuerySpec } from '$lib/page/define-page';

/**
 * A query spec's rows as a view receives them: the query run on `engine`, then the publication seam and its
 * reshape (e.g. a series' `fillPeriods` padding), by the same function `LiveQuery` calls.
 */
export async function answer<Row extends object>(
	engine: Engine,
	spec: Exclude<QuerySpec, undefined>,
	publication = false
): Promise<Row[]> {
	const rows = await engine.query<Row>(specParts(spec).query);
	return viewRows(spec, rows, publication) as Row[];
}
