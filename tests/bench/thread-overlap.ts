import type { TraceEvent } from './main-thread-split';
import { busySpans, workerBusy } from './worker-busy';

/**
 * Whether the DuckDB worker and the main thread worked at the same time during a filter change, from a Chrome
 * trace: within each span (click to settled frame, trace time in µs), the milliseconds when both were busy,
 * only the worker, only the main thread, and neither; and where the worker's work fell: from the click to its
 * first task (the main thread's work before the batch reached DuckDB), and from its last task's end to the
 * settled frame (the main thread's work after DuckDB's last answer).
 */
export interface ThreadOverlap {
	both: number;
	workerOnly: number;
	mainOnly: number;
	neither: number;
	/** Click to the worker's first task in the span. */
	beforeWorker: number;
	/** The worker's last task's end to the settled frame. */
	afterWorker: number;
}

/** Milliseconds of `spans` (ordered, disjoint) inside [from, to). */
function within(spans: readonly [number, number][], from: number, to: number): [number, number][] {
	return spans
		.map(([start, end]) => [Math.max(start, from), Math.min(end, to)] as [number, number])
		.filter(([start, end]) => end > start);
}

const total = (spans: readonly [number, number][]) =>
	spans.reduce((sum, [start, end]) => sum + end - start, 0);

/** The intersection of two ordered lists of disjoint spans. */
function intersect(a: readonly [number, number][], b: readonly [number, number][]): [number, number][] {
	const out: [number, number][] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const start = Math.max(a[i]![0], b[j]![0]);
		const end = Math.min(a[i]![1], b[j]![1]);
		if (end > start) out.push([start, end]);
		if (a[i]![1] < b[j]![1]) i++;
		else j++;
	}
	return out;
}

/** The overlap in each span, in ms. */
export function threadOverlap(traceJson: string, spans: readonly [number, number][]): ThreadOverlap[] {
	const events = (JSON.parse(traceJson) as { traceEvents: TraceEvent[] }).traceEvents;
	const main = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
	if (!main) return [];
	const mainSpans = busySpans(events, main.pid, main.tid);
	const workerSpans = workerBusy(traceJson).spans;
	return spans.map(([from, to]) => {
		const mainIn = within(mainSpans, from, to);
		const workerIn = within(workerSpans, from, to);
		const both = total(intersect(mainIn, workerIn));
		const ms = (us: number) => us / 1000;
		return {
			both: ms(both),
			workerOnly: ms(total(workerIn) - both),
			mainOnly: ms(total(mainIn) - both),
			neither: ms(to - from - total(mainIn) - total(workerIn) + both),
			beforeWorker: ms(workerIn.length > 0 ? workerIn[0]![0] - from : to - from),
			afterWorker: ms(workerIn.length > 0 ? to - workerIn.at(-1)![1] : 0)
		};
	});
}
