/** How soon a view needs its answer: on screen (or not known to be off it) before off screen. */
export const Priority = { onScreen: 0, offScreen: 1 } as const;
export type Priority = (typeof Priority)[keyof typeof Priority];

/** A request waiting in the coordinator's queue, as a batch is planned from it. */
export interface Queued {
	/** Whether any view still wants the answer; asked once, when the batch is planned. */
	wanted(): boolean;
	/** Lower runs sooner; asked once, when the batch is planned, so a chart scrolled into view meanwhile counts. */
	priority(): number;
}

/**
 * The next batch from the queued requests: those nobody wants any more are dropped before they reach DuckDB
 * (after a quick run of filter changes only the latest state's queries remain), and the rest are ordered by
 * priority, the charts on screen first (after Mosaic's QueryManager, which answers enabled clients first).
 * Requests of equal priority keep the order they were asked in. Pure, so the ordering is tested in Node.
 */
export function planBatch<T extends Queued>(queued: readonly T[]): { stale: T[]; batch: T[] } {
	const stale: T[] = [];
	const live: { request: T; priority: number; index: number }[] = [];
	for (const request of queued) {
		if (request.wanted()) live.push({ request, priority: request.priority(), index: live.length });
		else stale.push(request);
	}
	live.sort((a, b) => a.priority - b.priority || a.index - b.index);
	return { stale, batch: live.map((one) => one.request) };
}
