import { interventionKinds, type InterventionKind } from '$lib/contract';
import type { InterventionMixRow } from '$lib/sql/metrics/pathway/intervention-mix';
import type { DisclosureSymbol } from '$lib/publication/withheld';

export interface InterventionShare {
	group: string;
	groupLabel: string;
	intervention: InterventionKind;
	interventionLabel: string;
	referrals: number | null;
	/** Share of the group's referrals with an intervention kind recorded; null when suppressed. */
	share: number | null;
	suppressed?: Record<string, DisclosureSymbol>;
}

/**
 * The mix of intervention kinds within each group (age band, indicator count), as shares of the group's
 * referrals with a kind recorded; every group × kind cell is present (zero when none), in the orders given.
 * Unrecorded kinds are counted separately (`notRecorded`). Shares are of the counts as shown (in
 * publication mode perturbed at the seam).
 */
export function interventionShares(
	rows: readonly InterventionMixRow[],
	{ groups, groupLabel }: { groups: readonly string[]; groupLabel: (group: string) => string }
): { rows: InterventionShare[]; notRecorded: number } {
	const count = (group: string, kind: string) =>
		rows.find((row) => row.group === group && row.intervention === kind)?.referrals ?? 0;
	const present = groups.filter((group) => interventionKinds.codes.some((kind) => count(group, kind) > 0));
	const shares: InterventionShare[] = present.flatMap((group) => {
		const total = interventionKinds.codes.reduce((sum, kind) => sum + count(group, kind), 0);
		return interventionKinds.codes.map((kind) => ({
			group,
			groupLabel: groupLabel(group),
			intervention: kind,
			interventionLabel: interventionKinds.label(kind),
			referrals: count(group, kind),
			share: total > 0 ? count(group, kind) / total : null
		}));
	});
	const notRecorded = rows
		.filter((row) => row.intervention === 'not_recorded')
		.reduce((sum, row) => sum + row.referrals, 0);
	return {
		rows: shares,
		notRecorded
	};
}
