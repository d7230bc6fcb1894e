import type { Filters } from '$lib/domain/filters';
import { episodeCounts } from '../../cubes';
import { seriesByArea, type SeriesQuery, type SeriesWindow } from '../trends/period-area-grid';

export interface EpisodeSeriesRow {
	/** First day of the month or quarter, yyyy-mm-dd. */
	period: string;
	/** A district code, or `all`. */
	area: string;
	episodes: number;
}

/**
 * Missing episodes (by start month) per month or quarter, for every selected district and all together,
 * padded with zeros (by its `fillPeriods` reshape) where none started. Only the filters that apply to episodes act.
 */
export function episodeSeries(filters: Filters, window: SeriesWindow): SeriesQuery {
	const counts = episodeCounts(filters);
	return seriesByArea(filters, counts, { episodes: counts.episodes() }, window);
}
