import { periodRange, type Grain } from '$lib/domain/calendar';

/** How to complete a period × groups table: see `fillPeriods`. */
export interface FillPeriodsOptions {
	grain: Grain;
	/** First and last period to show (any day in each). */
	first: string;
	last: string;
	/** The period column, holding period starts (yyyy-mm-dd); `period` unless named. */
	period?: string;
	/** Each group column and every value it must take, in the order rows should come out. */
	keys: Readonly<Record<string, readonly string[]>>;
	/** The count columns: 0 where a cell has no row (or a null count). */
	values: readonly string[];
}

const SEPARATOR = '\u0000';

/**
 * Complete a period × groups count table so that a period or group with no rows appears as zero: a missing
 * month is a real zero, and charts and SPC must see it. Rows come out in period order, then in the order of
 * `keys` and of each key's values; they hold only the period, key and value columns. Rows outside the grid
 * (another period, an unlisted group) are dropped.
 *
 * Written as a keyed lookup rather than with Arquero's cross join, join and impute: every Arquero verb that
 * computes (join, cross, lookup, impute, orderby, groupby, rollup, pivot, fold, derive and filter, escaped
 * functions included) compiles code with `Function`, which the page's no-'unsafe-eval' policy refuses, and
 * this runs on every redraw where the views run (`tests/unit/transform/arquero-code-generation.test.ts`).
 */
export function fillPeriods(rows: readonly object[], options: FillPeriodsOptions): object[] {
	const { grain, first, last, keys, values } = options;
	const periodColumn = options.period ?? 'period';
	const keyColumns = Object.keys(keys);
	const cellKey = (period: unknown, groups: readonly unknown[]) =>
		[period, ...groups].map(String).join(SEPARATOR);

	const byCell = new Map<string, Record<string, unknown>>();
	for (const row of rows as readonly Record<string, unknown>[])
		byCell.set(
			cellKey(
				row[periodColumn],
				keyColumns.map((column) => row[column])
			),
			row
		);

	// Every combination of key values, in the declared order (the first key varies slowest).
	let groups: string[][] = [[]];
	for (const column of keyColumns)
		groups = groups.flatMap((prefix) => keys[column]!.map((value) => [...prefix, value]));

	const filled: object[] = [];
	for (const period of periodRange(first, last, grain)) {
		for (const group of groups) {
			const found = byCell.get(cellKey(period, group));
			const row: Record<string, unknown> = { [periodColumn]: period };
			keyColumns.forEach((column, index) => (row[column] = group[index]));
			for (const value of values) row[value] = found?.[value] ?? 0;
			filled.push(row);
		}
	}
	return filled;
}
