import type { Filters } from '$lib/domain/filters';
import { episodeCounts, returnInterviewCounts } from '../../cubes';
import { join, sql, type Sql } from '../../sql';
import { keyedAs } from '../../keyed-count';

export interface ReturnInterviewRow {
	/** Episodes that have ended (the child came back). */
	returned: number;
	/** Returns with the offer of an interview recorded (yes or no): the denominator of `offered`. */
	offer_recorded: number;
	offered: number;
	/** Offers the child accepted. */
	accepted: number;
	/** Accepted interviews with a date recorded. */
	held: number;
	/** Accepted interviews with both times recorded, so measured in exact hours. */
	timed: number;
	/**
	 * Accepted interviews held within 72 hours: with times, 0 to 72 exact hours after the return; with dates
	 * alone, on the day of return or one of the next three calendar days (0 to 3 days).
	 */
	within_72_hours: number;
	/** As `within_72_hours`, but 0 to 2 days where only dates are recorded: the strict reading. */
	within_2_days: number;
}

/**
 * Return home interviews after missing episodes (DfE statutory guidance 2014: offered, and held within 72
 * hours of the child's return). Where the return and interview times are both recorded the hours are exact;
 * with dates alone "within 72 hours" is the day of return or one of the next three days, and the strict
 * 0 to 2 days is counted beside it. An accepted interview with no date is not counted as held in time.
 */
export function returnInterviews(filters: Filters): Sql {
	const counts = episodeCounts(filters);
	return sql`SELECT ${join(returnInterviewCounts.map((name) => keyedAs(name, counts.returnInterviews(name))))}
FROM ${counts.from}
WHERE ${counts.where}`;
}
