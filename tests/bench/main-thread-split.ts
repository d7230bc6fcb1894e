/**
 * Where a renderer's main thread spent its time in a Chrome trace (`devtools.timeline` events): each
 * complete event's self time (its duration less its children's) is added to the kind of work it is, so
 * nested events are not counted twice. Script time is split further by the page's own User Timing measures
 * (`sightline:render`: drawing charts with Plot).
 */
/** One event of a Chrome trace (`devtools.timeline`), as these readers use it. */
export interface TraceEvent {
	name: string;
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

/** Milliseconds of main-thread self time per kind of work, from a trace's JSON. */
export function mainThreadSplit(traceJson: string): Record<string, number> {
	const events = (JSON.parse(traceJson) as { traceEvents: TraceEvent[] }).traceEvents;
	const main = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
	if (!main) return {};
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
		const kind = kinds[event.name] ?? stack.at(-1)?.kind ?? 'other';
		stack.push({ end: event.ts + event.dur!, kind, child: 0, dur: event.dur! });
	}
	close(Number.POSITIVE_INFINITY);
	return split;
}
