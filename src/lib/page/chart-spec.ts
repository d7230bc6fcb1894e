import type { TableColumn } from './table-column';

/** Everything a `<Chart>` shows: what a page's view module returns for each chart. */
export interface ChartSpec<Row extends object = Record<string, unknown>> {
	/** An active title that states the finding. */
	title: string;
	/** One sentence generated from the numbers: the chart's text alternative. */
	summary: string;
	/** Measure, population, area and period. */
	caption?: string | undefined;
	render: (width: number) => Element;
	columns: TableColumn<Row>[];
	rows: readonly Row[];
	loading?: boolean;
}
