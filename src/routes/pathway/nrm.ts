import { countNoun } from '$lib/format/count-noun';
import { formatCount, formatPercent } from '$lib/format/number';
import type { Proportion } from '$lib/transform/proportions';

interface Overall extends Proportion {
	nrm: number | null;
	recorded: number | null;
}

/** Active title: the share of referrals that led to an NRM referral. */
export function nrmTitle(overall: Overall | undefined): string {
	if (!overall || overall.share === null) return 'National Referral Mechanism referrals';
	return `${formatPercent(overall.share)} of referrals led to a National Referral Mechanism referral`;
}

/** One sentence: the overall NRM share with its interval, and the latest quarter against a year earlier. */
export function summariseNrm(overall: Overall | undefined, latest: string | null): string {
	if (!overall || overall.recorded === 0)
		return 'No referrals with the NRM recorded match the current filters.';
	if (overall.share === null) return 'The NRM share is suppressed for the current filters (small numbers).';
	const base = `${overall.nrm === null ? 'c' : formatCount(overall.nrm)} of ${countNoun(overall.recorded, 'referral')} (${formatPercent(overall.share)}, 95% interval ${formatPercent(overall.lower!)} to ${formatPercent(overall.upper!)}) led to an NRM referral`;
	return `${base}${latest ? `. ${latest}` : ''}.`;
}
