import type { Filters } from '$lib/domain/filters';
import { sql, type Sql } from '../../sql';
import { prevalenceBy, type PrevalenceCounts } from './prevalence-by';

export interface QuarterPrevalence extends PrevalenceCounts {
	/** First day of the calendar quarter, yyyy-mm-dd. */
	quarter: string;
}

/** Prevalence counts of each indicator per calendar quarter. Quarters with no referrals are absent. */
export function indicatorPrevalenceByQuarter(filters: Filters): Sql {
	return prevalenceBy(filters, [
		{ name: 'quarter', expression: sql`CAST(date_trunc('quarter', month) AS DATE)` }
	]);
}
