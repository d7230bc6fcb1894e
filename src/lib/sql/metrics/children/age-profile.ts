import type { Filters } from '$lib/domain/filters';
import { referralAgeCube, referralCohortCube, rowCounts } from '../../cubes';
import { financialYear } from '../../period-columns';
import { sql, type Sql } from '../../sql';
import { keyedAs, keyedPartial, partialOf, summedCount } from '../../keyed-count';

/** Children younger than this count as "under 15" in the age profile. */
export const YOUNGER_THAN = 15;

export interface AgeProfileRow {
	/** Financial year, as the calendar year it starts in (2024 = 2024-25). */
	year: number;
	referrals: number;
	/** Referrals of children aged under {@link YOUNGER_THAN} at referral. */
	younger: number;
	mean_age: number | null;
	/** Sample standard deviation of age at referral; null with one referral. */
	sd_age: number | null;
	median_age: number | null;
}

/**
 * The age profile of referred children per financial year: how many referrals, how many of children aged
 * under 15, and the mean (with its standard deviation, for an interval) and median age at referral. Ages are
 * whole years, so every statistic follows from the number of referrals at each age in each year: those are
 * read from the age cube (issue 14: the facts cost a scan of a million rows per filter change) or, when a
 * filter needs them, from the facts, and the same query over them gives both paths the same numbers. The
 * mean is the exact sum over the count, as `avg` gives; the sample variance is computed exactly in integers
 * ((n·Σx² − (Σx)²) / (n(n − 1))) where `stddev_samp` updates a running mean, so the two may differ in the
 * last bits of a double; the median is the mean of the two middle ages (the one middle age for an odd count),
 * as `median` gives for integers.
 */
export function ageProfileByYear(filters: Filters, youngerThan = YOUNGER_THAN): Sql {
	const counts = rowCounts([referralAgeCube, referralCohortCube], filters);
	const n = partialOf('n');
	const aged = sql`age IS NOT NULL`;
	// The sums over referrals of a known age; the median's middle ages are the least ages whose running count
	// (`upto`, ages up to this one) passes the middle positions (0-based: both the same for an odd count).
	const known = sql`sum(n) FILTER (WHERE ${aged})`;
	const s1 = sql`sum(CAST(age AS HUGEINT) * n) FILTER (WHERE ${aged})`;
	const s2 = sql`sum(CAST(age AS HUGEINT) * age * n) FILTER (WHERE ${aged})`;
	const middle = (position: Sql) => sql`min(age) FILTER (WHERE ${aged} AND upto > ${position})`;
	return sql`WITH ages AS (
	SELECT ${financialYear('month')} AS year, age_at_referral AS age, ${keyedPartial('n', counts.rows())}
	FROM ${counts.from}
	WHERE ${counts.where}
	GROUP BY ALL
),
ranked AS (
	SELECT *, sum(n) FILTER (WHERE ${aged}) OVER (PARTITION BY year ORDER BY age ROWS UNBOUNDED PRECEDING) AS upto,
		(sum(n) FILTER (WHERE ${aged}) OVER byYear - 1) // 2 AS lower_middle,
		sum(n) FILTER (WHERE ${aged}) OVER byYear // 2 AS upper_middle
	FROM ages
	WINDOW byYear AS (PARTITION BY year)
)
SELECT year,
	${keyedAs('referrals', summedCount(n.count, n.keySum))},
	${keyedAs('younger', summedCount(n.count, n.keySum, sql`age < ${youngerThan}`))},
	CAST(${s1} AS DOUBLE) / CAST(${known} AS DOUBLE) AS mean_age,
	CASE WHEN ${known} > 1 THEN sqrt(CAST(${known} * ${s2} - ${s1} * ${s1} AS DOUBLE) / CAST(${known} * (${known} - 1) AS DOUBLE)) END AS sd_age,
	CAST(${middle(sql`lower_middle`)} + ${middle(sql`upper_middle`)} AS DOUBLE) / 2 AS median_age
FROM ranked
GROUP BY year
ORDER BY year`.publishing('year');
}
