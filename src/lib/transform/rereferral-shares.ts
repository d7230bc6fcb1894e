import { interventionKinds } from '$lib/contract';
import type { RereferralRow } from '$lib/sql/metrics/pathway/rereferral-after-intervention';
import { withProportions } from './proportions';

const labels: Record<string, string> = {
	any: 'Any intervention',
	deter: interventionKinds.label('deter'),
	understand: interventionKinds.label('understand'),
	disrupt: interventionKinds.label('disrupt'),
	none: 'No intervention (comparison)'
};

/**
 * Children referred again within 12 months of an intervention, by kind: led by all kinds together ("any",
 * the sums of the kinds), then each kind, then the no-intervention group as a comparison; each with its
 * share and 95% Wilson interval (in publication mode of the published counts, perturbed at the seam).
 */
export function rereferralShares(rows: readonly RereferralRow[]) {
	const kinds = rows.filter((row) => row.intervention !== 'none');
	const sum = (key: 'children' | 're_referred' | 'follow_up_incomplete') =>
		kinds.reduce((total, row) => total + row[key], 0);
	const any: RereferralRow = {
		intervention: 'any',
		children: sum('children'),
		re_referred: sum('re_referred'),
		follow_up_incomplete: sum('follow_up_incomplete')
	};
	const ordered = ['any', ...interventionKinds.codes.filter((kind) => kind !== 'none'), 'none']
		.map((kind) => (kind === 'any' ? any : rows.find((row) => row.intervention === kind)))
		.filter((row): row is RereferralRow => row !== undefined)
		.map((row) => ({ ...row, label: labels[row.intervention] ?? row.intervention }));
	return withProportions(ordered, { numerator: 're_referred', denominator: 'children' });
}

/** A row of a re-referral chart. */
export type RereferralShare = ReturnType<typeof rereferralShares>[number];
