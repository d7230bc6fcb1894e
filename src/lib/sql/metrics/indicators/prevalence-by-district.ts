import type { Filters } from '$lib/domain/filters';
import { sql, type Sql } from '../../sql';
import { prevalenceBy, type PrevalenceCounts } from './prevalence-by';

export interface DistrictPrevalence extends PrevalenceCounts {
	district: string;
}

/**
 * Prevalence counts of each indicator per district. The district filter is left out: the heatmap
 * cross-filters by district, so it keeps every district and the page highlights the choice.
 */
export function indicatorPrevalenceByDistrict(filters: Filters): Sql {
	return prevalenceBy(filters, [{ name: 'district', expression: sql`district` }], ['districts']);
}
