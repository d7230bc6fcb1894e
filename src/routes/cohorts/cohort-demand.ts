import type { CategoryBar } from '$lib/charts/category-bars';
import { formatCount } from '$lib/format/number';
import type { ObservedQuarter } from '$lib/charts/projection-chart';
import { addDays, periodEnd } from '$lib/domain/calendar';
import {
	defaultProjectionSettings,
	planningTable,
	projectCounts,
	rollingOriginBacktest,
	type Backtest,
	type CountSeries,
	type PlanningRow,
	type Projection
} from '$lib/stats/projection';

/**
 * Fewer simulated futures than the model's defaults: this runs in the page on every filter change (two
 * series, each backtested from 36 origins). 4,000 draws put the 2.5% quantile on 100 of them; the backtest's
 * coverage counts need less (measured in Node: 10,000 and 2,000 draws took 0.6 s and 2.5 s a series, these
 * 0.25 s and 0.2 s).
 */
const pageSettings = { ...defaultProjectionSettings, draws: 4000 };
const backtestSettings = { ...defaultProjectionSettings, quarters: 4, draws: 500 };

/** A cohort's monthly counts made ready for the projection: the series, its 3-month blocks, and the result. */
export interface Demand {
	readonly observed: ObservedQuarter[];
	readonly projection: Projection;
	readonly backtest: Backtest | null;
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const month = (label: string) => monthNames[Number(label.slice(5, 7)) - 1]!;

/** A 3-month block from its first and last month (`YYYY-MM`): "Feb to Apr 2026", "Nov 2026 to Jan 2027". */
export function blockLabel(start: string, end: string): string {
	return start.slice(0, 4) === end.slice(0, 4)
		? `${month(start)} to ${month(end)} ${end.slice(0, 4)}`
		: `${month(start)} ${start.slice(0, 4)} to ${month(end)} ${end.slice(0, 4)}`;
}

/** The last day of the last whole month up to `day`: the projection uses complete months only. */
export function lastCompleteMonthEnd(day: string): string {
	const monthStart = `${day.slice(0, 7)}-01`;
	return periodEnd(monthStart, 'month') === day ? day : addDays(monthStart, -1);
}

/**
 * Project a cohort's monthly counts (the `all` rows of a padded monthly series) for the next 8 quarters,
 * with its rolling-origin backtest. Complete months up to `lastDay` only. The projection is made from the
 * counts as shown: in publication mode the perturbed monthly counts, never the true ones.
 */
export function projectDemand<Row extends { period: string; area: string }>(
	rows: readonly Row[],
	count: (row: Row) => number,
	{ lastDay }: { lastDay: string }
): Demand | undefined {
	const months = rows
		.filter((row) => row.area === 'all' && periodEnd(row.period, 'month') <= lastDay)
		.sort((a, b) => a.period.localeCompare(b.period));
	if (months.length === 0) return undefined;
	const counts = months.map(count);
	const observed = blocks(
		months.map((row) => row.period.slice(0, 7)),
		counts
	);
	const series: CountSeries = { grain: 'month', start: months[0]!.period.slice(0, 7), counts };
	const projection = projectCounts(series, pageSettings);
	return {
		observed,
		projection,
		backtest: projection.kind === 'projected' ? rollingOriginBacktest(series, 4, backtestSettings) : null
	};
}

/** Sum months into 3-month blocks ending with the last month, as the projection's quarters follow it. */
function blocks(starts: readonly string[], counts: readonly number[]): ObservedQuarter[] {
	const result: ObservedQuarter[] = [];
	for (let end = counts.length - 1; end - 2 >= 0; end -= 3) {
		const start = starts[end - 2]!;
		const last = starts[end]!;
		result.unshift({
			start,
			label: blockLabel(start, last),
			count: counts[end - 2]! + counts[end - 1]! + counts[end]!
		});
	}
	return result;
}

/** A row of the planning table: one intervention kind, with the children expected to need it next year. */
export interface PlanningShare extends PlanningRow {
	readonly label: string;
}

/**
 * Expected children per intervention kind next year: the projected children split by the cohort's current
 * mix (children per kind in the chosen period), with intervals that carry both uncertainties
 * (`planningTable`). Undefined when there is no projection or no intervention recorded, or when publication
 * mode withholds a kind's count.
 */
export function planningShares(
	demand: Demand | undefined,
	mix: readonly { intervention: string; label: string; children: number | null }[]
): PlanningShare[] | undefined {
	if (!demand || demand.projection.kind !== 'projected') return undefined;
	if (mix.some((row) => row.children === null)) return undefined;
	const rows = planningTable(
		demand.projection.nextYear.point,
		demand.projection.nextYearDraws,
		mix.map((row) => ({ kind: row.intervention, count: row.children! }))
	);
	if (rows.length === 0) return undefined;
	return rows.map((row, index) => ({ ...row, label: mix[index]!.label }));
}

/** The axis title of the planning chart: it names the interval its whiskers and labels give. */
export const planningValueLabel = 'Children expected next year (80% interval)';

/**
 * The planning chart's bars: whisker and label both give the 80% interval (the range to plan for), which
 * the axis title names; the 95% interval is in the summary and the table. (They once disagreed: 80% in the
 * labels, 95% in the whiskers and the axis title.)
 */
export function planningBars(planning: readonly PlanningShare[]): CategoryBar[] {
	const whole = (value: number) => formatCount(Math.round(value));
	return planning.map((row) => ({
		key: row.kind,
		label: row.label,
		value: row.point,
		lower: row.lower80,
		upper: row.upper80,
		text: `${whole(row.point)} (${whole(row.lower80)} to ${whole(row.upper80)})`
	}));
}
