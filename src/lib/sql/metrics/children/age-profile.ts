import type { Filters } from '$lib/domain/filters';
import { referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { financialYear } from '../../period-columns';
import { sql, type Sql } from '../../sql';
import { keyedAs, rowCount } from '../../keyed-count';

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
 * under 15, and the mean (with its standard deviation, for an interval) and median age at referral.
 */
export function ageProfileByYear(filters: Filters, youngerThan = YOUNGER_THAN): Sql {
	return sql`SELECT ${financialYear('referral_date')} AS year,
	${keyedAs('referrals', rowCount())},
	${keyedAs('younger', rowCount(sql`age_at_referral < ${youngerThan}`))},
	avg(age_at_referral) AS mean_age,
	stddev_samp(age_at_referral) AS sd_age,
	CAST(median(age_at_referral) AS DOUBLE) AS median_age
FROM ${referralFacts}
WHERE ${filterPredicate(filters, referralColumns)}
GROUP BY ALL
ORDER BY year`.publishing('year');
}
