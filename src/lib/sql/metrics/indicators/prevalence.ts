import type { Filters } from '$lib/domain/filters';
import type { Sql } from '../../sql';
import { prevalenceBy, type PrevalenceCounts } from './prevalence-by';

export type IndicatorPrevalence = PrevalenceCounts;

/** Prevalence counts of each of the 12 indicators under the filters, in the contract's order. */
export function indicatorPrevalence(filters: Filters): Sql {
	return prevalenceBy(filters, []);
}
