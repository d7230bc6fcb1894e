/** A column of an accessible data table: which field, its header, how to format it. */
export interface TableColumn<Row = Record<string, unknown>> {
	key: keyof Row & string;
	label: string;
	numeric?: boolean;
	format?: (value: unknown, row: Row) => string;
}

/** The two columns of a 95% confidence interval held as `lower` and `upper`, formatted like the estimate. */
export function intervalColumns<Row>(format: (value: unknown, row: Row) => string): TableColumn<Row>[] {
	return [
		{ key: 'lower' as keyof Row & string, label: '95% CI lower', numeric: true, format },
		{ key: 'upper' as keyof Row & string, label: '95% CI upper', numeric: true, format }
	];
}
