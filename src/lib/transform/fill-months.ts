import { fillPeriods } from './fill-periods';

/** The options of the older month-only reshape; see `fillMonths`. */
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

/**
 * `fillPeriods` by month on a `month` column with one group column, groups in code-unit order: the shape
 * pages asked for before `fillPeriods`. Kept so their `{ name: 'fillMonths' }` reshapes keep working; new
 * views ask for `fillPeriods`.
 */
export function fillMonths(rows: readonly object[], options: FillMonthsOptions): object[] {
	const { first, last, groupBy, groups, value } = options;
	return fillPeriods(rows, {
		grain: 'month',
		first,
		last,
		period: 'month',
		keys: { [groupBy]: [...groups].sort() },
		values: [value]
	});
}
