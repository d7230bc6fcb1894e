import { daysIn, monthsPerPeriod, periodsPerYear, type CountSeries } from './count-series';

/** Names of the design's columns, in order (as R names the coefficients of `y ~ t + season`). */
export const designNames = ['(Intercept)', 't', 'season1', 'season2', 'season3'] as const;

export interface DesignRows {
	readonly x: number[][];
	readonly offset: number[];
}

/**
 * Design rows for periods `from` … `from + count − 1` of a series (indices may run past its end, for the
 * future), with `last` the index of the fit window's last period:
 * - t: years from the last fitted period (which has t = 0), so the intercept is that period's log rate and
 *   exp(coefficient of t) − 1 is the growth per year;
 * - season: quarter of the year of the period's first month (Jan–Mar the reference, as R's treatment
 *   contrasts for `factor(quarter)`): three parameters for monthly or quarterly data alike, since a quarterly
 *   shape is what small monthly counts can support;
 * - offset: log(days in the period / (365.25 / periods a year)), so February and a 92-day quarter weigh right.
 */
export function designRows(
	series: Pick<CountSeries, 'grain' | 'start'>,
	startMonth: number,
	from: number,
	count: number,
	last: number
): DesignRows {
	const months = monthsPerPeriod(series.grain);
	const perYear = periodsPerYear(series.grain);
	const x: number[][] = [];
	const offset: number[] = [];
	for (let i = from; i < from + count; i++) {
		const month = startMonth + i * months;
		const quarter = Math.floor((month % 12) / 3);
		x.push([1, (i - last) / perYear, quarter === 1 ? 1 : 0, quarter === 2 ? 1 : 0, quarter === 3 ? 1 : 0]);
		offset.push(Math.log(daysIn(month, months) / (365.25 / perYear)));
	}
	return { x, offset };
}
