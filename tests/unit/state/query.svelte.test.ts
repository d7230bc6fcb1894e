import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { StaleQueryError } from '$lib/engine/coordinator';
import { sql, type Sql } from '$lib/sql/sql';
import type { Dataset } from '$lib/state/dataset.svelte';
import { answerKey } from '$lib/page/answer-key';
import { LiveQuery } from '$lib/state/query.svelte';
import { effectRootsEndingWithEachTest, settle } from '../../helpers/live-views';

/** One query the fake coordinator was asked for, answered when the test says so. */
interface Asked {
	text: string;
	wanted: () => boolean;
	resolve: (rows: object[]) => void;
	reject: (error: unknown) => void;
}

/**
 * The part of Dataset a LiveQuery reads: a coordinator whose answers the test resolves in any order, a
 * reactive generation, and the count of views waiting.
 */
class FakeDataset {
	asked: Asked[] = [];
	waiting = 0;
	generation = $state(0);
	coordinator = {
		query: (statement: Sql, wanted: () => boolean) =>
			new Promise<object[]>((resolve, reject) =>
				this.asked.push({ text: statement.text, wanted, resolve, reject })
			)
	};
	viewStarted() {
		this.waiting++;
		let done = false;
		return () => {
			if (!done) this.waiting--;
			done = true;
		};
	}
}

/**
 * A dataset whose engine is still starting: no coordinator until `ready()`, and answers computed ahead by
 * `answerKey` until then, as Dataset holds them.
 */
