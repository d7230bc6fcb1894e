import { formatCount, formatDecimal, formatPercent } from '$lib/format/number';

/** Table cells, as the table view and the CSV show them. */

/** A published count: null is a count withheld in publication mode, shown as its symbol "c". */
export const countCell = (value: number | null) => (value === null ? 'c' : formatCount(value));

/** A share held as a proportion; no value is "–". */
export const percentCell = (value: unknown) =>
	value === null || value === undefined ? '–' : formatPercent(Number(value));

/** A mean, a limit or another level; no value is "–". */
export const decimalCell = (value: unknown) =>
	value === null || value === undefined ? '–' : formatDecimal(Number(value));
