import { countNoun } from '$lib/format/count-noun';
import { formatCount, formatPercent } from '$lib/format/number';
import type { BandShare } from './band-shares';

const count = (rows: readonly BandShare[], band: string) =>
	rows.find((row) => row.band === band)?.count ?? null;

/**
 * The numbers the durations title, summary and caption state that are not counts of episodes, by the words
 * that follow each: the bands' bounds ("1 or 2 days", "within 2 days", "under 24 hours"). Every other
 * number in them is a published count or is computed from published counts (in publication mode the total
 * is the sum of the perturbed bands).
 */
export const durationsNotCounts = ['or 2 days', 'to 2 days', 'days', 'hours'] as const;

/** Active title: the share of episodes that ended within 2 days. */
export function durationsTitle(rows: readonly BandShare[], total: number): string {
	const sameDay = count(rows, 'same_day');
	const short = count(rows, 'one_to_two');
	if (total === 0 || sameDay === null || short === null) return 'How long children were missing';
	return `${formatPercent((sameDay + short) / total)} of missing episodes ended within 2 days`;
}

/** One sentence: short episodes, long ones and open ones. */
export function summariseDurations(rows: readonly BandShare[], total: number): string {
	if (total === 0) return 'No missing episodes match the current filters.';
	const show = (band: string) => {
		const value = count(rows, band);
		return value === null ? 'c (suppressed)' : formatCount(value);
	};
	const share = (band: string) => {
		const value = count(rows, band);
		return value === null ? '' : ` (${formatPercent(value / total)})`;
	};
	const open = count(rows, 'still_missing');
	return `Of ${countNoun(total, 'episode')}, ${show('same_day')}${share('same_day')} ended the same day and ${show('one_to_two')}${share('one_to_two')} after 1 or 2 days; ${show('over_seven')} lasted more than a week, and ${open === 0 ? 'none is' : `${show('still_missing')} ${open === 1 ? 'is' : 'are'}`} still open (no return date).`;
}
