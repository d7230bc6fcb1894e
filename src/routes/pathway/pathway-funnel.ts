import { formatCount, formatPercent } from '$lib/format/number';
import type { StageShare } from '$lib/transform/stage-shares';
import type { PathwayStage } from '$lib/contract';
import { listNames } from '$lib/summaries/list-names';
import { stageVerbs } from './stage-labels';

const shareOf = (shares: readonly StageShare[], stage: string) =>
	shares.find((share) => share.stage === stage);
const pct = (share: StageShare | undefined) =>
	share?.share === null || share?.share === undefined ? 'c' : formatPercent(share.share);

/** Active title: how far referrals get (central list and MASE). */
export function pathwayFunnelTitle(shares: readonly StageShare[]): string {
	const central = shareOf(shares, 'central_list');
	const mase = shareOf(shares, 'mase_discussed');
	if (!central || central.share === null || !mase || mase.share === null)
		return 'How far referrals go along the pathway';
	return `${formatPercent(central.share)} of referrals reached the central list and ${formatPercent(mase.share)} were discussed at MASE`;
}

/** One sentence: the share reaching each stage after the referral itself, and referrals with no stage. */
export function summarisePathwayFunnel(shares: readonly StageShare[], notRecorded: number): string {
	const first = shares[0];
	if (!first || first.recorded === 0) return 'No referrals with a pathway stage match the current filters.';
	const steps = shares.slice(1).map((share) => `${pct(share)} ${stageVerbs[share.stage as PathwayStage]}`);
	const recorded = first.recorded === null ? 'c' : formatCount(first.recorded);
	const missing = notRecorded > 0 ? ` (${formatCount(notRecorded)} with no stage recorded are left out)` : '';
	return `Of ${recorded} referrals to the MASH with a stage recorded${missing}: ${listNames(steps)}.`;
}
