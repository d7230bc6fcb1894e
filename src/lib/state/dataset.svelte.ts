import { createContext, untrack } from 'svelte';
import {
	areaReference,
	cambridgeshireAndPeterborough,
	type AreaReference,
	type PopulationRow,
	type TableName
} from '$lib/contract';
import { QueryCoordinator } from '$lib/engine/coordinator';
import type { Engine } from '$lib/engine/engine';
import { loadPopulation, replaceAreas, type AreasReplaced } from '$lib/engine/load-reference';
import { clearData } from '$lib/engine/load-arrow';
import { lockDown } from '$lib/engine/lock-down';
import { sha256Hex } from '$lib/ingest/sha256-hex';
import {
	changeSecret,
	createSchema,
	loadContractCsv,
	refreshFacts,
	type Refresh
} from '$lib/engine/load-tables';
import { dataExtent, type DataExtent } from '$lib/sql/metrics/data-extent';
import { isoTimestamp } from '$lib/format/date';
import { sql } from '$lib/sql/sql';
import { precomputedFor, type PrecomputedAnswers } from '$lib/page/precomputed-answers';
import type { DataSource, LoadedFile } from './data-source';
import type { KeptFirstScreen } from './kept-first-screen';

type Status = 'starting' | 'loading' | 'ready' | 'error';

/** A file already in the contract's layout, by display name and URL. */
export interface ContractFile {
	name: string;
	url: string;
}

/** A contract file read from its URL, before it is loaded into the engine. */
interface FetchedFile {
	file: LoadedFile;
	text: string;
}

/** What `Dataset.start` may do besides loading the demo. */
export interface StartOptions {
	/** Answers computed from the demo at build time, shown while DuckDB compiles (when nothing replaces it). */
	precomputed?: () => Promise<unknown>;
	/** Show data kept on this device instead of the demo; resolves true if there was any. */
	restoreKept?: () => Promise<boolean>;
	/** The kept data's first screen, computed when it was kept: shown while DuckDB compiles and it restores. */
	keptFirstScreen?: () => Promise<KeptFirstScreen | undefined>;
}

/** The performance mark set when the engine has started and the first data is loaded and queryable. */
export const engineReadyMark = 'sightline:engine-ready';
/** The performance mark set when answers precomputed for the data about to be loaded are shown. */
export const precomputedMark = 'sightline:precomputed-answers';

/**
 * The loaded data: the engine, its query coordinator, and what is in it. One instance per app, created in
 * the root layout and reached through context.
 */
export class Dataset {
	#status = $state<Status>('starting');
	#error = $state<string | undefined>();
	#source = $state.raw<DataSource | undefined>();
	#extent = $state.raw<DataExtent | undefined>();
	#areas = $state.raw<AreaReference>(cambridgeshireAndPeterborough);
	#generation = $state(0);
	#viewsLoading = $state(0);
	// Deliberately not reactive: only its size is published, as #viewsLoading.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #waitingViews = new Set<object>();
	#coordinator: QueryCoordinator | undefined;
	#precomputed = $state.raw<PrecomputedAnswers | undefined>();
	#readyOnce = false;
	#demo: Record<TableName, ContractFile> | undefined;
	#startEnded!: () => void;
	readonly #started = new Promise<void>((resolve) => (this.#startEnded = resolve));
	#populationUrl: string | undefined;

