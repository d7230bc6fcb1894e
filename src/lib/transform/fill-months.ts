import * as aq from 'arquero';

/** Every month start (yyyy-mm-01) from `first` to `last` inclusive. */
export function monthRange(first: string, last: string): string[] {
	const months: string[] = [];
	let year = Number(first.slice(0, 4));
	let month = Number(first.slice(5, 7));
	const endKey = last.slice(0, 7);
	for (;;) {
		const key = `${year}-${String(month).padStart(2, '0')}`;
		if (key > endKey) break;
		months.push(`${key}-01`);
		month += 1;
		if (month > 12) {
			month = 1;
			year += 1;
		}
	}
	return months;
}

/**
 * Complete a month × group count table so that months with no rows appear as zero: a missing month is a
 * real zero, and charts and SPC must see it. Uses Arquero's cross join of the full month range and groups.
 */
export interface FillMonthsOptions {
	/** First and last month to show (any day in the month). */
	first: string;
	last: string;
	/** The group column (e.g. district) and every group that must appear. */
	groupBy: string;
	groups: readonly string[];
	/** The count column; filled with 0. */
	value: string;
}

export function fillMonths(rows: readonly object[], options: FillMonthsOptions): object[] {
	const { first, last, groupBy, groups, value } = options;
	const grid = aq.table({ month: monthRange(first, last) }).cross(aq.table({ [groupBy]: [...groups] }));
	if (grid.numRows() === 0) return [];
	const records = rows as readonly Record<string, unknown>[];
	const data = aq.table({
		month: records.map((row) => row.month),
		[groupBy]: records.map((row) => row[groupBy]),
		[value]: records.map((row) => row[value])
	});
	return grid
		.join_left(data, [
			['month', groupBy],
			['month', groupBy]
		])
		.impute({ [value]: () => 0 })
		.orderby('month', groupBy)
		.objects();
}