class StartingDataset extends FakeDataset {
	#ready = $state(false);
	precomputed = $state.raw<Record<string, object[]> | undefined>();
	constructor() {
		super();
		const coordinator = this.coordinator;
		Object.defineProperty(this, 'coordinator', { get: () => (this.#ready ? coordinator : undefined) });
	}
	precomputedAnswer(key: string) {
		return this.precomputed?.[key];
	}
	ready() {
		this.precomputed = undefined;
		this.#ready = true;
	}
}

const keep = effectRootsEndingWithEachTest();

/** A LiveQuery on a fake dataset, with its spec driven by reactive state the test changes. */
function liveQuery(initial: Sql | undefined) {
	const dataset = new FakeDataset();
	const state = $state<{ query: Sql | undefined }>({ query: initial });
	let query!: LiveQuery<{ n: number }>;
	const end = keep(
		$effect.root(() => {
			query = new LiveQuery<{ n: number }>(dataset as unknown as Dataset, () => state.query);
		})
	);
	flushSync();
	return { dataset, state, query, end };
}

describe('LiveQuery', () => {
	it('shows the newer answer when the older one arrives last (latest wins)', async () => {
		const { dataset, state, query } = liveQuery(sql`SELECT 1`);
		state.query = sql`SELECT 2`;
		flushSync();
		expect(dataset.asked.map((asked) => asked.text)).toEqual(['SELECT 1', 'SELECT 2']);
		const [older, newer] = dataset.asked;
		// The coordinator is told the older request is no longer wanted, so it can skip it if still queued.
		expect([older!.wanted(), newer!.wanted()]).toEqual([false, true]);
		newer!.resolve([{ n: 2 }]);
		await settle();
		expect(query.rows).toEqual([{ n: 2 }]);
		expect(query.loading).toBe(false);
		older!.resolve([{ n: 1 }]);
		await settle();
		expect(query.rows).toEqual([{ n: 2 }]);
		expect(dataset.waiting).toBe(0);
	});

	it('stays loading, with the previous rows visible, while a newer request is pending', async () => {
		const { dataset, state, query } = liveQuery(sql`SELECT 1`);
		expect(query.loading).toBe(true);
		expect(query.rows).toBeUndefined();
		expect(dataset.waiting).toBe(1);
		dataset.asked[0]!.resolve([{ n: 1 }]);
		await settle();
		expect(query.loading).toBe(false);
		expect(dataset.waiting).toBe(0);
		state.query = sql`SELECT 2`;
		flushSync();
		state.query = sql`SELECT 3`;
		flushSync();
		expect(dataset.asked).toHaveLength(3);
		// The older of two pending requests fails late: it neither ends loading nor shows an error.
		const [, second, third] = dataset.asked;
		second!.reject(new Error('too late to matter'));
		await settle();
		expect(query.loading).toBe(true);
		expect(query.error).toBeUndefined();
		expect(query.rows).toEqual([{ n: 1 }]);
		third!.resolve([{ n: 3 }]);
		await settle();
		expect(query.rows).toEqual([{ n: 3 }]);
		expect(query.loading).toBe(false);
	});

	it('reports an error, keeps the last rows, and clears the error on the next answer', async () => {
		const { dataset, state, query } = liveQuery(sql`SELECT 1`);
		dataset.asked[0]!.resolve([{ n: 1 }]);
		await settle();
		state.query = sql`SELECT broken`;
		flushSync();
		dataset.asked[1]!.reject(new Error('Binder Error: column "broken" not found'));
		await settle();
		expect(query.error).toMatch(/Binder Error/);
		expect(query.loading).toBe(false);
		expect(query.rows).toEqual([{ n: 1 }]);
		state.query = sql`SELECT 2`;
		flushSync();
		dataset.asked[2]!.resolve([{ n: 2 }]);
		await settle();
		expect(query.error).toBeUndefined();
		expect(query.rows).toEqual([{ n: 2 }]);
	});

	it('does not report a query the coordinator abandoned as an error', async () => {
		const { dataset, query } = liveQuery(sql`SELECT 1`);
		dataset.asked[0]!.reject(new StaleQueryError());
		await settle();
		expect(query.error).toBeUndefined();
	});

	it('does not re-run when a change rebuilds the same SQL text', () => {
		const { dataset, state } = liveQuery(sql`SELECT 1`);
		state.query = sql`SELECT 1`;
		flushSync();
		expect(dataset.asked).toHaveLength(1);
	});

	it('re-runs the same SQL when the loaded data changes', async () => {
		const { dataset, query } = liveQuery(sql`SELECT 1`);
		dataset.asked[0]!.resolve([{ n: 1 }]);
		await settle();
		dataset.generation++;
		flushSync();
		expect(dataset.asked.map((asked) => asked.text)).toEqual(['SELECT 1', 'SELECT 1']);
		expect(query.loading).toBe(true);
		dataset.asked[1]!.resolve([{ n: 10 }]);
		await settle();
		expect(query.rows).toEqual([{ n: 10 }]);
	});

	it('keeps the rows it shows when a new answer holds the same rows, so nothing built on them re-runs', async () => {
		const { dataset, state, query } = liveQuery(sql`SELECT 1`);
		let built = 0;
		let chart: unknown;
		keep(
			$effect.root(() => {
				const spec = $derived.by(() => {
					built++;
					return { rows: query.rows };
				});
				$effect(() => {
					chart = spec;
				});
			})
		);
		dataset.asked[0]!.resolve([{ n: 1 }]);
		await settle();
		const shown = query.rows;
		const builtOnce = built;
		expect(chart).toEqual({ rows: [{ n: 1 }] });
		state.query = sql`SELECT 1 + 0`;
		flushSync();
		dataset.asked[1]!.resolve([{ n: 1 }]);
		await settle();
		expect(query.loading).toBe(false);
		expect(query.rows).toBe(shown);
		expect(built).toBe(builtOnce);
		state.query = sql`SELECT 2`;
		flushSync();
		dataset.asked[2]!.resolve([{ n: 2 }]);
		await settle();
		expect(query.rows).toEqual([{ n: 2 }]);
		expect(built).toBe(builtOnce + 1);
	});

	it('is not loading when there is nothing to ask (a view that does not apply under these filters)', async () => {
		// The board pack waits while any view of its pages is loading: a query one path of a page never asks
		// (Pathway's merged counts under a district click) left it waiting for ever.
		const { dataset, state, query } = liveQuery(undefined);
		expect(query.loading).toBe(false);
		expect(dataset.asked).toHaveLength(0);
		state.query = sql`SELECT 1 AS n`;
		flushSync();
		expect(query.loading).toBe(true);
		dataset.asked[0]!.resolve([{ n: 1 }]);
		await settle();
		expect(query.loading).toBe(false);
		state.query = sql`SELECT 2 AS n`;
		flushSync();
		expect(query.loading).toBe(true);
		// Asked, then no longer asked before the answer came: not loading, and the pending answer is dropped.
		state.query = undefined;
		flushSync();
		expect(query.loading).toBe(false);
		expect(dataset.waiting).toBe(0);
		expect(dataset.asked[1]!.wanted()).toBe(false);
	});

	it('stops counting as a loading view when it goes away', () => {
		const { dataset, end } = liveQuery(sql`SELECT 1`);
		expect(dataset.waiting).toBe(1);
		end();
		expect(dataset.waiting).toBe(0);
	});
});

describe('LiveQuery while the engine starts', () => {
	function startingQuery(initial: Sql) {
		const dataset = new StartingDataset();
		const state = $state({ query: initial });
		let query!: LiveQuery<{ n: number }>;
		keep(
			$effect.root(() => {
				query = new LiveQuery<{ n: number }>(dataset as unknown as Dataset, () => state.query);
			})
		);
		flushSync();
		return { dataset, state, query };
	}

	it('shows the answer computed ahead for its request at once, then the engine’s answer when it is ready', async () => {
		const { dataset, query } = startingQuery(sql`SELECT 1`);
		expect(query.rows).toBeUndefined();
		expect(query.loading).toBe(true);
		dataset.precomputed = { [answerKey(sql`SELECT 1`, false)]: [{ n: 1 }] };
		flushSync();
		expect(query.rows).toEqual([{ n: 1 }]);
		expect(query.loading).toBe(false);
		expect(dataset.asked).toHaveLength(0);
		dataset.ready();
		flushSync();
		// The engine is asked the same question; the answer computed ahead stays until its answer arrives.
		expect(dataset.asked.map((asked) => asked.text)).toEqual(['SELECT 1']);
		expect(query.rows).toEqual([{ n: 1 }]);
		expect(query.loading).toBe(true);
		dataset.asked[0]!.resolve([{ n: 1 }]);
		await settle();
		expect(query.rows).toEqual([{ n: 1 }]);
		expect(query.loading).toBe(false);
	});

	it('waits for the engine for a request nothing was computed for (a filter changed meanwhile), showing it is loading', async () => {
		const { dataset, state, query } = startingQuery(sql`SELECT 1`);
		dataset.precomputed = { [answerKey(sql`SELECT 1`, false)]: [{ n: 1 }] };
		flushSync();
		state.query = sql`SELECT 2`;
		flushSync();
		expect(query.loading).toBe(true);
		expect(dataset.asked).toHaveLength(0);
		dataset.ready();
		flushSync();
		expect(dataset.asked.map((asked) => asked.text)).toEqual(['SELECT 2']);
		dataset.asked[0]!.resolve([{ n: 2 }]);
		await settle();
		expect(query.rows).toEqual([{ n: 2 }]);
		expect(query.loading).toBe(false);
	});

	it('never shows an answer computed for the same SQL in the other publication mode', () => {
		const dataset = new StartingDataset();
		dataset.precomputed = { [answerKey(sql`SELECT 1`, false)]: [{ n: 1 }] };
		let query!: LiveQuery<{ n: number }>;
		keep(
			$effect.root(() => {
				query = new LiveQuery<{ n: number }>(
					dataset as unknown as Dataset,
					() => sql`SELECT 1`,
					() => true
				);
			})
		);
		flushSync();
		expect(query.rows).toBeUndefined();
		expect(query.loading).toBe(true);
	});
});
