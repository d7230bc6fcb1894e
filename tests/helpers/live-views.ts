import { flushSync } from 'svelte';
import { afterEach } from 'vitest';
import { applyArrivals } from '$lib/state/answer-arrivals';

/** Let promise callbacks run, then apply the answers that arrived and the state they wrote. */
export async function settle(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, 0));
	applyArrivals();
	flushSync();
}

/**
 * Call once per test file: returns `keep(cleanup)`, which holds an `$effect.root`'s cleanup until the test
 * ends, so no test's live queries outlive it; `keep` returns a function that ends the root sooner.
 */
export function effectRootsEndingWithEachTest(): (cleanup: () => void) => () => void {
	let cleanups: (() => void)[] = [];
	afterEach(() => {
		for (const cleanup of cleanups) cleanup();
		cleanups = [];
	});
	return (cleanup) => {
		cleanups.push(cleanup);
		return () => {
			cleanups = cleanups.filter((kept) => kept !== cleanup);
			cleanup();
		};
	};
}
