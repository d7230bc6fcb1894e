/**
 * Where a renderer's main thread spent its time in a Chrome trace (`devtools.timeline` events): each
 * complete event's self time (its duration less its children's) is added to the kind of work it is, so
 * nested events are not counted twice. Script time is split further by the page's own User Timing measures
 * (`sightline:render`: drawing charts with Plot). Layout and style recalculation run inside script are
 * counted apart ("forced layout", "forced style"): a script read a box's size or position after changing the
 * page, so the browser had to lay it out at once, and again at the frame.
 */
/** One event of a Chrome trace (`devtools.timeline`), as these readers use it. */
export interface TraceEvent {
	name: string;
	cat?: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	args?: { name?: string };
}

const kinds: Record<string, string> = {
	FunctionCall: 'script',
	EvaluateScript: 'script',
	TimerFire: 'script',
	FireAnimationFrame: 'script',
	EventDispatch: 'script',
	RunMicrotasks: 'script',
	V8Execute: 'script',
	'v8.callFunction': 'script',
	'v8.run': 'script',
	ParseAuthorStyleSheet: 'style parse',
	UpdateLayoutTree: 'style',
	RecalculateStyles: 'style',
	Layout: 'layout',
	PrePaint: 'paint',
	Paint: 'paint',
	PaintImage: 'paint',
	Layerize: 'paint',
	UpdateLayer: 'paint',
	UpdateLayerTree: 'paint',
	CompositeLayers: 'paint',
	Commit: 'paint',
	MinorGC: 'gc',
	MajorGC: 'gc',
	'V8.GC_SCAVENGER': 'gc',
	'V8.GC_MARK_COMPACTOR': 'gc',
	ParseHTML: 'parse HTML',
	HitTest: 'layout',
	RunTask: 'other'
};

/**
 * The spans between each User Timing mark named `from` and the next named `to` (the trace must include the
 * `blink.user_timing` category), in trace time (µs).
 */
export function markedSpans(events: readonly TraceEvent[], from: string, to: string): [number, number][] {
	const marks = events
		.filter((event) => (event.name === from || event.name === to) && event.cat?.includes('user_timing'))
		.sort((a, b) => a.ts - b.ts);
	const spans: [number, number][] = [];
	let start: number | undefined;
	for (const mark of marks) {
		if (mark.name === from) start = mark.ts;
		else if (start !== undefined) {
			spans.push([start, mark.ts]);
			start = undefined;
		}
	}
	return spans;
}

/**
 * Milliseconds of main-thread self time per kind of work, from a trace's JSON. Given `spans` (trace time,
 * µs), only the work of top-level tasks that overlap one counts (the task that dispatched the click, with
 * all it ran, included): the bench's own calls into the page between changes (finding the checkbox to
 * click) are not the page's.
 */
export function mainThreadSplit(
	traceJson: string,
	spans?: readonly [number, number][]
): Record<string, number> {
	const events = (JSON.parse(traceJson) as { traceEvents: TraceEvent[] }).traceEvents;
	const main = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
	if (!main) return {};
	const inSpan = (event: TraceEvent) =>
		!spans || spans.some(([from, to]) => event.ts <= to && event.ts + event.dur! >= from);
	const complete = events
		.filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.dur)
		.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
	const split: Record<string, number> = {};
	// An open event and its kind; the innermost known kind owns a span of time.
	const stack: { end: number; kind: string; child: number; dur: number }[] = [];
	const close = (until: number) => {
		while (stack.length > 0 && stack.at(-1)!.end <= until) {
			const done = stack.pop()!;
			split[done.kind] = (split[done.kind] ?? 0) + (done.dur - done.child) / 1000;
			if (stack.length > 0) stack.at(-1)!.child += done.dur;
		}
	};
	for (const event of complete) {
		close(event.ts);
		if (stack.length === 0 && !inSpan(event)) continue;
		const outer = stack.at(-1)?.kind;
		const own = kinds[event.name];
		const forced = outer === 'script' && (own === 'layout' || own === 'style') && event.name !== 'HitTest';
		const kind = forced ? `forced ${own}` : (own ?? outer ?? 'other');
		stack.push({ end: event.ts + event.dur!, kind, child: 0, dur: event.dur! });
	}
	close(Number.POSITIVE_INFINITY);
	return split;
}
