/**
 * Whether a new answer holds the same rows as the previous one: same length, and row by row the same keys
 * with the same values (`Object.is`). A view keeps its previous rows when they are the same, so the charts,
 * sentences and tables built from them are neither recomputed nor redrawn (a district ticked that a chart's
 * figures do not move, a publication answer that perturbs to the same counts). Rows hold plain values
 * (numbers, strings, null); anything else is compared by identity, which can only call equal rows different,
 * never hide a change. Cost is one pass over the cells, far below drawing a chart.
 */
export function sameRows(previous: readonly object[] | undefined, next: readonly object[]): boolean {
	if (previous === next) return true;
	if (previous === undefined || previous.length !== next.length) return false;
	for (let index = 0; index < next.length; index++) {
		const before = previous[index] as Record<string, unknown>;
		const after = next[index] as Record<string, unknown>;
		if (before === after) continue;
		const keys = Object.keys(after);
		if (Object.keys(before).length !== keys.length) return false;
		for (const key of keys) if (!Object.is(before[key], after[key]) || !(key in before)) return false;
	}
	return true;
}
