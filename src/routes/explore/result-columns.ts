import { formatCount } from '$lib/format/number';
import type { TableColumn } from '$lib/page/table-column';

/** A cell of a console result as text: numbers en-GB, lists and structures as JSON, blanks as a dash. */
export function resultCell(value: unknown): string {
	if (value === null || value === undefined) return '–';
	if (typeof value === 'number')
		return Number.isInteger(value) ? formatCount(value) : value.toLocaleString('en-GB');
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/**
 * Rows ready for the CSV writer: lists and structures as JSON text. Numbers stay numbers, so that the writer
 * prints them as they are (a negative number is not mistaken for a formula).
 */
export function resultCsvRows(rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
	return rows.map((row) =>
		Object.fromEntries(
			Object.entries(row).map(([key, value]) => [
				key,
				value !== null && typeof value === 'object' ? JSON.stringify(value) : value
			])
		)
	);
}

/**
 * The table columns of a console result: the result's own column names, in order (the first row's keys, or
 * the reshaped result's columns), numbers right-aligned when the first row holds one.
 */
export function resultColumns(
	rows: readonly Record<string, unknown>[],
	names: readonly string[] = Object.keys(rows[0] ?? {})
): TableColumn[] {
	return names.map((name) => ({
		key: name,
		label: name,
		numeric: typeof rows[0]?.[name] === 'number',
		format: (value: unknown) => resultCell(value)
	}));
}
