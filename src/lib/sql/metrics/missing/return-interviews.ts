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
	/** Accepted interviews held 0 to 3 days after the return date (within 72 hours, to the day). */
	within_72_hours: number;
}

/**
 * Return home interviews after missing episodes (DfE statutory guidance 2014: offered, and held within 72
 * hours of the child's return). Dates carry no time, so "within 72 hours" is 0 to 3 days after the
 * return date; an accepted interview with no date recorded is not counted as held in time.
 */
export function returnInterviews(filters: Filters): Sql {
	const counts = episodeCounts(filters);
	return sql`SELECT ${join(returnInterviewCounts.map((name) => keyedAs(name, counts.returnInterviews(name))))}
FROM ${counts.from}
WHERE ${counts.where}`;
}
