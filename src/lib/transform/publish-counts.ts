import {
	publishCount,
	suppressList,
	suppressTable,
	type DisclosureSymbol,
	type PublishedCell
} from '$lib/stats';

/** A row after disclosure control: suppressed counts are null, with the GSS symbol in `suppressed`. */
export type Published<Row> = Row & { suppressed?: Record<string, DisclosureSymbol> };

export interface PublishOptions {
	/** The count column to protect. */
	count: string;
	/**
	 * For a two-way table (e.g. month × district), the row and column keys: secondary suppression then
	 * protects every row and column total. Without them the rows are one list with a total.
	 */
	rowKey?: string;
	columnKey?: string;
	/** Columns computed from the count (a percentage, a rate): suppressed with it. */
	derived?: readonly string[];
	threshold?: number;
}

function apply<Row extends object>(row: Row, cell: PublishedCell, options: PublishOptions): Published<Row> {
	if (cell.symbol === null && cell.value === (row as Record<string, unknown>)[options.count]) return row;
	const next: Record<string, unknown> = { ...row, [options.count]: cell.value };
	const suppressed: Record<string, DisclosureSymbol> = { ...(row as Published<Row>).suppressed };
	if (cell.symbol !== null) {
		suppressed[options.count] = cell.symbol;
		for (const key of options.derived ?? []) {
			next[key] = null;
			suppressed[key] = cell.symbol;
		}
	}
	next.suppressed = suppressed;
	return next as Published<Row>;
}

/**
 * Disclosure control for the rows a chart or table shows (publication mode): primary suppression of counts
 * 1–5 and secondary suppression so that no suppressed cell can be recovered from the totals a reader could
 * compute (see `$lib/stats` suppressTable / suppressList, property-tested).
 */
export function publishCounts<Row extends object>(
	rows: readonly Row[],
	options: PublishOptions
): Published<Row>[] {
	const value = (row: Row) => Number((row as Record<string, unknown>)[options.count] ?? 0);
	const settings = { threshold: options.threshold ?? 5 };
	if (options.rowKey === undefined || options.columnKey === undefined) {
		const { cells } = suppressList(rows.map(value), settings);
		return rows.map((row, index) => apply(row, cells[index]!, options));
	}
	const key = (row: Row, name: string) => String((row as Record<string, unknown>)[name]);
	const rowValues = [...new Set(rows.map((row) => key(row, options.rowKey!)))];
	const columnValues = [...new Set(rows.map((row) => key(row, options.columnKey!)))];
	const rowIndex = new Map(rowValues.map((name, index) => [name, index]));
	const columnIndex = new Map(columnValues.map((name, index) => [name, index]));
	const matrix = rowValues.map(() => columnValues.map(() => 0));
	for (const row of rows)
		matrix[rowIndex.get(key(row, options.rowKey))!]![columnIndex.get(key(row, options.columnKey))!]! +=
			value(row);
	const { cells } = suppressTable(matrix, settings);
	return rows.map((row) =>
		apply(
			row,
			cells[rowIndex.get(key(row, options.rowKey!))!]![columnIndex.get(key(row, options.columnKey!))!]!,
			options
		)
	);
}

/** A single headline count as it may be published (primary suppression only: it has no published parts). */
export function publishSingle(count: number, threshold = 5): PublishedCell {
	return publishCount(count, count >= 1 && count <= threshold ? 'primary' : null, null);
}
