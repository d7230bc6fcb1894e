import type { Filters } from '$lib/domain/filters';
import { referralAgeCube, referralCohortCube, rowCounts } from '../../cubes';
import { sql, type Sql } from '../../sql';
import { keyedAs } from '../../keyed-count';

export interface AgeGenderCount {
	/** Age in whole years at referral. */
	age: number;
	/** Gender code (contract `genders`). */
	gender: string;
	referrals: number;
}

/**
 * Referrals by single year of age at referral and gender, for the population pyramid. The gender filter is
 * left out: the pyramid cross-filters by gender, so it keeps both sides and the page highlights the choice.
 * From the age cube, else the cohort cube (an intervention or stage too), unless a filter needs the facts.
 */
export function referralsByAgeAndGender(filters: Filters): Sql {
	const counts = rowCounts([referralAgeCube, referralCohortCube], filters, ['genders']);
	return sql`SELECT age_at_referral AS age, CAST(gender AS VARCHAR) AS gender, ${keyedAs('referrals', counts.rows())}
FROM ${counts.from}
WHERE ${counts.where}
GROUP BY ALL
ORDER BY age, gender`.publishing('age');
}
