import type { Filters } from '$lib/domain/filters';
import { sql, type Sql } from '../../sql';
import { prevalenceBy, type PrevalenceCounts } from './prevalence-by';

export interface AgeGenderPrevalence extends PrevalenceCounts {
	age_band: string;
	gender: string;
}

/**
 * Prevalence counts of each indicator per age band and gender. The age-band filter is left out: the chart
 * cross-filters by age band, so it keeps every band and the page highlights the choice.
 */
export function indicatorPrevalenceByAgeAndGender(filters: Filters): Sql {
	return prevalenceBy(
		filters,
		[
			{ name: 'age_band', expression: sql`age_band` },
			{ name: 'gender', expression: sql`gender` }
		],
		['ageBands']
	);
}