	get status(): Status {
		return this.#status;
	}
	get error(): string | undefined {
		return this.#error;
	}
	get source(): DataSource | undefined {
		return this.#source;
	}
	get extent(): DataExtent | undefined {
		return this.#extent;
	}
	/** The areas the data is charted by: filters, links, chart order and the rates' denominators. */
	get areas(): AreaReference {
		return this.#areas;
	}
	/** Changes whenever the loaded data changes; queries depend on it. */
	get generation(): number {
		return this.#generation;
	}
	/** How many views are waiting for query results: 0 when every chart shows the current filters. */
	get viewsLoading(): number {
		return this.#viewsLoading;
	}
	/**
	 * A view starts waiting for an answer; call the returned function once it has one (or is replaced).
	 * The count is published as the size of a plain set rather than incremented in place: a read-modify-write
	 * of state from inside effects can read a value the current batch has not committed, and drifted below 0.
	 */
	viewStarted(): () => void {
		const token = {};
		this.#waitingViews.add(token);
		this.#publishWaitingViews();
		return () => {
			if (this.#waitingViews.delete(token)) this.#publishWaitingViews();
		};
	}
	#publishWaitingViews(): void {
		const count = this.#waitingViews.size;
		untrack(() => (this.#viewsLoading = count));
	}

	/**
	 * Settles when `start` has ended, with the kept data or the demo shown (or an error): a change asked for
	 * while a kept first screen is shown, such as removing the data, waits for it.
	 */
	get started(): Promise<void> {
		return this.#started;
	}

	/** Whether DuckDB has started and data can be put in, even before any is shown. */
	get engineStarted(): boolean {
		return this.#coordinator !== undefined;
	}

	get coordinator(): QueryCoordinator | undefined {
		return this.#status === 'ready' ? this.#coordinator : undefined;
	}

	/**
	 * What a query with this `answerKey` gave its view when computed ahead from the data being loaded, while
	 * the engine starts; undefined once it is ready (every view then asks it) or when there is none.
	 */
	precomputedAnswer(key: string): object[] | undefined {
		return this.#precomputed?.answers[key];
	}

	/** Whether answers computed ahead are being shown while the engine starts. */
	get showingPrecomputed(): boolean {
		return this.#precomputed !== undefined;
	}

	/**
	 * Start DuckDB and load the data kept on this device or, if none, the bundled demo extract. The engine, the
	 * demo files and `precomputed` (answers computed from the demo at build time, when nothing else is about to
	 * replace it) are fetched at once; while DuckDB compiles, the answers are shown if they were computed from
	 * exactly the files fetched.
	 */
	async start(
		createEngine: () => Promise<Engine>,
		demo: Record<TableName, ContractFile>,
		populationUrl: string,
		secret: string,
		{ precomputed, restoreKept, keptFirstScreen }: StartOptions = {}
	): Promise<void> {
		this.#demo = demo;
		this.#populationUrl = populationUrl;
		try {
			const engineStarted = createEngine();
			const files = this.#fetchFiles(demo);
			const population = fetchText(populationUrl);
			// Settled here as well, so a failure while the engine is still starting is not left unhandled.
			void Promise.allSettled([files, population]);
			if (precomputed) void this.#showPrecomputed(precomputed(), files, population);
			const keptShown = keptFirstScreen ? this.#showKeptFirstScreen(keptFirstScreen()) : undefined;
			const engine = await engineStarted;
			await lockDown(engine);
			await createSchema(engine, secret);
			await loadPopulation(engine, (await population).text);
			this.#coordinator = new QueryCoordinator(engine);
			// Data kept on this device is shown in place of the demo, not after it: no chart draws the demo first.
			if (await restoreKept?.().catch(() => false)) return;
			// Nothing kept was restored after all: the kept first screen, if shown, gives way to the demo.
			if (await keptShown) {
				this.#precomputed = undefined;
				this.#areas = cambridgeshireAndPeterborough;
			}
			await this.#loadFiles(await files, 'demo');
		} catch (error) {
			this.#precomputed = undefined;
			this.#error = error instanceof Error ? error.message : String(error);
			this.#status = 'error';
		} finally {
			this.#startEnded();
		}
	}

	/** Show precomputed answers, with the source and extent they describe, if they fit the files fetched. */
	async #showPrecomputed(
		json: Promise<unknown>,
		files: Promise<FetchedFile[]>,
		population: Promise<{ sha256: string }>
	): Promise<void> {
		const fetched = await Promise.all([json, files, population]).catch(() => undefined);
		if (!fetched || this.#status === 'ready' || this.#status === 'error') return;
		const [answers, loaded, { sha256 }] = fetched;
		const fitting = precomputedFor(answers, [
			...loaded.map(({ file }) => ({ name: file.table, sha256: file.sha256 })),
			{ name: 'population', sha256 }
		]);
		if (!fitting) return;
		this.#precomputed = fitting;
		this.#source = {
			kind: 'demo',
			files: loaded.map(({ file }) => file),
			loadedAt: isoTimestamp(Date.now())
		};
		this.#extent = fitting.extent;
		performance.mark(precomputedMark);
	}

	/**
	 * Show the first screen kept with the data on this device, with the source and areas it describes, until
	 * the kept rows are restored and the engine answers. Resolves true if it was shown.
	 */
	async #showKeptFirstScreen(kept: Promise<KeptFirstScreen | undefined>): Promise<boolean> {
		const screen = await kept.catch(() => undefined);
		if (!screen || this.#status === 'ready' || this.#status === 'error') return false;
		let areas = cambridgeshireAndPeterborough;
		try {
			if (screen.areas) areas = areaReference(screen.areas.title, screen.areas.areas);
		} catch {
			return false;
		}
		this.#areas = areas;
		this.#precomputed = screen.precomputed;
		this.#source = screen.source;
		this.#extent = screen.precomputed.extent;
		performance.mark(precomputedMark);
		return true;
	}

	/** Go back to the bundled demo extract, and to its area reference if another was loaded. */
	async resetToDemo(): Promise<void> {
		if (!this.#demo || !this.#populationUrl) throw new Error('No demo extract is configured.');
		const engine = this.#coordinator?.engine;
		if (engine && this.#areas !== cambridgeshireAndPeterborough) {
			await replaceAreas(engine, cambridgeshireAndPeterborough, []);
			await loadPopulation(engine, await (await fetch(this.#populationUrl)).text());
			this.#areas = cambridgeshireAndPeterborough;
		}
		return this.loadContractFiles(this.#demo, 'demo');
	}

	/** Replace the data with files already in the contract's layout (the demo extract). */
	async loadContractFiles(urls: Record<TableName, ContractFile>, kind: DataSource['kind']): Promise<void> {
		if (!this.#coordinator) throw new Error('The data engine has not started.');
		return this.#loadFiles(await this.#fetchFiles(urls), kind);
	}

	/** Read contract files, all at once, with what the banner says of each. */
	#fetchFiles(urls: Record<TableName, ContractFile>): Promise<FetchedFile[]> {
		return Promise.all(
			(Object.entries(urls) as [TableName, ContractFile][]).map(async ([table, { name, url }]) => {
				const { text, bytes, sha256 } = await fetchText(url);
				const rows = text.split('\n').filter((line) => line.length > 0).length - 1;
				return { file: { name, table, rows, bytes, sha256 }, text };
			})
		);
	}

	async #loadFiles(fetched: readonly FetchedFile[], kind: DataSource['kind']): Promise<void> {
		const coordinator = this.#coordinator;
		if (!coordinator) throw new Error('The data engine has not started.');
		this.#status = 'loading';
		for (const { file, text } of fetched) await loadContractCsv(coordinator.engine, file.table, text);
		await refreshFacts(coordinator.engine);
		await this.#afterChange({
			kind,
			files: fetched.map(({ file }) => file),
			loadedAt: isoTimestamp(Date.now())
		});
	}

	/**
	 * Change the loaded data: `mutate` runs against the engine, then the facts tables and cubes are brought up
	 * to date (`append`: `mutate` only added rows, so only what they touch is recomputed; otherwise rebuilt),
	 * cached results dropped and every view re-queries. If `mutate` throws, the previous data stays as it was.
	 */
	async change(
		source: DataSource,
		mutate: (engine: Engine) => Promise<void>,
		onPhase: (phase: 'insert' | 'facts' | 'cubes') => void = () => {},
		refresh: Refresh = 'rebuild'
	): Promise<void> {
		const coordinator = this.#coordinator;
		if (!coordinator) throw new Error('The data engine has not started.');
		this.#status = 'loading';
		const engine = coordinator.engine;
		onPhase('insert');
		try {
			await engine.exec(sql`BEGIN TRANSACTION`);
			await mutate(engine);
			await engine.exec(sql`COMMIT`);
		} catch (error) {
			await engine.exec(sql`ROLLBACK`).catch(() => undefined);
			this.#status = 'ready';
			throw error;
		}
		await refreshFacts(engine, onPhase, refresh);
		await this.#afterChange(source);
	}

	/**
	 * Show data kept on this device, with the area reference it was kept with (when it has its own), as one
	 * change: views wait until both are in, so none shows the kept rows by the old areas, or the old rows
	 * under the kept files' names. `fill` puts the kept rows in, as `change`'s `mutate`.
	 */
	async restore(
		source: DataSource,
		areas: { reference: AreaReference; population: readonly PopulationRow[] } | undefined,
		fill: (engine: Engine) => Promise<void>
	): Promise<void> {
		const coordinator = this.#coordinator;
		if (!coordinator) throw new Error('The data engine has not started.');
		if (areas) {
			const before = this.#status;
			this.#status = 'loading';
			try {
				// Emptied first, so replacing the areas has no rows to sort into kept and removed.
				await clearData(coordinator.engine);
				await replaceAreas(coordinator.engine, areas.reference, areas.population);
			} catch (error) {
				this.#status = before;
				throw error;
			}
			this.#areas = areas.reference;
		}
		await this.change(source, fill);
	}

	/**
	 * Make `reference` the area reference, with `population` as its child population (none: no rates).
	 * Loaded rows in areas it does not list are removed, and counted in the answer for the user to be told.
	 */
	async setAreas(reference: AreaReference, population: readonly PopulationRow[]): Promise<AreasReplaced> {
		const coordinator = this.#coordinator;
		if (!coordinator) throw new Error('The data engine has not started.');
		const source = this.#source;
		this.#status = 'loading';
		try {
			const replaced = await replaceAreas(coordinator.engine, reference, population);
			this.#areas = reference;
			const removed = replaced.removed.referrals + replaced.removed.missing_episodes;
			const files = source?.files ?? [];
			await this.#afterChange({
				kind: source?.kind ?? 'demo',
				// A file none of whose rows are left is no longer shown.
				files: removed > 0 && replaced.kept.referrals + replaced.kept.missing_episodes === 0 ? [] : files,
				loadedAt: source?.loadedAt ?? isoTimestamp(Date.now())
			});
			return replaced;
		} catch (error) {
			this.#status = 'ready';
			throw error;
		}
	}

	/**
	 * Compute the record keys with another partnership secret (imported on the Methods page): the facts are
	 * rebuilt and every view re-queries, so publication mode publishes the partnership's figures.
	 */
	async changeSecret(secret: string): Promise<void> {
		const coordinator = this.#coordinator;
		if (!coordinator || !this.#source) throw new Error('The data engine has not started.');
		this.#status = 'loading';
		await changeSecret(coordinator.engine, secret);
		await this.#afterChange(this.#source);
	}

	async #afterChange(source: DataSource): Promise<void> {
		const coordinator = this.#coordinator!;
		coordinator.invalidate();
		const [extent] = await coordinator.engine.query<DataExtent>(dataExtent());
		this.#source = source;
		this.#extent = extent;
		this.#generation = coordinator.generation;
		if (!this.#readyOnce) performance.mark(engineReadyMark);
		this.#readyOnce = true;
		// From now on every view asks the engine; the answers computed ahead are not needed again.
		this.#precomputed = undefined;
		this.#status = 'ready';
	}
}

/** A file's text, size and SHA-256. */
async function fetchText(url: string): Promise<{ text: string; bytes: number; sha256: string }> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`Could not read ${url} (${response.status}).`);
	const bytes = new Uint8Array(await response.arrayBuffer());
	return { text: new TextDecoder().decode(bytes), bytes: bytes.byteLength, sha256: await sha256Hex(bytes) };
}

export const [getDataset, setDataset] = createContext<Dataset>();
