/**
 * Answers applied together, once per frame. DuckDB-WASM's worker posts each answer of a batch as its own
 * message, and each would otherwise be its own task with its own Svelte flush: every step that reads several
 * answers (the Overview's headlines and signals read five) recomputed once per answer, though the answers
 * that arrived while the main thread was busy drawing the last could all be applied in one flush. Applied at
 * the next animation frame (before it paints), or after `fallbackMs` where frames do not run (a hidden tab);
 * in Node, on the next task.
 */
const arrivals: (() => void)[] = [];
let scheduled = false;
const fallbackMs = 50;

/** Apply every answer that has arrived now (tests, as `flushSync` is for Svelte's effects). */
export function applyArrivals(): void {
	if (!scheduled) return;
	scheduled = false;
	for (const apply of arrivals.splice(0)) apply();
}

/** Apply `apply` (an answer reaching its view) with the others arriving before the next frame. */
export function onArrival(apply: () => void): void {
	arrivals.push(apply);
	if (scheduled) return;
	scheduled = true;
	if (typeof requestAnimationFrame === 'function') {
		requestAnimationFrame(applyArrivals);
		setTimeout(applyArrivals, fallbackMs);
	} else setTimeout(applyArrivals, 0);
}
