import type { Filters } from '$lib/domain/filters';
import { referralFacts } from '../../derived';
import { filterPredicate, referralColumns } from '../../filters';
import { seriesByArea, type SeriesQuery, type SeriesWindow } from './period-area-grid';
import { childCount } from '../../keyed-count';

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
 * zeros where nobody was referred. Distinct counts cannot be added up, so each area and period is counted
 * from the rows (the slowest query of the Trends page at 1M rows; it runs on its own).
 */
export function childSeries(filters: Filters, window: SeriesWindow): SeriesQuery {
	return seriesByArea(
		filters,
		{ from: referralFacts, where: filterPredicate(filters, referralColumns) },
		// Each group lies within one period, so a child counts by a plain sum there unless they have two rows in it.
		{ children: childCount(undefined, window.grain) },
		window
	);
}
