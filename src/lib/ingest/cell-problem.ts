/**
 * Why a cell could not become a value of its field. Returned, not thrown: a bad cell is expected input, and
 * the validator decides whether it rejects the row (required field) or keeps it with a warning (optional).
 */
export class CellProblem {
	constructor(
		readonly reason: string,
		/** Set when a d/m/y date can only be month-first (12/25/2024): the file may be in US date order. */
		readonly monthFirst = false
	) {}
}

/** A cell quoted for a message, cut short so a 10,000-character cell does not flood the report. */
export function quoted(text: string): string {
	return text.length > 40 ? `"${text.slice(0, 40)}…"` : `"${text}"`;
}
