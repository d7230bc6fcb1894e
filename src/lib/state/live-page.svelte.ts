import { answersOf, type PageContext, type PageDefinition, type QuerySpec } from '$lib/page/define-page';
import { getDataset } from './dataset.svelte';
import { sourceGaps } from './data-source';
import { getFilterState } from './filter-state.svelte';
import { LiveQuery } from './query.svelte';

/** A page's steps, live, with the page-level state every page shows. */
export type LivePage<Scope extends object> = Scope & {
	/** The first query error, if any. */
	readonly error: string | undefined;
	/** True while any of the page's queries is waiting for its answer. */
	readonly loading: boolean;
};

/**
 * Bind a page definition to the app: the context comes from the URL and the loaded data, each derive step
 * becomes a `$derived`, each query step a `LiveQuery`. Call during component initialisation.
 */
export function livePage<Scope extends PageContext>(definition: PageDefinition<Scope>): LivePage<Scope> {
	const dataset = getDataset();
	const filterState = getFilterState();
	const scope = {} as Record<string, unknown>;
	const gaps = $derived(sourceGaps(dataset.source));
	Object.defineProperties(scope, {
		filters: { get: () => filterState.filters, enumerable: true },
		publication: { get: () => filterState.publication, enumerable: true },
		grain: { get: () => filterState.grain, enumerable: true },
		extent: { get: () => dataset.extent, enumerable: true },
		gaps: { get: () => gaps, enumerable: true },
		toggle: {
			value: (key: Parameters<PageContext['toggle']>[0], value: string) =>
				filterState.toggle(key, value as never),
			enumerable: true
		}
	});
	for (const step of definition.steps) {
		if (step.kind === 'derive') {
			const compute = step.compute as (scope: unknown) => unknown;
			const value = $derived(compute(scope));
			Object.defineProperty(scope, step.name, { get: () => value, enumerable: true });
		} else {
			const ask = step.ask as (scope: unknown) => QuerySpec;
			Object.defineProperty(scope, step.name, {
				value: new LiveQuery(dataset, () => ask(scope)),
				enumerable: true
			});
		}
	}
	const answers = answersOf(definition, scope);
	const error = $derived(answers.find((answer) => answer.error !== undefined)?.error);
	const loading = $derived(answers.some((answer) => answer.loading));
	Object.defineProperties(scope, {
		error: { get: () => error },
		loading: { get: () => loading }
	});
	return scope as unknown as LivePage<Scope>;
}
