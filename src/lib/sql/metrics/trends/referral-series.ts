import type { Filters } from '$lib/domain/filters';
import { referralCohortCounting, referralCounts } from '../../cubes';
import { sql } from '../../sql';
import { seriesByArea, type SeriesQuery, type SeriesWindow } from './period-area-grid';

export { ALL_AREAS } from './period-area-grid';

export interface ReferralSeriesRow {
	/** First day of the month or quarter, yyyy-mm-dd. */
	period: string;
	/** A district code, or `all` for every (selected) district together. */
	area: string;
	referrals: number;
	/** Referrals of a child referred in the 12 months before (see derived.ts). */
	repeat_referrals: number;
	looked_after: number;
	looked_after_known: number;
	/** Referrals of children aged under 15 on the referral date. */
	under_15: number;
}

/**
 * Referrals, repeat referrals, looked-after and under-15 counts per month or financial quarter, for every
 * selected district and for all of them together, from the period containing `first` to the one containing
 * `last`, padded with zeros (by its `fillPeriods` reshape) where nothing was referred. The filters' own period applies too. Distinct children
 * are a separate, slower query (`childSeries`) so these charts need not wait for it.
 */
export function referralSeries(filters: Filters, window: SeriesWindow): SeriesQuery {
	const counts = referralCounts(filters, [], referralCohortCounting);
	return seriesByArea(
		filters,
		counts,
		{
			referrals: counts.referrals(),
			repeat_referrals: counts.repeatReferrals(),
			looked_after: counts.referrals(sql`looked_after`),
			looked_after_known: counts.referrals(sql`looked_after IS NOT NULL`),
			under_15: counts.under15()
		},
		window
	);
}
