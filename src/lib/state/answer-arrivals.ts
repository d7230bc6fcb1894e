/**
 * When answers reach their views. DuckDB-WASM's worker posts each answer of a batch as its own message; each
 * is applied at the next animation frame (before it paints) with the others that arrived by then, in one
 * flush, or after `fallbackMs` where frames do not run (a hidden tab); in Node, on the next task. An answer
 * does not wait for the rest of its batch: a chart whose answers are all in draws while DuckDB still works on
 * the others, and a step that reads several answers waits for them itself (`livePage`), so it is computed
 * once, with all of them.
 */
const arrivals: (() => void)[] = [];
let scheduled = false;
/** The pending calls of `applyArrivals`, cancelled once the arrivals are applied. */
let frame: number | undefined;
let fallback: ReturnType<typeof setTimeout> | undefined;
const fallbackMs = 50;

/** Apply every answer that has arrived now (tests, as `flushSync` is for Svelte's effects). */
export function applyArrivals(): void {
	scheduled = false;
	// A frame or fallback left from an earlier schedule must not apply answers twice.
	if (frame !== undefined) cancelAnimationFrame(frame);
	clearTimeout(fallback);
	frame = fallback = undefined;
	for (const apply of arrivals.splice(0)) apply();
}

/** Apply `apply` (an answer reaching its view) at the next frame, with the others arrived by then. */
export function onArrival(apply: () => void): void {
	arrivals.push(apply);
	if (scheduled) return;
	scheduled = true;
	if (typeof requestAnimationFrame === 'function') {
		frame = requestAnimationFrame(applyArrivals);
		fallback = setTimeout(applyArrivals, fallbackMs);
	} else fallback = setTimeout(applyArrivals, 0);
}
