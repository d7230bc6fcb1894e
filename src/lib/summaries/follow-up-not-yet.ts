import { addDays, addYears, periodEnd, periodStart } from '$lib/domain/calendar';
import { formatDayRange, formatMonth } from '$lib/format/date';
import { formatPeriod } from '$lib/format/period';

/** The shown days in words: a whole calendar quarter by its months, any other span by its days. */
function shownInWords(first: string, last: string): string {
	const quarter = periodStart(first, 'quarter');
	return quarter === first && periodEnd(quarter, 'quarter') === last
		? formatPeriod(first, 'quarter')
		: formatDayRange(first, last);
}

/**
 * Why a re-referral chart has nothing to draw when no child referred in the period has yet had 12 months
 * of data after the referral: the outcome cannot be known yet, not "nothing matches". Says when the first
 * of them will reach 12 months, and the latest whole quarter that has a full year of follow-up, so the
 * reader knows which earlier quarter to choose. A referral is followed up when the day 12 months after it
 * is on or before the last referral loaded (`followedUp` in sql/derived.ts).
 */
export function followUpNotYet(shown: { first: string; last: string }, lastLoaded: string): string {
	const reached = formatMonth(addYears(shown.first, 1));
	const cut = addYears(lastLoaded, -1);
	const quarter = periodStart(cut, 'quarter');
	// The quarter holding that day is whole only if it ends on it; otherwise the one before is the latest.
	const latest =
		periodEnd(quarter, 'quarter') <= cut ? quarter : periodStart(addDays(quarter, -1), 'quarter');
	return `Re-referral within 12 months cannot be known yet for ${shownInWords(shown.first, shown.last)}: the first children referred then reach 12 months in ${reached}. The latest quarter with a full year of follow-up is ${formatPeriod(latest, 'quarter')}.`;
}
