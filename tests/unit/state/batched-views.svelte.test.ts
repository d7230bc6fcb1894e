import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { QueryCoordinator } from '$lib/engine/coordinator';
import type { Engine } from '$lib/engine/engine';
import { Priority } from '$lib/engine/query-batch';
import { sql, type Sql } from '$lib/sql/sql';
import type { Dataset } from '$lib/state/dataset.svelte';
import { LiveQuery } from '$lib/state/query.svelte';
import { effectRootsEndingWithEachTest, settle } from '../../helpers/live-views';

/** An engine whose answers the test releases: each query it was handed, in order, with its release. */
function heldEngine() {
	const handed: { text: string; answer: () => void }[] = [];
	const engine = {
		query: (statement: Sql) =>
			new Promise((resolve) =>
				handed.push({ text: statement.text, answer: () => resolve([{ text: statement.text }]) })
			)
	} as unknown as Engine;
	return { engine, handed };
}

/** The part of Dataset a LiveQuery reads, around a real coordinator. */
function dataset(engine: Engine) {
	let waiting = 0;
	return {
		coordinator: new QueryCoordinator(engine),
		generation: 0,
		get waiting() {
			return waiting;
		},
		viewStarted() {
			waiting++;
			let done = false;
			return () => {
				if (!done) waiting--;
				done = true;
			};
		}
	};
}

const keep = effectRootsEndingWithEachTest();

/** A page of views, each asking `SELECT '<view>', <filter state>`, with a priority the test sets per view. */
function page(engine: Engine, views: readonly string[]) {
	const data = dataset(engine);
	const filters = $state({ state: 1 });
	const priority = new Map<string, number>();
	const live = new Map<string, LiveQuery<{ text: string }>>();
	keep(
		$effect.root(() => {
			for (const view of views)
				live.set(
					view,
					new LiveQuery(
						data as unknown as Dataset,
						() => sql`SELECT ${view}, ${filters.state}`,
						() => false,
						() => priority.get(view) ?? Priority.onScreen
					)
				);
		})
	);
	flushSync();
	return { data, filters, priority, rows: (view: string) => live.get(view)!.rows };
}

describe("a page's views through the coordinator", () => {
	it("sends a filter change's queries as one batch, drops the batch a newer change made stale, and shows only the latest state", async () => {
		const { engine, handed } = heldEngine();
		const views = ['a', 'b', 'c', 'd'];
		const { filters, rows, data } = page(engine, views);
		await settle();
		// Every view's query reaches the engine before any is answered.
		expect(handed.map((one) => one.text)).toEqual(views.map((view) => `SELECT '${view}', 1`));
		filters.state = 2;
		flushSync();
		filters.state = 3;
		flushSync();
		for (const one of handed) one.answer();
		await settle();
		// The answers to state 1 arrived after the views moved on: none shows them.
		expect(views.map(rows)).toEqual(views.map(() => undefined));
		// State 2's batch was stale before it could be sent; state 3's went out whole.
		expect(handed.slice(4).map((one) => one.text)).toEqual(views.map((view) => `SELECT '${view}', 3`));
		for (const one of handed.slice(4)) one.answer();
		await settle();
		expect(views.map(rows)).toEqual(views.map((view) => [{ text: `SELECT '${view}', 3` }]));
		expect(data.waiting).toBe(0);
	});

	it("applies a filter change's answers together: one that arrives first waits for the others", async () => {
		const { engine, handed } = heldEngine();
		const views = ['a', 'b'];
		const { rows, data } = page(engine, views);
		await settle();
		handed[0]!.answer();
		// Past a frame and its fallback (answer-arrivals.ts), but within the hold: 'a' waits for 'b'.
		await new Promise((resolve) => setTimeout(resolve, 60));
		flushSync();
		expect(views.map(rows)).toEqual([undefined, undefined]);
		handed[1]!.answer();
		await settle();
		expect(views.map(rows)).toEqual(views.map((view) => [{ text: `SELECT '${view}', 1` }]));
		expect(data.waiting).toBe(0);
	});

	it('sends the queries of views on screen first', async () => {
		const { engine, handed } = heldEngine();
		const { priority } = page(engine, ['below', 'above']);
		priority.set('below', Priority.offScreen);
		await settle();
		expect(handed.map((one) => one.text)).toEqual([`SELECT 'above', 1`, `SELECT 'below', 1`]);
	});
});
