import { formatPercent } from '$lib/format/number';
import { proportionFunnelSignificance } from '$lib/stats';
import type { StageShare } from '$lib/transform/stage-shares';
import { listNames } from '$lib/summaries/list-names';

export interface GroupStageShare extends StageShare {
	groupLabel: string;
}

/**
 * Which districts differ significantly from the partnership in the share reaching one stage: a proportion
 * funnel (PHE: 99.8% limits) over the districts with published counts.
 */
export function stageOutliers(shares: readonly GroupStageShare[], stage: string) {
	const rows = shares.filter(
		(share) => share.stage === stage && share.reached !== null && share.recorded !== null
	);
	const significance = proportionFunnelSignificance(
		// Published counts are perturbed independently, so reached may exceed recorded: at most all of them.
		rows.map((row) => ({ numerator: Math.min(row.reached!, row.recorded!), denominator: row.recorded! }))
	);
	const at = (side: 'higher' | 'lower') =>
		rows.filter((_, index) => significance.units[index]?.at998 === side).map((row) => row.groupLabel);
	return { rows, baseline: significance.baseline, higher: at('higher'), lower: at('lower') };
}

/** Active title: the range of the MASE share across districts. */
export function stageByDistrictTitle(
	shares: readonly GroupStageShare[],
	stage: string,
	words: string
): string {
	const ranked = shares
		.filter((share) => share.stage === stage && share.share !== null)
		.sort((a, b) => b.share! - a.share!);
	const top = ranked[0];
	const bottom = ranked.at(-1);
	if (!top || !bottom || ranked.length < 2) return 'How far referrals go along the pathway, by district';
	return `${words} ranges from ${formatPercent(bottom.share!)} of referrals in ${bottom.groupLabel} to ${formatPercent(top.share!)} in ${top.groupLabel}`;
}

/** One sentence: districts significantly above or below the partnership share at one stage. */
export function summariseStageByDistrict(
	shares: readonly GroupStageShare[],
	stage: string,
	words: string
): string {
	const { rows, baseline, higher, lower } = stageOutliers(shares, stage);
	if (rows.length === 0 || baseline === null)
		return 'No referrals with a pathway stage match the current filters.';
	const parts = [`${words}: ${formatPercent(baseline)} of referrals across the partnership`];
	if (higher.length > 0) parts.push(`significantly higher in ${listNames(higher)}`);
	if (lower.length > 0) parts.push(`significantly lower in ${listNames(lower)}`);
	if (higher.length === 0 && lower.length === 0) parts.push('no district differs significantly');
	const hidden = shares.filter((share) => share.stage === stage && share.share === null).length;
	if (hidden > 0) parts.push(`${hidden} suppressed (small numbers)`);
	return `${parts.join('; ')} (funnel plot, 99.8% limits).`;
}
