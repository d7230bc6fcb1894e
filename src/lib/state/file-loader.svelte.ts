import { createContext } from 'svelte';
import { areaReference, type TableName } from '$lib/contract';
import { appendArrow, clearData } from '$lib/engine/load-arrow';
import { restoreTables, snapshotTables } from '$lib/engine/table-snapshot';
import type { HeaderMatch, HeadingRows, IngestProgress, Issue, MappingProfile } from '$lib/ingest';
import { localToday, type FileSummary, type IngestResult } from '$lib/ingest/ingest-file';
import type { Engine } from '$lib/engine/engine';
import { ingestStaged } from '$lib/engine/ingest-staged';
import { tooLargeForBrowser } from '$lib/ingest/browser-budget';
import type { WorkerOutcome } from '$lib/ingest/ingest.worker';
import { keyField } from '$lib/ingest/key-field';
import { parquetGroupsWasm } from '$lib/ingest/read-parquet';
import { isoTimestamp } from '$lib/format/date';
import { coverageJoin } from '$lib/domain/extract-coverage';
import { describeCoverageJoin } from '$lib/summaries/describe-coverage';
import { tables } from '$lib/contract';
import { ident, sql } from '$lib/sql/sql';
import type { LoadedFile } from './data-source';
import type { Dataset } from './dataset.svelte';
import { deviceStore, type KeptAreas } from './device-store';
import { keptFirstScreen, type KeptFirstScreen } from './kept-first-screen';
import type { PageContext, PageDefinition } from '$lib/page/define-page';
import { PhaseTimer, type LoadPhase } from './load-phases';
import { IngestClient, type IngestJob } from './ingest-client';
import { enrichLoaded } from './enrich-loaded';
import type { Ssda903Reference } from '$lib/ingest/read-ssda903-reference';

/** The account of one file the user loaded: what was read, loaded, rejected and warned about. */
export type FileReport =
	| {
			status: 'loaded';
			table: TableName;
			summary: FileSummary;
			rejected: readonly Issue[];
			warnings: readonly Issue[];
			/** Every row was rejected: nothing was loaded and the data already loaded is unchanged. */
			unchanged: boolean;
			/** How an appended file meets the data already loaded: a gap or an overlap, said in words. */
			coverage?: string;
			/** Missing episodes: what each SSDA903 Header or Episodes table filled (sex, age, looked after). */
			enrichments?: readonly string[];
	  }
	| {
			/**
			 * An SSDA903 Header or Episodes table: reference data, not rows. It fills the missing episodes
			 * already loaded (`enrichments`) and is remembered for the session, for Missing tables to come.
			 */
			status: 'reference';
			fileName: string;
			reason: string;
			/** What it filled in the episodes already loaded; empty when there were none yet. */
			enrichments: readonly string[];
			/** Its rows that cannot be used, and the episodes' values it contradicts (kept, not overwritten). */
			warnings: readonly Issue[];
	  }
	| {
			/** An area reference (ONS mid-year estimates or an areas file), now the one the data is charted by. */
			status: 'areas';
			fileName: string;
			reason: string;
			title: string;
			areas: number;
			/** Areas with a child population, so rates per 10,000 children can be computed for them. */
			withPopulation: number;
			/** Loaded rows removed because their district is not one of the new areas. */
			removed: number;
	  }
	| { status: 'unreadable' | 'cancelled' | 'failed'; fileName: string; reason: string };

/** Where a load is: the file, its phase (each reported and timed), and rows and bytes read so far. */
export type LoadProgress = IngestProgress & { fileName: string; phase: LoadPhase };

/** A workbook waiting for the user to choose the sheet and what it holds (an Annex A workbook). */
export interface SheetChoice {
	file: File;
	reason: string;
	sheets: readonly string[];
}

/** A file waiting for the user to say which column holds which field. */
export interface PendingMapping {
	file: File;
	sheet?: string;
	reason: string;
	headers: readonly string[];
	match: HeaderMatch;
	/** The row the headings were taken from and the rows that could be chosen instead (CSV, XLSX). */
	headings: HeadingRows | null;
	/** The table and profile the file was read with, so choosing another heading row keeps them. */
	options: LoadOptions;
}

