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
}

export function workerBusy(traceJson: string, minTaskMs = 0.5): WorkerBusy {
	const events = (JSON.parse(traceJson) as { traceEvents: TraceEvent[] }).traceEvents;
	const threads = events.filter(
		(event) => event.name === 'thread_name' && /DedicatedWorker/.test(event.args?.name ?? '')
	);
	let best: WorkerBusy = { busy: 0, tasks: [] };
	for (const thread of threads) {
		const spans = events
			.filter(
				(event) => event.pid === thread.pid && event.tid === thread.tid && event.ph === 'X' && event.dur
			)
			.map((event) => [event.ts, event.ts + event.dur!] as const)
			.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
		let busy = 0;
		const tasks: number[] = [];
		let open: [number, number] | undefined;
		for (const [start, end] of [...spans, [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY] as const]) {
			if (open && start <= open[1]) {
				open[1] = Math.max(open[1], end);
				continue;
			}
			if (open) {
				const ms = (open[1] - open[0]) / 1000;
				busy += ms;
				if (ms >= minTaskMs) tasks.push(ms);
			}
			open = [start, end];
		}
		if (busy > best.busy) best = { busy, tasks };
	}
	return best;
}
