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
	/** Needs the engine to itself: waits until nothing is in flight, and nothing else is sent meanwhile. */
	exclusive?: boolean;
}

/**
 * The only path from views to the engine (after Mosaic's QueryManager). Requests wait in one queue: a request
 * whose view has since asked for something newer is dropped before it reaches DuckDB (after a quick run of
 * filter changes only the latest queries run), and results are cached by SQL text, so charts asking the same
 * question share one query. The queue is sent on at the end of the current task, so a page's queries (asked
 * together in one effect flush) are checked together and sent up to `maxInFlight` at once: DuckDB-WASM still
 * answers one at a time, but its worker starts the next query while the main thread turns the last answer
 * into rows, rather than waiting a round trip for each. A few in flight keep the worker busy; the rest stay
 * queued, where a newer filter change can still drop them. Each query is timed with the User Timing API
 * (`sightline:query` measures, from being sent to being answered, so a query's time includes any wait behind
 * the others in flight), which benchmarks read.
 */
export class QueryCoordinator {
	readonly #engine: Engine;
	readonly #cache = new Map<string, Promise<unknown[]>>();
	readonly #queue: Waiting[] = [];
	#inFlight = 0;
	#exclusiveRunning = false;
	#pumpScheduled = false;
	#generation = 0;
	readonly #maxEntries: number;
	readonly #maxInFlight: number;

	constructor(engine: Engine, maxEntries = 500, maxInFlight = 3) {
		this.#engine = engine;
		this.#maxEntries = maxEntries;
		this.#maxInFlight = maxInFlight;
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
		this.#schedulePump();
		return pending as Promise<Row[]>;
	}

	/**
	 * Run a task that needs the engine to itself for several statements (the SQL console checks a plan, then
	 * runs it), in the same queue as the views' queries and never cached.
	 */
	exclusive<T>(label: string, task: (engine: Engine) => Promise<T>): Promise<T> {
		const pending = new Promise<T>((resolve, reject) => {
			const run = () => task(this.#engine);
			this.#queue.push({ label, run, wanted: () => true, resolve, reject, exclusive: true });
		});
		this.#schedulePump();
		return pending;
	}

	/** Send the queue on once the current task's requests are all in it. */
	#schedulePump(): void {
		if (this.#pumpScheduled) return;
		this.#pumpScheduled = true;
		queueMicrotask(() => {
			this.#pumpScheduled = false;
			this.#pump();
		});
	}

	#pump(): void {
		while (this.#queue.length > 0 && this.#inFlight < this.#maxInFlight && !this.#exclusiveRunning) {
			const next = this.#queue[0]!;
			if (next.exclusive && this.#inFlight > 0) return;
			this.#queue.shift();
			if (!next.wanted()) {
				next.reject(new StaleQueryError());
				continue;
			}
			this.#inFlight++;
			this.#exclusiveRunning = next.exclusive === true;
			const start = performance.now();
			new Promise((resolve) => resolve(next.run()))
				.then(next.resolve as (answer: unknown) => void, next.reject)
				.finally(() => {
					performance.measure('sightline:query', { start, detail: next.label });
					this.#inFlight--;
					this.#exclusiveRunning = false;
					this.#pump();
				});
		}
	}

	/** Forget cached results after the data changed. */
	invalidate(): void {
		this.#cache.clear();
		this.#generation++;
	}
}
