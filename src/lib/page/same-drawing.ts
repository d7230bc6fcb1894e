/**
 * Whether two draw keys (`ChartSpec.drawKey`) hold the same drawing: arrays element by element, plain
 * objects key by key, anything else (numbers, strings, functions, dates) by `Object.is`. A key built afresh
 * from equal data is the same drawing; a function compares by identity, so a handler made anew on each
 * recompute counts as a change (use `selecting` for stable ones). Compared only when a chart would be drawn,
 * so it costs one pass over the chart's data instead of a Plot render.
 */
export function sameDrawing(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a)) {
		if (!Array.isArray(b) || a.length !== b.length) return false;
		for (let index = 0; index < a.length; index++) if (!sameDrawing(a[index], b[index])) return false;
		return true;
	}
	if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false;
	const keys = Object.keys(a);
	if (keys.length !== Object.keys(b).length) return false;
	for (const key of keys) {
		if (!Object.hasOwn(b, key)) return false;
		if (!sameDrawing((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
	}
	return true;
}

function isPlain(value: object): boolean {
	const prototype = Object.getPrototypeOf(value) as unknown;
	return prototype === Object.prototype || prototype === null;
}
