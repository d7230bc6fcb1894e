import { pathwayStages, type PathwayStage } from '$lib/contract';
import type { PathwayFunnelRow } from '$lib/sql/metrics/pathway/pathway-funnel';
import { wilsonInterval, type DisclosureSymbol } from '$lib/stats';
import { publishCounts } from '$lib/transform/publish-counts';

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
 * The share of referrals reaching each pathway stage, with 95% Wilson intervals, per group. In publication
 * mode each stage's counts across the groups are protected as a list with its total (the overall count is
 * published elsewhere), and a group whose own number of referrals (stage 1, reached by all) is suppressed
 * has every share suppressed, since each share would reveal it.
 */
export function stageShares(
	rows: readonly PathwayFunnelRow[],
	{ publication }: { publication: boolean }
): StageShare[] {
	let shares: StageShare[] = rows.map((row) => {
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
	if (!publication) return shares;
	const byStage = new Map<string, StageShare[]>();
	for (const share of shares) byStage.set(share.stage, [...(byStage.get(share.stage) ?? []), share]);
	const published = new Map<StageShare, StageShare>();
	for (const group of byStage.values()) {
		publishCounts(group, { count: 'reached', derived: ['share', 'lower', 'upper'] }).forEach((row, index) =>
			published.set(group[index]!, row)
		);
	}
	shares = shares.map((share) => published.get(share)!);
	const hiddenGroups = new Set(
		shares.filter((share) => share.stage_index === 0 && share.reached === null).map((share) => share.group)
	);
	return shares.map((share) =>
		hiddenGroups.has(share.group)
			? {
					...share,
					recorded: null,
					share: null,
					lower: null,
					upper: null,
					suppressed: { ...share.suppressed, recorded: 'c', share: 'c', lower: 'c', upper: 'c' }
				}
			: share
	);
}
