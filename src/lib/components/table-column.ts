/** A column of an accessible data table: which field, its header, how to format it. */
export interface TableColumn<Row = Record<string, unknown>> {
	key: keyof Row & string;
	label: string;
	numeric?: boolean;
	format?: (value: unknown, row: Row) => string;
}
