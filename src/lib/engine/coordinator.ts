import type { Sql } from '$lib/sql/sql';
import type { Engine } from './engine';

/** Thrown to a requester whose query was dropped from the queue because nobody wanted it any more. */
export class StaleQueryError extends Error {
	constructor() {
		super('Query abandoned: a newer request replaced it');
		this.name = 'StaleQueryError';
	}
}

interface Waiting {
	/** What the User Timing measure records: the SQL text, or the task's label. */
	label: string;
	run: () => Promise<unknown>;
	wanted: () => boolean;
	resolve: (answer: never) => void;
	reject: (error: unknown) => void;
}

/**
 * The only path from views to the engine (after Mosaic's QueryManager). DuckDB-WASM answers one query at a
 * time, so requests wait in one queue: a request whose view has since asked for something newer is dropped
 * before it reaches DuckDB (after a quick run of filter changes only the latest queries run), and results are
 * cached by SQL text, so charts asking the same question share one query. Each query is timed with the User
 * Timing API (`sightline:query` measures), which benchmarks read.
 */
export class QueryCoordinator {
	readonly #engine: Engine;
	readonly #cache = new Map<string, Promise<unknown[]>>();
	readonly #queue: Waiting[] = [];
	#running = false;
	#generation = 0;
	readonly #maxEntries: number;

	constructor(engine: Engine, maxEntries = 500) {
		this.#engine = engine;
		this.#maxEntries = maxEntries;
	}

	/** Increments whenever loaded data changes. */
	get generation(): number {
		return this.#generation;
	}

	get engine(): Engine {
		return this.#engine;
	}

	/**
	 * Rows for a query. `wanted` is asked just before the query would run; answering false abandons it
	 * (the promise rejects with StaleQueryError).
	 */
	query<Row extends object>(statement: Sql, wanted: () => boolean = () => true): Promise<Row[]> {
		const key = statement.text;
		const cached = this.#cache.get(key);
		if (cached) {
			// Refresh recency so the oldest entry is evicted first.
			this.#cache.delete(key);
			this.#cache.set(key, cached);
			return cached as Promise<Row[]>;
		}
		const pending = new Promise<unknown[]>((resolve, reject) => {
			const run = () => this.#engine.query(statement);
			this.#queue.push({ label: key, run, wanted, resolve, reject });
		});
		this.#cache.set(key, pending);
		// Failed and abandoned queries are not cached: the next request runs them afresh.
		pending.catch(() => this.#cache.delete(key));
		if (this.#cache.size > this.#maxEntries) {
			const oldest = this.#cache.keys().next().value;
			if (oldest !== undefined) this.#cache.delete(oldest);
		}
		void this.#pump();
		return pending as Promise<Row[]>;
	}

	/**
	 * Run a task that needs the engine to itself for several statements (the SQL console checks a plan, then
	 * runs it), in the same queue as the views' queries and never cached.
	 */
	exclusive<T>(label: string, task: (engine: Engine) => Promise<T>): Promise<T> {
		const pending = new Promise<T>((resolve, reject) => {
			const run = () => task(this.#engine);
			this.#queue.push({ label, run, wanted: () => true, resolve, reject });
		});
		void this.#pump();
		return pending;
	}

	async #pump(): Promise<void> {
		if (this.#running) return;
		this.#running = true;
		try {
			for (let next = this.#queue.shift(); next; next = this.#queue.shift()) {
				if (!next.wanted()) {
					next.reject(new StaleQueryError());
					continue;
				}
				const start = performance.now();
				try {
					next.resolve((await next.run()) as never);
				} catch (error) {
					next.reject(error);
				} finally {
					performance.measure('sightline:query', { start, detail: next.label });
				}
			}
		} finally {
			this.#running = false;
		}
	}

	/** Forget cached results after the data changed. */
	invalidate(): void {
		this.#cache.clear();
		this.#generation++;
	}
}
