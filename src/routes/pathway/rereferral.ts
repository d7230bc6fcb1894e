import { countNoun } from '$lib/format/count-noun';
import { formatPercent } from '$lib/format/number';
import type { Proportion } from '$lib/transform/proportions';

interface Row extends Proportion {
	intervention: string;
	label: string;
	children: number | null;
	re_referred: number | null;
}

/** Active title: the share of children referred again within 12 months of an intervention. */
export function rereferralTitle(rows: readonly Row[]): string {
	const any = rows.find((row) => row.intervention === 'any');
	if (!any || any.share === null) return 'Re-referral after an intervention';
	return `${formatPercent(any.share)} of children were referred again within 12 months of an intervention`;
}

/** One sentence: re-referral after any intervention, the highest and lowest kind, and the no-intervention group. */
export function summariseRereferral(rows: readonly Row[], incomplete: number): string {
	const any = rows.find((row) => row.intervention === 'any');
	if (!any || any.children === 0)
		return 'No children with an intervention and 12 months of follow-up match the current filters.';
	if (any.share === null)
		return 'Re-referral after an intervention is suppressed for the current filters (small numbers).';
	const kinds = rows
		.filter((row) => !['any', 'none'].includes(row.intervention) && row.share !== null)
		.sort((a, b) => b.share! - a.share!);
	const none = rows.find((row) => row.intervention === 'none');
	const range =
		kinds.length > 1
			? `; by kind, from ${formatPercent(kinds.at(-1)!.share!)} (${kinds.at(-1)!.label.toLowerCase()}) to ${formatPercent(kinds[0]!.share!)} (${kinds[0]!.label.toLowerCase()})`
			: '';
	const comparison =
		none && none.share !== null
			? `; ${formatPercent(none.share)} of children with no intervention were referred again (not a like-for-like comparison)`
			: '';
	const left =
		incomplete > 0
			? ` ${countNoun(incomplete, 'child', 'children')} with under 12 months of follow-up ${incomplete === 1 ? 'is' : 'are'} not counted.`
			: '';
	return `Of ${countNoun(any.children, 'child', 'children')} with an intervention followed up for 12 months, ${formatPercent(any.share)} (95% interval ${formatPercent(any.lower!)} to ${formatPercent(any.upper!)}) were referred again within 12 months${range}${comparison}.${left}`;
}
