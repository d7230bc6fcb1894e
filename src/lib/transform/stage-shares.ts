import { pathwayStages, type PathwayStage } from '$lib/contract';
import type { PathwayFunnelRow } from '$lib/sql/metrics/pathway/pathway-funnel';
import type { DisclosureSymbol } from '$lib/publication/withheld';
import { wilsonInterval } from '$lib/stats';

export interface StageShare {
	group: string;
	stage: string;
	stageLabel: string;
	stage_index: number;
	/** Referrals that reached this stage (or went further); null when suppressed. */
	reached: number | null;
	/** Referrals with a stage recorded; null when suppressed. */
	recorded: number | null;
	share: number | null;
	lower: number | null;
	upper: number | null;
	suppressed?: Record<string, DisclosureSymbol>;
}

/**
 * The share of referrals reaching each pathway stage, with 95% Wilson intervals, per group, from the counts
 * as shown (in publication mode perturbed at the seam, so a share is of published counts).
 */
export function stageShares(rows: readonly PathwayFunnelRow[]): StageShare[] {
	const shares: StageShare[] = rows.map((row) => {
		const interval =
			row.recorded > 0 ? wilsonInterval(Math.min(row.reached, row.recorded), row.recorded) : null;
		return {
			group: row.group,
			stage: row.stage,
			stageLabel: pathwayStages.label(row.stage as PathwayStage),
			stage_index: row.stage_index,
			reached: row.reached,
			recorded: row.recorded,
			share: row.recorded > 0 ? Math.min(row.reached / row.recorded, 1) : null,
			lower: interval?.lower ?? null,
			upper: interval?.upper ?? null
		};
	});
	return shares;
}
