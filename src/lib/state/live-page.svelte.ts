import type { ChartSpec } from '$lib/page/chart-spec';
import {
	answersOf,
	type Answer,
	type PageContext,
	type PageDefinition,
	type QuerySpec
} from '$lib/page/define-page';
import { StepReads } from './step-reads';
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
	// What each step reads, so each query knows whether a chart on screen waits for it.
	const reads = new StepReads();
	for (const step of definition.steps) {
		const name = step.name;
		if (step.kind === 'derive') {
			const compute = step.compute as (scope: unknown) => unknown;
			// A chart reports whether its box is on screen (Chart.svelte), one stable callback per step.
			const onScreen = (visible: boolean) => reads.chartOnScreen(name, visible);
			const value = $derived.by(() => {
				const computed = reads.computing(name, () => compute(scope));
				return isChart(computed) ? { ...computed, onScreen } : computed;
			});
			Object.defineProperty(scope, name, {
				get: () => {
					reads.read(name);
					return value;
				},
				enumerable: true
			});
		} else {
			const ask = step.ask as (scope: unknown) => QuerySpec;
			const query = new LiveQuery(
				dataset,
				() => reads.computing(name, () => ask(scope)),
				// The view's own publication mode (the board pack's is always on), not the URL's.
				() => scope.publication as boolean,
				() => reads.priority(name)
			);
			// Reading the rows (not the loading flag) is what makes a step wait for this answer.
			const answer: Answer<object> = {
				get rows() {
					reads.read(name);
					return query.rows;
				},
				get publicationChanged() {
					reads.read(name);
					return query.publicationChanged;
				},
				get loading() {
					return query.loading;
				},
				get error() {
					return query.error;
				}
			};
			Object.defineProperty(scope, name, { value: answer, enumerable: true });
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

/** Whether a step's value is one chart (`<Chart {...view.step} />`), which can say whether it is on screen. */
function isChart(value: unknown): value is ChartSpec {
	return typeof value === 'object' && value !== null && typeof (value as ChartSpec).render === 'function';
}
