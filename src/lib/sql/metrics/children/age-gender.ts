import type { Filters } from '$lib/domain/filters';
import { referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { sql, type Sql } from '../../sql';
import { keyedAs, rowCount } from '../../keyed-count';

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
 */
export function referralsByAgeAndGender(filters: Filters): Sql {
	return sql`SELECT age_at_referral AS age, CAST(gender AS VARCHAR) AS gender, ${keyedAs('referrals', rowCount())}
FROM ${referralFacts}
WHERE ${filterPredicate(filters, referralColumns, ['genders'])}
GROUP BY ALL
ORDER BY age, gender`.publishing('age');
}
