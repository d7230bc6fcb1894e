import { readOnlyQuery, type ConsoleAnswer } from '$lib/engine/read-only-query';
import type { PivotOptions, Reshaped } from '$lib/reshape/pivot-wider';
import { pivotInWorker } from '$lib/reshape/reshape-client';
import type { Dataset } from '$lib/state/dataset.svelte';
import { addToHistory, readHistory } from './query-history';

/** Rows a query may return: the table shows the first `shownRows`, the CSV and the pivot use them all. */
export const maxRows = 100_000;
export const shownRows = 500;

const historyKey = 'sightline.sql-history';

/**
 * The SQL console's state: the text, the last answer, its pivot, and the history kept in this browser's
 * localStorage (queries only, never results). Queries run through the coordinator's queue
 * (`exclusive`), checked by `readOnlyQuery`; pivots run in the reshape worker.
 */
export class SqlConsole {
	text = $state(
		'SELECT district, count(*) AS referrals\nFROM referral_facts\nGROUP BY district\nORDER BY referrals DESC'
	);
	#answer = $state.raw<ConsoleAnswer | undefined>();
	#answered = $state('');
	#running = $state(false);
	#history = $state.raw<string[]>([]);
	#pivoted = $state.raw<(Reshaped & { ms: number }) | undefined>();
	#pivotError = $state<string | undefined>();
	readonly #dataset: Dataset;

	constructor(dataset: Dataset) {
		this.#dataset = dataset;
		this.#history = readHistory(globalThis.localStorage?.getItem(historyKey) ?? null);
	}

	get answer(): ConsoleAnswer | undefined {
		return this.#answer;
	}
	/** The text of the query the answer is for (the text box may have changed since). */
	get answered(): string {
		return this.#answered;
	}
	get running(): boolean {
		return this.#running;
	}
	get history(): readonly string[] {
		return this.#history;
	}
	get pivoted(): (Reshaped & { ms: number }) | undefined {
		return this.#pivoted;
	}
	get pivotError(): string | undefined {
		return this.#pivotError;
	}

	async run(): Promise<void> {
		const coordinator = this.#dataset.coordinator;
		if (!coordinator || this.#running) return;
		const text = this.text;
		this.#running = true;
		this.#pivoted = undefined;
		this.#pivotError = undefined;
		try {
			this.#answer = await coordinator.exclusive('sql-console', (engine) =>
				readOnlyQuery(engine, text, maxRows)
			);
			this.#answered = text.trim();
			if (this.#answer.status === 'rows') this.#remember(addToHistory(this.#history, text));
		} finally {
			this.#running = false;
		}
	}

	async pivot(options: PivotOptions): Promise<void> {
		if (this.#answer?.status !== 'rows') return;
		this.#pivotError = undefined;
		try {
			this.#pivoted = await pivotInWorker(this.#answer.rows, options);
		} catch (error) {
			this.#pivoted = undefined;
			this.#pivotError = error instanceof Error ? error.message : String(error);
		}
	}

	unpivot(): void {
		this.#pivoted = undefined;
		this.#pivotError = undefined;
	}

	clearHistory(): void {
		this.#remember([]);
	}

	#remember(history: string[]): void {
		this.#history = history;
		try {
			globalThis.localStorage?.setItem(historyKey, JSON.stringify(history));
		} catch {
			// Storage full or refused (private browsing): the history lasts for this visit only.
		}
	}
}
