/**
 * Arithmetic mean with a second correcting pass (as R's `mean` does), so that the mean of a constant series
 * is that constant exactly and "a point exactly on the mean" is decided without rounding noise. When every
 * value is a whole number and the sum stays within 2^53 (counts: every SPC series Sightline draws), the sum
 * is exact and one division is already the correctly rounded mean; the correcting pass would only add
 * noise there (1,191 / 20 came back as 59.54999999999999, printed 59.5 instead of 59.6), so it is skipped.
 * Returns NaN for an empty list. Tested against the NHSRplotthedots means in `xmr-examples.json`.
 */
export function mean(values: readonly number[]): number {
	const n = values.length;
	if (n === 0) return NaN;
	let sum = 0;
	let whole = true;
	for (const v of values) {
		sum += v;
		if (whole && !Number.isInteger(v)) whole = false;
	}
	const first = sum / n;
	if (!Number.isFinite(first)) return first;
	if (whole && Number.isSafeInteger(sum)) return first;
	let correction = 0;
	for (const v of values) correction += v - first;
	return first + correction / n;
}
