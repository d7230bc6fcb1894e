/**
 * Answers applied together. DuckDB-WASM's worker posts each answer of a batch as its own message, and each
 * would otherwise be its own task with its own Svelte flush: every step that reads several answers (the
 * Overview's headlines and signals read five) recomputed once per answer, and a chart built from them drawn
 * again, though its next answers were only tens of milliseconds behind (at 1M referrals the Overview's SPC
 * reading was computed 2.3 times a change, its signals 5 times). So an answer waits while others asked for are
 * still on their way, for at most `holdMs` after the first one waiting: a filter change's answers are then
 * applied in one flush, and no answer waits longer than that for a slow one. They are applied at the next
 * animation frame (before it paints), or after `fallbackMs` where frames do not run (a hidden tab); in
 * Node, on the next task.
 */
const arrivals: (() => void)[] = [];
let scheduled = false;
/** The pending calls of `applyArrivals` and of the hold's end, cancelled once the arrivals are applied. */
let frame: number | undefined;
let fallback: ReturnType<typeof setTimeout> | undefined;
let holding: ReturnType<typeof setTimeout> | undefined;
/** Answers asked for that have neither arrived nor been given up (`expectAnswer`). */
let inFlight = 0;
const fallbackMs = 50;
/** The longest an answer waits for the others, from when it arrived. */
export const holdMs = 100;

/** Apply every answer that has arrived now (tests, as `flushSync` is for Svelte's effects). */
export function applyArrivals(): void {
	scheduled = false;
	// A frame or fallback left from an earlier schedule must not apply answers held since.
	if (frame !== undefined) cancelAnimationFrame(frame);
	clearTimeout(fallback);
	clearTimeout(holding);
	frame = fallback = holding = undefined;
	for (const apply of arrivals.splice(0)) apply();
}

/** Apply the arrivals at the next frame, as one flush. */
function schedule(): void {
	if (scheduled || arrivals.length === 0) return;
	scheduled = true;
	if (typeof requestAnimationFrame === 'function') {
		frame = requestAnimationFrame(applyArrivals);
		fallback = setTimeout(applyArrivals, fallbackMs);
	} else fallback = setTimeout(applyArrivals, 0);
}

/**
 * An answer has been asked for: those arriving meanwhile wait for it (up to `holdMs`). Call the returned
 * function once it has arrived (before `onArrival`) or is no longer wanted; calls after the first do nothing.
 */
export function expectAnswer(): () => void {
	inFlight++;
	let done = false;
	return () => {
		if (done) return;
		done = true;
		inFlight--;
		if (inFlight === 0) schedule();
	};
}

/** Apply `apply` (an answer reaching its view) with the others of its batch. */
export function onArrival(apply: () => void): void {
	arrivals.push(apply);
	if (inFlight === 0) schedule();
	else holding ??= setTimeout(schedule, holdMs);
}
