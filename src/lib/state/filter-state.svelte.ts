import { createContext } from 'svelte';
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { cambridgeshireAndPeterborough, type AreaReference } from '$lib/contract';
import type { Grain } from '$lib/domain/calendar';
import { filtersSchema, type Filters } from '$lib/domain/filters';
import { filtersFromParams, filtersToParams, grainFromParam, linkNotice } from './filter-params';

/**
 * Filters and view settings live in the URL, so a view can be bookmarked and shared; the link never holds
 * data, only choices. Reading derives from the URL; writing navigates (keeping focus and scroll).
 */
export class FilterState {
	readonly #parsed: Filters;
	/**
	 * The current filters, one derived value per filter compared by content: a view that reads only the
	 * period neither re-runs nor redraws when a district is ticked. The object itself never changes.
	 */
	readonly filters: Filters = filterFields(() => this.#parsed);
	/** Publication mode: disclosure control on every number shown or exported. */
	readonly publication: boolean = $derived(page.url.searchParams.get('mode') === 'publication');
	/** What the link asked for that is not applied (unknown values, a reversed period), in words. */
	readonly ignored: string[];
	/** Monthly or financial-quarter periods (Trends): a view setting, kept in the URL so a link reopens it. */
	readonly grain: Grain = $derived(grainFromParam(page.url.searchParams.get('grain')));

	/** `areas`: the loaded area reference; a link's districts are read against it (codes, GSS codes, names). */
	constructor(readonly areas: () => AreaReference = () => cambridgeshireAndPeterborough) {
		this.#parsed = $derived(filtersFromParams(page.url.searchParams, this.areas()));
		this.ignored = $derived(linkNotice(page.url.searchParams, this.areas()));
	}

	/** Replace some filters; `undefined` removes a filter. */
	update(patch: Partial<Filters>): Promise<void> {
		const next: Record<string, unknown> = { ...this.filters };
		for (const [key, value] of Object.entries(patch)) {
			if (value === undefined) delete next[key];
			else next[key] = value;
		}
		return this.#navigate(next as Filters, this.publication);
	}

	/** Toggle one value of a list filter (cross-filtering from a chart). */
	toggle<K extends ListFilter>(key: K, value: NonNullable<Filters[K]>[number]): Promise<void> {
		const current = (this.filters[key] ?? []) as string[];
		const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
		return this.update({ [key]: next.length > 0 ? next : undefined } as Partial<Filters>);
	}

	reset(): Promise<void> {
		return this.#navigate({}, this.publication);
	}

	setPublication(on: boolean): Promise<void> {
		return this.#navigate(this.filters, on);
	}

	setGrain(grain: Grain): Promise<void> {
		return this.#navigate(this.filters, this.publication, grain);
	}

	/** The query string for a filter set, for links between pages that keep the current view. */
	search(filters: Filters = this.filters, publication = this.publication, grain = this.grain): string {
		const params = filtersToParams(filters, this.areas());
		if (publication) params.set('mode', 'publication');
		if (grain !== 'month') params.set('grain', grain);
		// Commas separate list values; left unescaped (they are legal in a query) the link stays readable.
		const text = params.toString().replaceAll('%2C', ',');
		return text ? `?${text}` : '';
	}

	#navigate(filters: Filters, publication: boolean, grain = this.grain): Promise<void> {
		// The current page's own (already resolved) path, with new search params.
		// eslint-disable-next-line svelte/no-navigation-without-resolve
		return goto(`${page.url.pathname}${this.search(filters, publication, grain)}`, {
			keepFocus: true,
			noScroll: true,
			replaceState: false
		});
	}
}

/** A live view of `source()` with a getter per filter, each changing only when its value's content does. */
function filterFields(source: () => Filters): Filters {
	const fields = {};
	for (const key of filtersSchema.keyof().options) {
		let kept: unknown;
		let keptText: string | undefined;
		const value = $derived.by(() => {
			const next = source()[key];
			const text = JSON.stringify(next) ?? 'undefined';
			if (text !== keptText) [kept, keptText] = [next, text];
			return kept;
		});
		Object.defineProperty(fields, key, { get: () => value, enumerable: true });
	}
	return fields as Filters;
}

type ListFilter =
	| 'districts'
	| 'ageBands'
	| 'genders'
	| 'ethnicities'
	| 'riskLevels'
	| 'sources'
	| 'interventions'
	| 'stages';

export const [getFilterState, setFilterState] = createContext<FilterState>();
