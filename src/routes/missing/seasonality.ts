import { formatDecimal, formatDecimal2 } from '$lib/format/number';
import type { SeasonalPattern } from './seasonal-pattern';

const ratio = formatDecimal2;

/** Active title: whether episodes peak in summer (by the rate-ratio test), and the busiest calendar month. */
export function seasonalityTitle(pattern: SeasonalPattern): string {
	const { comparison, peak } = pattern;
	if (!comparison || !peak) return 'Missing episodes by calendar month';
	if (comparison.verdict === 'significantly higher')
		return `Missing episodes peak in summer: ${peak.name} is the busiest month`;
	if (comparison.verdict === 'significantly lower')
		return 'Missing episodes are fewer in summer than in the rest of the year';
	return `No significant summer peak in missing episodes; ${peak.name} is the busiest month`;
}

/** One sentence: summer against the other months, with the rate ratio and its interval, and the peak month. */
export function summariseSeasonality(pattern: SeasonalPattern): string {
	const { comparison, peak } = pattern;
	if (!comparison || !peak || comparison.ratio === null)
		return 'Too few missing episodes (or too short a period) to compare the seasons.';
	const lead = {
		'significantly higher': ['Missing episodes peak in summer', 'significantly more'],
		'significantly lower': ['Missing episodes are fewer in summer', 'significantly fewer'],
		'not significantly different': [
			'Missing episodes show no significant summer peak',
			'not a significant difference'
		],
		'cannot be calculated': ['Missing episodes by season', 'not tested']
	}[comparison.verdict];
	const interval =
		comparison.lower !== null && comparison.upper !== null && Number.isFinite(comparison.upper)
			? ` (95% interval ${ratio(comparison.lower)} to ${ratio(comparison.upper)})`
			: '';
	return `${lead[0]}: June to August averaged ${formatDecimal(comparison.current)} episodes a month against ${formatDecimal(comparison.previous)} in the other months, ${ratio(comparison.ratio)} times as many${interval}, ${lead[1]}; ${peak.name} is the busiest month on average (${formatDecimal(peak.average!)}).`;
}
