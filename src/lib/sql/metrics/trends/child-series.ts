import type { Filters } from '$lib/domain/filters';
import { childrenIn, referralChildCounting } from '../../child-cubes';
import { seriesByArea, type SeriesQuery, type SeriesWindow } from './period-area-grid';

export interface ChildSeriesRow {
	/** First day of the month or quarter, yyyy-mm-dd. */
	period: string;
	/** A district code, or `all`. */
	area: string;
	/** Distinct children referred: a child referred twice in a period counts once; all ≠ the districts' sum. */
	children: number;
}

/**
 * Distinct children referred per month or financial quarter, per selected district and all together, with
 * zeros where nobody was referred. Distinct counts cannot be added up: each area and period is counted from
 * the child cube of the grain (child-cubes.ts) when it answers the filters, otherwise from the rows (the
 * slowest query of the Trends page at 1M rows; it runs on its own).
 */
export function childSeries(filters: Filters, window: SeriesWindow): SeriesQuery {
	const { from, where, children } = childrenIn(referralChildCounting(window.grain), filters);
	return seriesByArea(filters, { from, where }, { children }, window);
}
