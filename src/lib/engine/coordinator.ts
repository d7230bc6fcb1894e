import type { Sql } from '$lib/sql/sql';
import type { Engine } from './engine';

/**
 * The only path from views to the engine (after Mosaic's QueryManager). It caches results by SQL text, so
 * charts that ask the same question share one query, and it drops everything cached when the data changes.
 * Which answer a view shows ("latest wins") is decided by the view's ticket, see `query.svelte.ts`.
 */
export class QueryCoordinator {
	readonly #engine: Engine;
	readonly #cache = new Map<string, Promise<unknown[]>>();
	#generation = 0;
	#maxEntries: number;

	constructor(engine: Engine, maxEntries = 500) {
		this.#engine = engine;
		this.#maxEntries = maxEntries;
	}

	/** Increments whenever loaded data changes; part of every view's dependency. */
	get generation(): number {
		return this.#generation;
	}

	get engine(): Engine {
		return this.#engine;
	}

	query<Row extends object>(statement: Sql): Promise<Row[]> {
		const key = statement.text;
		const cached = this.#cache.get(key);
		if (cached) {
			// Refresh recency so the oldest entry is evicted first.
			this.#cache.delete(key);
			this.#cache.set(key, cached);
			return cached as Promise<Row[]>;
		}
		const pending = this.#engine.query<Row>(statement);
		this.#cache.set(key, pending);
		pending.catch(() => this.#cache.delete(key));
		if (this.#cache.size > this.#maxEntries) {
			const oldest = this.#cache.keys().next().value;
			if (oldest !== undefined) this.#cache.delete(oldest);
		}
		return pending;
	}

	/** Forget cached results after the data changed. */
	invalidate(): void {
		this.#cache.clear();
		this.#generation++;
	}
}