/** A sheet or CSV whose headings were not recognised: the user may choose the heading row. */
export interface HeadingChoice {
	file: File;
	reason: string;
	headings: HeadingRows;
	options: LoadOptions;
}

/** How a file is read: its table, profile, sheet and heading row, each the user's choice. */
export interface LoadOptions {
	table?: TableName;
	profile?: MappingProfile;
	sheet?: string;
	headerRow?: number;
}

/**
 * Loads the user's files into the dataset: each file is ingested in the worker, then its validated rows
 * appended to DuckDB in one transaction. The first load replaces the demo; later loads append, with ids
 * already loaded rejected as duplicates. A file that cannot be read leaves the loaded data untouched.
 */
export class FileLoader {
	#progress = $state.raw<LoadProgress | undefined>();
	#timer: PhaseTimer | undefined;
	#reports = $state.raw<FileReport[]>([]);
	#pending = $state.raw<PendingMapping | undefined>();
	/** Files dropped with one that waits for a choice (its columns, its sheet): they load after it. */
	#waiting: File[] = [];
	#sheetChoice = $state.raw<SheetChoice | undefined>();
	#headingChoice = $state.raw<HeadingChoice | undefined>();
	/** The file the mapping step was last shown for, so a repeat says it is one. */
	#lastMapping: File | undefined;
	#busy = $state(false);
	#job: IngestJob | undefined;
	#client: IngestClient | undefined;
	#keep = $state(false);
	/** Whether the data is being written to this device: it is kept only once the write ends. */
	#saving = $state(false);
	#keepError = $state<string | undefined>();
	/** The area reference the user loaded (kept with the data, so a reload charts by the same areas). */
	#areas: KeptAreas | undefined;
	/** SSDA903 Header and Episodes tables loaded this session: each Missing table loaded later is enriched from them. */
	#references: Ssda903Reference[] = [];
	/** Whether a loaded file read looked-after status from its own column (then periods of care only warn). */
	#lookedAfterRead = false;
	readonly #dataset: Dataset;
	/** The page whose first screen is kept with the data (the Overview), if any. */
	readonly #firstScreen: PageDefinition<PageContext> | undefined;

	/**
	 * @param firstScreen the page whose first-screen answers are computed and kept with the data whenever it
	 *   is kept, so a reload shows them while DuckDB compiles (`keptFirstScreen`).
	 */
	constructor(dataset: Dataset, firstScreen?: PageDefinition<PageContext>) {
		this.#dataset = dataset;
		this.#firstScreen = firstScreen;
	}

	/**
	 * Follow what other tabs keep: data kept or added there is shown here too (so a load here appends to it
	 * rather than overwriting it), and data removed there is removed here. Returns the unsubscribe function.
	 */
	followOtherTabs(): () => void {
		return deviceStore.onChange((change) => {
			if (change.type === 'saved') void this.restore();
			else void this.#forget();
		});
	}

	get progress() {
		return this.#progress;
	}
	get reports(): FileReport[] {
		return this.#reports;
	}
	get pending(): PendingMapping | undefined {
		return this.#pending;
	}
	get sheetChoice(): SheetChoice | undefined {
		return this.#sheetChoice;
	}
	get headingChoice(): HeadingChoice | undefined {
		return this.#headingChoice;
	}
	get busy(): boolean {
		return this.#busy;
	}

	/** Whether the loaded files are kept on this device (opt-in; session-only otherwise). */
	get keep(): boolean {
		return this.#keep;
	}

	/** Whether the data is being written to this device (the banner says "kept" only once it is). */
	get saving(): boolean {
		return this.#saving;
	}

	/** Why the data could not be kept on this device, if the last attempt failed. */
	get keepError(): string | undefined {
		return this.#keepError;
	}

	/** Turn keeping on (stores the data loaded so far) or off (deletes everything stored). */
	async setKeep(keep: boolean): Promise<void> {
		this.#keep = keep;
		this.#keepError = undefined;
		if (!keep) {
			// Unticked while the start is under way (a kept first screen shown): the start restores the kept rows
			// first, so this session goes on showing them; deleted before, the start would fall back to the demo.
			await this.#dataset.started;
			this.#keep = false;
			return deviceStore.removeAll();
		}
		try {
			await this.#save();
		} catch (error) {
			// Browsers refuse storage in private windows and when the device is full: say so, keep nothing.
			this.#keep = false;
			this.#keepError = `This data could not be kept on this device: ${error instanceof Error ? error.message : String(error)}`;
		}
	}

