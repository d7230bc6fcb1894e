import type { Grain } from '$lib/transform/calendar';
import { periodStart } from '$lib/transform/calendar';
import { join, literal, sql, Sql } from '../../sql';

/** The area code of a row that counts every district together (under the district filter). */
export const ALL_AREAS = 'all';

/**
 * The period of a facts row: its precomputed `month`, or the quarter containing it (financial quarters
 * share calendar-quarter boundaries). Reading `month` rather than truncating the date saves a pass at 1M rows.
 */
export function periodOf(grain: Grain): Sql {
	return new Sql(grain === 'month' ? 'month' : "CAST(date_trunc('quarter', month) AS DATE)");
}

/**
 * A complete grid of periods × areas to LEFT JOIN counts onto, so a period or district with no rows is a
 * real zero: periods from the one containing `first` to the one containing `last`.
 */
export function periodAreaGrid(
	first: string,
	last: string,
	grain: Grain,
	areas: readonly string[]
): { periods: Sql; areas: Sql } {
	const step = new Sql(grain === 'month' ? 'INTERVAL 1 MONTH' : 'INTERVAL 3 MONTH');
	return {
		periods: sql`SELECT CAST(generate_series AS DATE) AS period FROM generate_series(CAST(${periodStart(first, grain)} AS TIMESTAMP), CAST(${periodStart(last, grain)} AS TIMESTAMP), ${step})`,
		areas: sql`SELECT * FROM (VALUES ${join(areas.map((area) => sql`(${literal(area)})`))}) AS a(area)`
	};
}
