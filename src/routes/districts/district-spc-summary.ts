import type { DistrictSpc } from './district-spc';
import { listNames, plural } from '$lib/summaries/list-names';
import { RARE_EVENT_MEAN } from '$lib/stats';

const highs = (series: readonly DistrictSpc[]) =>
	series
		.filter((item) => item.recentHigh > 0)
		.sort((a, b) => b.recentHigh - a.recentHigh || b.recentAboveLimit - a.recentAboveLimit);
const lows = (series: readonly DistrictSpc[]) =>
	series.filter((item) => item.recentLow > 0 && item.recentHigh === 0);

/** Active title for the SPC small multiples: which districts show special cause variation recently. */
export function districtSpcTitle(series: readonly DistrictSpc[]): string {
	const high = highs(series);
	if (high.length > 0)
		return `${listNames(high.map((item) => item.districtLabel))}: special cause variation, referrals high in recent months`;
	const low = lows(series);
	if (low.length > 0)
		return `${listNames(low.map((item) => item.districtLabel))}: special cause variation, referrals low in recent months`;
	if (series.some((item) => item.rare))
		return 'No district shows special cause variation in recent months where referrals are frequent enough for SPC';
	return 'Monthly referrals in every district show common cause variation only in recent months';
}

/**
 * The numbers `summariseDistrictSpc` states that are not counts of records, by the words that follow each:
 * how many of a district's recent months were flagged, how many of those were above the upper limit, how
 * many months were looked at, and the rare-event threshold. They count months, not children or referrals;
 * the referral counts behind them are the published ones in publication mode.
 */
export const districtSpcNotCounts = [
	'of its last',
	'complete month',
	'above the upper process limit',
	'a month'
] as const;

/** One sentence naming each district with special-cause months among its recent complete months. */
export function summariseDistrictSpc(series: readonly DistrictSpc[]): string {
	if (series.length === 0) return 'No referrals match the current filters.';
	const months = Math.max(...series.map((item) => item.recentMonths));
	const parts = highs(series).map((item) => {
		const above = item.recentAboveLimit > 0 ? `, ${item.recentAboveLimit} above the upper process limit` : '';
		return `${item.districtLabel} had ${item.recentHigh} of its last ${plural(item.recentMonths, 'complete month')} flagged high${above}`;
	});
	for (const item of lows(series))
		parts.push(
			`${item.districtLabel} had ${item.recentLow} of its last ${plural(item.recentMonths, 'complete month')} flagged low`
		);
	const flagged = new Set([...highs(series), ...lows(series)].map((item) => item.district));
	const rare = series.filter((item) => item.rare);
	const others = series.filter((item) => !flagged.has(item.district) && !item.rare);
	if (others.length > 0)
		parts.push(
			`${flagged.size === 0 && rare.length === 0 ? 'every district shows' : `${listNames(others.map((item) => item.districtLabel))} ${others.length === 1 ? 'shows' : 'show'}`} only common cause variation in the last ${plural(months, 'complete month')}`
		);
	if (rare.length > 0)
		parts.push(
			`${listNames(rare.map((item) => item.districtLabel))} ${rare.length === 1 ? 'has' : 'have'} too few referrals for an SPC verdict (rare events: a mean under ${RARE_EVENT_MEAN} a month)`
		);
	const text = parts.join('; ');
	return `${text.charAt(0).toUpperCase()}${text.slice(1)} (XmR, Making Data Count rules).`;
}