	/** Delete every trace from this device and go back to the demo data. */
	async removeAll(): Promise<void> {
		this.#references = [];
		await deviceStore.removeAll();
		await this.#forget();
	}

	async #forget(): Promise<void> {
		this.#keep = false;
		this.#areas = undefined;
		this.clearReports();
		// Asked while the start is under way (a kept first screen shown): the start may still restore rows it
		// read before they were deleted, so the demo comes back once it has ended.
		await this.#dataset.started;
		if (this.#dataset.source?.kind === 'files' && this.#dataset.engineStarted)
			await this.#dataset.resetToDemo();
	}

	/**
	 * Show the data kept on this device, if the user chose to keep it: at start-up (in place of the demo), and
	 * when another tab changed it. The kept contract columns go straight into the tables; nothing is read or
	 * validated again. Resolves true if there was data to show.
	 */
	async restore(): Promise<boolean> {
		const kept = await deviceStore.load().catch(() => undefined);
		if (!kept || !this.#dataset.engineStarted) return false;
		this.#keep = true;
		this.clearReports();
		if (kept.areas) this.#areas = kept.areas;
		const areas = kept.areas && {
			reference: areaReference(kept.areas.title, kept.areas.areas),
			population: kept.areas.population
		};
		await this.#dataset.restore(kept.source, areas, async (db) => {
			await clearData(db);
			await restoreTables(db, kept.tables);
		});
		return true;
	}

	/**
	 * The first screen kept with the data on this device, read without the data, for `Dataset.start` to show
	 * while DuckDB compiles; the data it describes is kept, and the banner says so from the start.
	 */
	async keptFirstScreen(): Promise<KeptFirstScreen | undefined> {
		const screen = await deviceStore.firstScreen().catch(() => undefined);
		if (screen) this.#keep = true;
		return screen;
	}

	/** Store what is loaded now (when the user keeps data and it is theirs, not the demo). */
	async #save(): Promise<void> {
		const source = this.#dataset.source;
		const engine = this.#dataset.coordinator?.engine;
		if (!this.#keep || source?.kind !== 'files' || !engine) return;
		this.#saving = true;
		try {
			const kept = $state.snapshot(source);
			const areas = this.#areas && $state.snapshot(this.#areas);
			const tables = await snapshotTables(engine);
			// Computed from the rows as they are kept, with the areas they are kept with; without it (a query
			// failed) the data is kept all the same, and a reload waits for the engine.
			const firstScreen =
				this.#firstScreen &&
				(await keptFirstScreen(this.#firstScreen, engine, kept, areas).catch(() => undefined));
			await deviceStore.save({
				source: kept,
				tables,
				...(areas ? { areas } : {}),
				...(firstScreen ? { firstScreen } : {})
			});
		} finally {
			this.#saving = false;
		}
	}

	cancel(): void {
		this.#job?.cancel();
	}

	/** Forget the reports (after "start again" or going back to the demo). */
	clearReports(): void {
		this.#reports = [];
		this.#waiting = [];
		this.#pending = undefined;
		this.#sheetChoice = undefined;
		this.#headingChoice = undefined;
	}

	/** Load files one after another; `table` overrides recognition, `profile` maps headings and values. */
	async load(files: readonly File[], options: LoadOptions = {}): Promise<void> {
		this.#busy = true;
		this.#pending = undefined;
		this.#sheetChoice = undefined;
		this.#headingChoice = undefined;
		try {
			for (const [index, file] of files.entries()) {
				const needsChoice = await this.#loadOne(file, options);
				if (needsChoice) {
					// The rest of the drop waits for this one's choice, then loads (completeMapping, chooseSheet).
					this.#waiting = files.slice(index + 1);
					const names = this.#waiting.map((other) => other.name);
					if (names.length > 0) this.#sayWaiting(` Then ${names.join(', ')} will load.`);
					break;
				}
			}
		} finally {
			this.#busy = false;
			this.#timer?.end();
			this.#timer = undefined;
			this.#progress = undefined;
			this.#job = undefined;
		}
	}

	/**
	 * Finish a pending mapping with the user's choice of column per field, and values for the whole file
	 * (District = "Fenland") for fields the file has no column for.
	 */
	async completeMapping(
		columns: Record<string, string>,
		name = 'Mapping',
		constants: Record<string, string> = {}
	): Promise<void> {
		const pending = this.#pending;
		if (!pending) return;
		const matched = Object.fromEntries(
			pending.match.columns
				.filter((column) => column.index >= 0)
				.map((column) => [column.field, column.header])
		);
		const headerRow = pending.options.headerRow;
		const profile: MappingProfile = {
			name,
			table: pending.match.table,
			columns: { ...matched, ...columns },
			...(headerRow !== undefined ? { headerRow } : {}),
			...(Object.keys(constants).length > 0 ? { constants } : {})
		};
		await this.#thenWaiting(() =>
			this.load([pending.file], { profile, table: pending.match.table, sheet: pending.sheet, headerRow })
		);
	}

	/** Tell the user, with the choice asked for, which files load after it. */
	#sayWaiting(then: string): void {
		const pending = this.#pending;
		const sheetChoice = this.#sheetChoice;
		if (pending) this.#pending = { ...pending, reason: pending.reason + then };
		if (sheetChoice) this.#sheetChoice = { ...sheetChoice, reason: sheetChoice.reason + then };
	}

	/** Load the chosen file, then the files dropped with it, unless it asks for another choice first. */
	async #thenWaiting(loadChosen: () => Promise<void>): Promise<void> {
		const waiting = this.#waiting;
		this.#waiting = [];
		await loadChosen();
		if (this.#pending || this.#sheetChoice || this.#headingChoice) this.#waiting = waiting;
		else if (waiting.length > 0) await this.load(waiting);
	}

	/**
	 * Read the pending file again with its headings taken from another row (the line of a CSV, the row of a
	 * sheet): the match is run again, and the choice is kept in the profile saved after loading.
	 */
	async chooseHeaderRow(row: number): Promise<void> {
		const waiting = this.#pending ?? this.#headingChoice;
		if (!waiting) return;
		const { profile, ...rest } = waiting.options;
		await this.#thenWaiting(() =>
			this.load([waiting.file], {
				...rest,
				...(profile ? { profile: { ...profile, headerRow: row } } : {}),
				headerRow: row
			})
		);
	}

	/** Load a workbook's chosen sheet as the chosen table (an Annex A list): choosing is the confirmation. */
	async chooseSheet(
		sheet: string,
		table: TableName,
		constants: Record<string, string> = {},
		headerRow?: number
	): Promise<void> {
		const choice = this.#sheetChoice;
		if (!choice) return;
		this.#sheetChoice = undefined;
		const profile: MappingProfile | undefined =
			Object.keys(constants).length > 0
				? { name: choice.file.name, table, columns: {}, constants, ...(headerRow ? { headerRow } : {}) }
				: undefined;
		await this.#thenWaiting(() => this.load([choice.file], { table, sheet, profile, headerRow }));
	}

	#report(report: FileReport) {
		this.#reports = [...this.#reports, report];
	}

	async #loadOne(file: File, options: LoadOptions): Promise<boolean> {
		const dataset = this.#dataset;
		const engine = dataset.coordinator?.engine;
		if (!engine) throw new Error('The data engine has not started.');
		const tooLarge = tooLargeForBrowser(file);
		if (tooLarge) {
			this.#report({ status: 'unreadable', fileName: file.name, reason: tooLarge });
			return false;
		}
		this.#client ??= new IngestClient();
		const replacing = dataset.source?.kind !== 'files';
		this.#timer?.end();
		this.#progress = { fileName: file.name, rowsRead: 0, bytesRead: 0, totalBytes: file.size, phase: 'read' };
		const timer = (this.#timer = new PhaseTimer(file.name, (phase) => {
			if (this.#progress) this.#progress = { ...this.#progress, phase };
		}));
		timer.start('read');
		// A plain CSV (UTF-8 or Windows-1252, its headings on line 1 or the line chosen) or a Parquet file, replacing
		// the data or appended to it, is read and checked by DuckDB itself (issue 14); anything the worker would
		// read differently is handed back untouched and goes to the worker as before.
		if (!options.profile && options.sheet === undefined) {
			const staged = await ingestStaged(engine, file, {
				today: localToday(),
				areas: dataset.areas,
				table: options.table,
				headerRow: options.headerRow,
				// Appended: its keys are checked against the loaded rows' in DuckDB, not copied into JavaScript for
				// the worker (at 10M referrals, 10M strings on the page and again in the worker).
				appending: !replacing,
				onPhase: (phase) => timer.start(phase),
				// Parquet goes parquet-wasm → Arrow → DuckDB here by row group, never cell by cell through JavaScript.
				parquet: parquetGroupsWasm
			}).catch(() => undefined);
			if (staged) {
				try {
					await this.#loaded(file, staged.result, replacing, timer, () => staged.insert());
				} finally {
					await staged.discard();
				}
				return false;
			}
		}
		const knownIds = replacing ? undefined : await this.#loadedIds(options.table);
		let outcome: WorkerOutcome;
		try {
			this.#job = this.#client.ingest(
				{
					name: file.name,
					bytes: await file.arrayBuffer(),
					table: options.table,
					profile: options.profile,
					sheet: options.sheet,
					headerRow: options.headerRow,
					knownIds,
					areas: { title: dataset.areas.title, areas: [...dataset.areas.areas] },
					references: this.#references
				},
				(progress) =>
					(this.#progress = { fileName: file.name, phase: timer.current ?? 'validate', ...progress }),
				(phase) => timer.start(phase)
			);
			outcome = await this.#job.outcome;
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			this.#report({ status: reason === 'Cancelled' ? 'cancelled' : 'failed', fileName: file.name, reason });
			return false;
		}
		if (outcome.status === 'recognised' && outcome.sheets) {
			this.#sheetChoice = { file, reason: outcome.reason, sheets: outcome.sheets };
			return true;
		}
		// ONS estimates or an areas file become the area reference: the districts every page charts by.
		if (outcome.status === 'population' || outcome.status === 'areas') {
			const list = outcome.areas;
			let reference;
			try {
				reference = areaReference(list.title, list.areas);
			} catch (error) {
				const reason = error instanceof Error ? error.message : String(error);
				this.#report({ status: 'unreadable', fileName: file.name, reason });
				return false;
			}
			const replaced = await dataset.setAreas(reference, list.population);
			this.#areas = { title: list.title, areas: [...list.areas], population: [...list.population] };
			await this.#save();
			this.#report({
				status: 'areas',
				fileName: file.name,
				reason: outcome.reason,
				title: reference.title,
				areas: reference.areas.length,
				withPopulation: reference.areas.filter((area) =>
					list.population.some((row) => row.district === area.code)
				).length,
				removed: replaced.removed.referrals + replaced.removed.missing_episodes
			});
			return false;
		}
		if (outcome.status === 'reference') {
			await this.#loadReference(outcome.reference, outcome.reason);
			return false;
		}
		// A recognised statutory file loads no rows here: its message says why.
		// Headings not recognised in a sheet or CSV: the user may say which row holds them.
		if (outcome.status === 'unreadable' && outcome.headings) {
			this.#headingChoice = { file, reason: outcome.reason, headings: outcome.headings, options };
			return true;
		}
		if (outcome.status === 'unreadable' || outcome.status === 'recognised') {
			this.#report({ status: 'unreadable', fileName: file.name, reason: outcome.reason });
			return false;
		}
		if (outcome.status === 'needs-mapping') {
			// The step again for the same file after the user's choices: say so, and what is still missing, so
			// it never looks like the same form shown twice.
			const again = this.#lastMapping === file;
			const missing = outcome.match.missingRequired.map(
				(name) => tables[outcome.match.table].field(name).label
			);
			this.#lastMapping = file;
			this.#pending = {
				file,
				sheet: options.sheet,
				reason: `${again ? `Read again with your choices; still needed: ${missing.length > 0 ? missing.join(', ') : 'one column for each field named below'}. ` : ''}${outcome.reason}`,
				headers: outcome.headers,
				match: outcome.match,
				headings: outcome.headings,
				options
			};
			return true;
		}
		this.#lastMapping = undefined;
		const { result, ipc } = outcome;
		await this.#loaded(file, result, replacing, timer, (db) => appendArrow(db, result.table, ipc));
		return false;
	}

	/**
	 * Show a checked file's account and, when a row loaded, put its rows in the tables (`insert`, inside the
	 * dataset's transaction) and rebuild the facts; a file none of whose rows loaded leaves the data as it was.
	 */
	async #loaded(
		file: File,
		result: Omit<IngestResult, 'columns'>,
		replacing: boolean,
		timer: PhaseTimer,
		insert: (db: Engine) => Promise<void>
	): Promise<void> {
		const dataset = this.#dataset;
		const summary = result.files[0]!;
		const report = {
			status: 'loaded',
			table: result.table,
			summary,
			rejected: result.rejected,
			warnings: result.warnings,
			...(result.enrichments ? { enrichments: result.enrichments.map((one) => one.message) } : {})
		} as const;
		if (result.loaded === 0) {
			// A file whose every row was rejected must not replace what is shown with nothing.
			this.#report({ ...report, unchanged: true });
			return;
		}
		const previous = replacing ? [] : (dataset.source?.files ?? []);
		const days = result.dateRange ? { from: result.dateRange.min, to: result.dateRange.max } : undefined;
		const join = days
			? coverageJoin(
					previous.flatMap((other) => (other.table === result.table && other.days ? [other.days] : [])),
					days
				)
			: undefined;
		const loadedFile: LoadedFile = {
			name: file.name,
			table: result.table,
			rows: result.loaded,
			bytes: file.size,
			sha256: summary.sha256,
			...(days ? { days } : {})
		};
		await dataset.change(
			{ kind: 'files', files: [...previous, loadedFile], loadedAt: isoTimestamp(Date.now()) },
			async (db) => {
				if (replacing) await clearData(db);
				await insert(db);
			},
			(phase) => timer.start(phase),
			// A further extract only adds rows: its facts and cube cells are added, not everything rebuilt.
			replacing ? 'rebuild' : 'append'
		);
		if (replacing) this.#lookedAfterRead = false;
		if (
			result.table === 'missing_episodes' &&
			summary.mapping.looked_after &&
			!summary.constants.looked_after
		)
			this.#lookedAfterRead = true;
		// The reports of replaced data go; the area reference and the reference tables loaded before the file
		// stay, and say so.
		if (replacing)
			this.#reports = this.#reports.filter(
				(report) => report.status === 'areas' || report.status === 'reference'
			);
		await this.#save();
		this.#report({
			...report,
			unchanged: false,
			...(join ? { coverage: describeCoverageJoin(join, file.name) } : {})
		});
	}

	/**
	 * An SSDA903 Header or Episodes table: remembered for the Missing tables still to come, and applied now
	 * to the user's missing episodes already loaded (none while the demo is shown).
	 */
	async #loadReference(reference: Ssda903Reference, reason: string): Promise<void> {
		const dataset = this.#dataset;
		this.#references = [
			...this.#references.filter(
				(other) => !(other.fileName === reference.fileName && other.kind === reference.kind)
			),
			reference
		];
		const source = dataset.source;
		let applied: Awaited<ReturnType<typeof enrichLoaded>> = null;
		if (source?.kind === 'files') {
			await dataset.change(source, async (db) => {
				applied = await enrichLoaded(db, reference, dataset.areas, !this.#lookedAfterRead);
			});
			await this.#save();
		}
		const done = applied as Awaited<ReturnType<typeof enrichLoaded>>;
		this.#report({
			status: 'reference',
			fileName: reference.fileName,
			reason,
			enrichments: done ? [done.enrichment.message] : [],
			warnings: [...reference.issues, ...(done?.warnings ?? [])]
		});
	}

	/** Ids already loaded for the table the next file will go into (both tables when it is not yet known). */
	async #loadedIds(table: TableName | undefined): Promise<string[]> {
		const coordinator = this.#dataset.coordinator!;
		const names = table ? [table] : (Object.keys(tables) as TableName[]);
		const ids: string[] = [];
		for (const name of names) {
			const rows = await coordinator.engine.query<{ id: string }>(
				sql`SELECT ${ident(keyField(tables[name]).name)} AS id FROM ${ident(name)}`
			);
			for (const row of rows) ids.push(row.id);
		}
		return ids;
	}
}

export const [getFileLoader, setFileLoader] = createContext<FileLoader>();
