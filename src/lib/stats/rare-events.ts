import { mean } from './mean';

/**
 * The smallest mean count a period at which Sightline gives an SPC verdict on a series of counts. Below it
 * the counts are "rare events": most periods are 0, 1 or 2, a single event moves a point across a near
 * limit, and a run of empty periods sits below the mean by construction, so the XmR rules flag noise.
 *
 * NHS England's Making Data Count advises charting the time between rare events (a t-chart) or the number
 * of cases between them (a g-chart) instead of their monthly count; Wheeler ("Working with rare events",
 * Quality Digest, 2011) shows count charts losing their meaning as the average count falls towards 1.
 * The threshold of 2 is Sightline's choice, stated on the Methods page: a series under it shows its counts
 * with no limits and no verdict, and the page suggests quarters or a wider group.
 */
export const RARE_EVENT_MEAN = 2;

/** True when a series of counts is too sparse for an SPC verdict: its mean is below {@link RARE_EVENT_MEAN}. */
export function isRareEventSeries(counts: readonly number[]): boolean {
	return counts.length > 0 && mean(counts) < RARE_EVENT_MEAN;
}
