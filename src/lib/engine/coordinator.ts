import type { Sql } from '$lib/sql/sql';
import type { Engine } from './engine';
import { planBatch, Priority } from './query-batch';

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
	/** One per requester of the same SQL while it waits: it is sent if any of them still wants it. */
	wanted: (() => boolean)[];
	/** Likewise: the soonest any requester needs it. */
	priority: (() => number)[];
	resolve: (answer: never) => void;
	reject: (error: unknown) => void;
	/** Needs the engine to itself: waits until nothing is in flight, and nothing else is sent meanwhile. */
	exclusive?: boolean;
}

/**
 * The only path from views to the engine (after Mosaic's QueryManager). Requests wait in one queue and go to
 * the engine in batches: the queries asked in one task (a page's queries after a filter change, asked
 * together in one effect flush) are planned together at the end of it (`planBatch`): those nobody wants any
 * more are dropped before they reach DuckDB, and the rest are sent at once, the charts on screen first. So
 * DuckDB-WASM's worker finds the whole batch in its message queue and runs it back to back, with no round
 * trip to the main thread between queries, while the main thread turns each answer into rows as it arrives.
 * One batch is in flight at a time: what is asked meanwhile waits, where a newer filter change can still
 * drop it, and goes out as the next batch once the last answer is in. Results are cached by SQL text, so
 * charts asking the same question share one query. Each query is timed with the User Timing API
 * (`sightline:query` measures, from the batch being sent to the query being answered, so a query's time
 * includes its wait behind the batch's earlier queries), which benchmarks read.
 */
export class QueryCoordinator {
	readonly #engine: Engine;
	readonly #cache = new Map<string, Promise<unknown[]>>();
	readonly #queue: Waiting[] = [];
	/** Queued (not yet sent) queries by SQL text, so a second requester joins the first's request. */
	readonly #queued = new Map<string, Waiting>();
	#inFlight = 0;
	#pumpScheduled = false;
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
	 * Rows for a query. `wanted` is asked when its batch is planned; answering false abandons it (the promise
	 * rejects with StaleQueryError) unless another requester of the same SQL still wants it. `priority`
	 * (lower sooner, `Priority`) orders it within its batch.
	 */
	query<Row extends object>(
		statement: Sql,
		wanted: () => boolean = () => true,
		priority: () => number = () => Priority.onScreen
	): Promise<Row[]> {
		const key = statement.text;
		const cached = this.#cache.get(key);
		if (cached) {
			// Refresh recency so the oldest entry is evicted first.
			this.#cache.delete(key);
			this.#cache.set(key, cached);
			const waiting = this.#queued.get(key);
			if (waiting) {
				waiting.wanted.push(wanted);
				waiting.priority.push(priority);
			}
			return cached as Promise<Row[]>;
		}
		const pending = new Promise<unknown[]>((resolve, reject) => {
			const run = () => this.#engine.query(statement);
			const waiting: Waiting = { label: key, run, wanted: [wanted], priority: [priority], resolve, reject };
			this.#queue.push(waiting);
			this.#queued.set(key, waiting);
		});
		this.#cache.set(key, pending);
		// Failed and abandoned queries are not cached: the next request runs them afresh.
		pending.catch(() => {
			if (this.#cache.get(key) === pending) this.#cache.delete(key);
		});
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
			this.#queue.push({
				label,
				run,
				wanted: [() => true],
				priority: [() => Priority.onScreen],
				resolve,
				reject,
				exclusive: true
			});
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

	/** Send the next batch (or exclusive task) if nothing is in flight. */
	#pump(): void {
		while (this.#inFlight === 0 && this.#queue.length > 0) {
			const first = this.#queue[0]!;
			// An exclusive task runs alone; the queries before the next one form a batch.
			const cut = first.exclusive ? 1 : this.#queue.findIndex((one) => one.exclusive);
			const taken = this.#queue.splice(0, cut < 0 ? this.#queue.length : cut);
			for (const one of taken) if (this.#queued.get(one.label) === one) this.#queued.delete(one.label);
			const { stale, batch } = planBatch(
				taken.map((one) => ({
					one,
					wanted: () => one.wanted.some((wants) => wants()),
					priority: () => Math.min(...one.priority.map((soon) => soon()))
				}))
			);
			for (const { one } of stale) one.reject(new StaleQueryError());
			this.#inFlight = batch.length;
			const start = performance.now();
			// Every query of the batch is handed to the engine in this one synchronous loop, so the worker has
			// them all before it finishes the first.
			for (const { one } of batch) {
				new Promise((resolve) => resolve(one.run()))
					.then(one.resolve as (answer: unknown) => void, one.reject)
					.finally(() => {
						performance.measure('sightline:query', { start, detail: one.label });
						if (--this.#inFlight === 0) this.#pump();
					});
			}
		}
	}

	/** Forget cached results after the data changed. */
	invalidate(): void {
		this.#cache.clear();
		this.#generation++;
	}
}
