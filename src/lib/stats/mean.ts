/**
 * Arithmetic mean with a second correcting pass (as R's `mean` does), so that the mean of a constant series
 * is that constant exactly and "a point exactly on the mean" is decided without rounding noise.
 * Returns NaN for an empty list. Tested against the NHSRplotthedots means in `xmr-examples.json`.
 */
export function mean(values: readonly number[]): number {
	const n = values.length;
	if (n === 0) return NaN;
	let sum = 0;
	for (const v of values) sum += v;
	const first = sum / n;
	if (!Number.isFinite(first)) return first;
	let correction = 0;
	for (const v of values) correction += v - first;
	return first + correction / n;
}
