import type { Engine } from '$lib/engine/engine';
import type { QuerySpec } from '$lib/page/define-page';
import { Sql } from '$lib/sql/sql';
import { applyReshape } from '$lib/transform/transforms';

/**
 * A query spec's rows as a view receives them: the query run on `engine`, then its reshape (e.g. a series'
 * `fillPeriods` padding) applied by the same function `LiveQuery` calls.
 */
export async function answer<Row extends object>(
	engine: Engine,
	spec: Exclude<QuerySpec, undefined>
): Promise<Row[]> {
	if (spec instanceof Sql) return engine.query<Row>(spec);
	const rows = await engine.query<Row>(spec.query);
	return (spec.reshape ? applyReshape(rows, spec.reshape) : rows) as Row[];
}
