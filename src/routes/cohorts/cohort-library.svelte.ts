import { datasetFingerprint } from '$lib/domain/dataset-fingerprint';
import { filtersSchema } from '$lib/domain/filters';
import { isoTimestamp } from '$lib/format/date';
import { cohortPage, savedViewsFromJson, savedViewsToJson, type SavedView } from '$lib/domain/saved-view';
import type { Dataset } from '$lib/state/dataset.svelte';
import { deviceStore } from '$lib/state/device-store';
import type { FilterState } from '$lib/state/filter-state.svelte';
import { linkedView, savedViewSearch } from '$lib/state/saved-view-link';

/**
 * The cohorts saved on this device, and what the Cohorts page does with them: save the filter bar's view
 * under a name, open, compare, remove, export to and import from JSON, and make a link that reopens one
 * (with the fingerprint of the data it was made on).
 */
export class CohortLibrary {
	#views = $state.raw<SavedView[]>([]);
	#message = $state<string | undefined>();
	readonly #filterState: FilterState;
	readonly #dataset: Dataset;
	readonly #url: () => URL;

	/** The loaded data's fingerprint; undefined until something is loaded. */
	readonly fingerprint: string | undefined = $derived.by(() => {
		const files = this.#dataset.source?.files;
		return files && files.length > 0 ? datasetFingerprint(files.map((file) => file.sha256)) : undefined;
	});
	/** What the address says about the cohort it opened: its name and the fingerprint of its data. */
	readonly linked = $derived.by(() => linkedView(this.#url().searchParams));
	/** True when the address was made on other data than is loaded now. */
	readonly otherData: boolean = $derived(
		this.linked.dataset !== undefined &&
			this.fingerprint !== undefined &&
			this.linked.dataset !== this.fingerprint
	);

	constructor(filterState: FilterState, dataset: Dataset, url: () => URL) {
		this.#filterState = filterState;
		this.#dataset = dataset;
		this.#url = url;
	}

	get views(): readonly SavedView[] {
		return this.#views;
	}
	/** The outcome of the last action, for a live region ("Saved …", "This file is not JSON."). */
	get message(): string | undefined {
		return this.#message;
	}

	/** Read the saved cohorts from this device (IndexedDB may be unavailable, e.g. in a private window). */
	async load(): Promise<void> {
		try {
			this.#views = sortByName(await deviceStore.views());
		} catch (error) {
			this.#message = `Saved cohorts cannot be read on this device: ${describe(error)}`;
		}
	}

	/** The filter bar's view as a cohort named `name`, on the data loaded now. */
	current(name: string): SavedView {
		return {
			name: name.trim(),
			page: cohortPage,
			// A plain copy: the filter state's fields are live getters.
			filters: filtersSchema.parse(JSON.parse(JSON.stringify(this.#filterState.filters))),
			publication: this.#filterState.publication,
			grain: this.#filterState.grain,
			...(this.fingerprint !== undefined ? { dataset: this.fingerprint } : {}),
			savedAt: isoTimestamp(Date.now())
		};
	}

	/** Save the filter bar's view under a name; a cohort of the same name is replaced. */
	async save(name: string): Promise<SavedView | undefined> {
		if (name.trim() === '') {
			this.#message = 'Give the cohort a name to save it.';
			return undefined;
		}
		const view = this.current(name);
		try {
			await deviceStore.saveView(view);
			this.#views = sortByName([...this.#views.filter((one) => one.name !== view.name), view]);
			this.#message = `Saved “${view.name}” on this device.`;
			return view;
		} catch (error) {
			this.#message = `Could not save on this device: ${describe(error)}`;
			return undefined;
		}
	}

	async remove(name: string): Promise<void> {
		try {
			await deviceStore.removeView(name);
			this.#views = this.#views.filter((one) => one.name !== name);
			this.#message = `Removed “${name}” from this device.`;
		} catch (error) {
			this.#message = `Could not remove it: ${describe(error)}`;
		}
	}

	/** Every saved cohort as the JSON file the page downloads. */
	exportJson(): string {
		return savedViewsToJson(this.#views);
	}

	/** Add the cohorts of a JSON file to this device, replacing any of the same name. */
	async importJson(text: string): Promise<void> {
		const read = savedViewsFromJson(text);
		if ('error' in read) {
			this.#message = read.error;
			return;
		}
		try {
			for (const view of read.views) await deviceStore.saveView(view);
			const names = read.views.map((view) => view.name);
			this.#views = sortByName([...this.#views.filter((one) => !names.includes(one.name)), ...read.views]);
			this.#message = `Imported ${read.views.length} ${read.views.length === 1 ? 'cohort' : 'cohorts'}: ${read.views.map((view) => view.name).join(', ')}.`;
		} catch (error) {
			this.#message = `Could not save the imported cohorts on this device: ${describe(error)}`;
		}
	}

	/** The address that reopens a saved cohort or view: its page with its filters, name and data fingerprint. */
	link(view: SavedView, origin: string, base: string): string {
		return `${origin}${base}${view.page}${savedViewSearch(view)}`;
	}

	/** Say something in the page's live region. */
	say(message: string): void {
		this.#message = message;
	}
}

const sortByName = (views: readonly SavedView[]) =>
	[...views].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
