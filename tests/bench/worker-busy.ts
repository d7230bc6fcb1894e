import type { TraceEvent } from './main-thread-split';

/**
 * How busy the DuckDB worker was in a Chrome trace (`devtools.timeline` events): the renderer's dedicated
 * worker threads are found by name, and the one with the most traced time is DuckDB's (the ingest and
 * reshape workers are idle during a filter change). Its busy time is the union of its events' spans, so
 * nested events count once; each top-level span of at least `minTaskMs` is one task, in practice one query
 * (DuckDB runs it, then writes the Arrow IPC answer and posts it back in the same task).
 */
export interface WorkerBusy {
	/** Milliseconds the worker thread was running something. */
	busy: number;
	/** Durations (ms) of its top-level tasks of at least `minTaskMs`. */
	tasks: number[];
	/** The busy spans themselves, in trace time (µs), in order. */
	spans: [number, number][];
}

/** The union of a thread's complete events as ordered, disjoint spans (trace time, µs). */
export function busySpans(events: readonly TraceEvent[], pid: number, tid: number): [number, number][] {
	const sorted = events
		.filter((event) => event.pid === pid && event.tid === tid && event.ph === 'X' && event.dur)
		.map((event) => [event.ts, event.ts + event.dur!] as [number, number])
		.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
	const spans: [number, number][] = [];
	for (const [start, end] of sorted) {
		const open = spans.at(-1);
		if (open && start <= open[1]) open[1] = Math.max(open[1], end);
		else spans.push([start, end]);
	}
	return spans;
}

export function workerBusy(traceJson: string, minTaskMs = 0.5): WorkerBusy {
	const events = (JSON.parse(traceJson) as { traceEvents: TraceEvent[] }).traceEvents;
	const threads = events.filter(
		(event) => event.name === 'thread_name' && /DedicatedWorker/.test(event.args?.name ?? '')
	);
	let best: WorkerBusy = { busy: 0, tasks: [], spans: [] };
	for (const thread of threads) {
		const spans = busySpans(events, thread.pid, thread.tid);
		const durations = spans.map(([start, end]) => (end - start) / 1000);
		const busy = durations.reduce((sum, ms) => sum + ms, 0);
		if (busy > best.busy) best = { busy, tasks: durations.filter((ms) => ms >= minTaskMs), spans };
	}
	return best;
}
