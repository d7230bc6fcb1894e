import type { Filters } from '$lib/domain/filters';
import type { Grain } from '$lib/domain/calendar';
import { addMonths, periodStart } from '$lib/domain/calendar';
import { join, sql, Sql } from '../../sql';
import { keyedAs, keyedNames, keyedPartial, partialOf, summedCount, type Keyed } from '../../keyed-count';

/** The area code of a row that counts every district together (under the district filter). */
export const ALL_AREAS = 'all';

/**
 * The span of a series and the areas it covers when no district is chosen: the loaded area reference's
 * codes (`areas.enumeration.codes`), so every area has a series, with zeros where nothing fell.
 */
export interface SeriesWindow {
	grain: Grain;
	first: string;
	last: string;
	areas: readonly string[];
}

/**
 * The period of a facts row: its precomputed `month`, or the quarter containing it (financial quarters
 * share calendar-quarter boundaries). Reading `month` rather than truncating the date saves a pass at 1M rows.
 */
export function periodOf(grain: Grain): Sql {
	return new Sql(grain === 'month' ? 'month' : "CAST(date_trunc('quarter', month) AS DATE)");
}

/**
 * A series query and the padding its answer needs: the query returns only periods and areas something fell
 * in; `reshape` (`fillPeriods` in `transform/`, applied where the answer arrives) adds a zero row for every
 * other period and area, so a period or district with no rows is a real zero. Padding in the view rather
 * than by a calendar × areas CROSS JOIN in SQL keeps the query to the aggregate (issue 14).
 */
export interface SeriesQuery {
	query: Sql;
	reshape: {
		name: 'fillPeriods';
		options: {
			grain: Grain;
			first: string;
			last: string;
			keys: { area: string[] };
			values: string[];
		};
	};
}

/** A grouped row's area: its district, or ALL_AREAS on a grouping set's row over every district. */
export const areaOfGroup = sql`CASE WHEN grouping(district) = 1 THEN ${ALL_AREAS} ELSE CAST(district AS VARCHAR) END`;

/**
 * Additive counts (`Keyed.additive`) per group and district and per group over every district (`area` is
 * then ALL_AREAS), from `cells`, a query with one row per group and district holding each count as a
 * `keyedPartial`: the rows are grouped once, by group and district, and the all-districts counts summed from
 * those few cells. A second grouping set over the rows hashes each of them again: at 1M referrals under "drug
 * use present" (DuckDB-WASM in Node, CPU time) the monthly referral series took 74–124 → 54–60 ms (issue 14).
 */
export function areaRollup(cells: Sql, group: Sql, names: readonly string[]): Sql {
	const summed = (name: string) => {
		const { count, keySum } = partialOf(name);
		return keyedAs(name, summedCount(count, keySum));
	};
	return sql`SELECT ${group}, ${areaOfGroup} AS area,
		${join(names.map(summed))}
	FROM (${cells})
	GROUP BY GROUPING SETS ((${group}, district), (${group}))`;
}

/**
 * Counts per period and area (each selected district and all of them together), from the period containing
 * `first` to the one containing `last`, padded with zeros by the reshape it asks for. Rows come out in period
 * order, `all` first, then districts in code order. `measures` maps output column names to keyed counts
 * (keyed-count.ts); each is computed per district and, by GROUPING SETS, for all districts at once (so
 * distinct counts, and their cell keys, stay right), or, when every count is additive, summed from the
 * district cells (`areaRollup`). `source` is the table and its filter predicate; it must have `month` and `district`
 * columns.
 */
export function seriesByArea(
	filters: Filters,
	source: { from: Sql; where: Sql },
	measures: Record<string, Keyed>,
	{ grain, first, last, areas: allAreas }: SeriesWindow
): SeriesQuery {
	const names = Object.keys(measures);
	const aggregates = join(names.map((name) => keyedAs(name, measures[name]!)));
	const areas = [...(filters.districts ?? allAreas)].sort();
	const period = periodOf(grain);
	const start = periodStart(first, grain);
	const end = addMonths(periodStart(last, grain), grain === 'month' ? 1 : 3);
	// Grouped by the DATE and cast to text outside: grouping on the text (or by position) was up to 2× slower
	// for distinct children at 1M rows. The window compares DATEs with DATEs (an INTERVAL would make them
	// timestamps, row by row).
	const rows = sql`FROM ${source.from}
	WHERE (${source.where}) AND month >= CAST(${start} AS DATE) AND month < CAST(${end} AS DATE)`;
	const counted = names.every((name) => measures[name]!.additive)
		? areaRollup(
				sql`SELECT ${period} AS period, district, ${join(names.map((name) => keyedPartial(name, measures[name]!)))}
	${rows}
	GROUP BY ${period}, district`,
				sql`period`,
				names
			)
		: sql`SELECT ${period} AS period,
		${areaOfGroup} AS area,
		${aggregates}
	${rows}
	GROUP BY GROUPING SETS ((${period}, district), (${period}))`;
	const query = sql`SELECT CAST(period AS VARCHAR) AS period, area, ${join(names.map((name) => keyedNames(name)))}
FROM (
	${counted}
)`;
	return {
		query,
		reshape: {
			name: 'fillPeriods',
			options: { grain, first, last, keys: { area: [ALL_AREAS, ...areas] }, values: names }
		}
	};
}
