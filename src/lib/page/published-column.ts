import type { TableColumn } from './table-column';

/**
 * A table column whose cells may be suppressed in publication mode: a null value shows the row's GSS
 * symbol for that column (`c`), in the table and in the CSV download alike, and '–' when there is no value.
 */
export function publishedColumn<Row extends object>(
	key: keyof Row & string,
	label: string,
	format: (value: never, row: Row) => string = (value) => String(value),
	{ numeric = true }: { numeric?: boolean } = {}
): TableColumn<Row> {
	return {
		key,
		label,
		numeric,
		format: (value, row) => {
			if (value === null || value === undefined) {
				return (row as { suppressed?: Record<string, string> }).suppressed?.[key] ?? '–';
			}
			return format(value as never, row);
		}
	};
}
