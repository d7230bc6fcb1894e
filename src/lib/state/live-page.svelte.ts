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
 * What a composed view fixes instead of taking it from the URL, read reactively: the board pack's quarter
 * and publication mode, the second cohort of a comparison.
 */
export interface ContextOverride {
	readonly filters?: () => PageContext['filters'];
	readonly publication?: () => boolean;
	readonly grain?: () => PageContext['grain'];
	/** A chart click's cross-filter: a composed view may ignore it. */
	readonly toggle?: PageContext['toggle'];
}

/**
 * Bind a page definition to the app: the context comes from the URL and the loaded data (or, for a view that
 * composes pages such as the board pack, from `override`), each derive step becomes a `$derived`, each query
 * step a `LiveQuery`. Call during component initialisation.
 */
export function livePage<Scope extends PageContext>(
	definition: PageDefinition<Scope>,
	override: ContextOverride = {}
): LivePage<Scope> {
	const dataset = getDataset();
	const filterState = getFilterState();
	const scope = {} as Record<string, unknown>;
	const gaps = $derived(sourceGaps(dataset.source));
	Object.defineProperties(scope, {
		filters: { get: override.filters ?? (() => filterState.filters), enumerable: true },
		publication: { get: override.publication ?? (() => filterState.publication), enumerable: true },
		grain: { get: override.grain ?? (() => filterState.grain), enumerable: true },
		extent: { get: () => dataset.extent, enumerable: true },
		gaps: { get: () => gaps, enumerable: true },
		areaReference: { get: () => dataset.areas, enumerable: true },
		toggle: {
			value:
				override.toggle ??
				((key: Parameters<PageContext['toggle']>[0], value: string) => {
					// A view bound to other filters than the URL's (a compared cohort) does not cross-filter the URL.
					if (!override.filters) void filterState.toggle(key, value as never);
				}),
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
				// The view's own publication mode (the board pack's is always on), not the URL's.
				value: new LiveQuery(
					dataset,
					() => ask(scope),
					() => scope.publication as boolean
				),
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
