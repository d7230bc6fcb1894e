import { countNoun } from '$lib/format/count-noun';
import { interventionKinds, type InterventionKind } from '$lib/contract';
import { formatPercent } from '$lib/format/number';
import { compareProportions } from '$lib/stats';
import type { InterventionShare } from '$lib/transform/intervention-shares';

/** Groups smaller than this are not compared (their shares are too uncertain to headline). */
const MIN_GROUP = 20;

/** How a group reads in a sentence: "aged 10 to 12", "with 9 to 12 indicators". */
export type GroupPhrase = (groupLabel: string) => string;

function extremes(rows: readonly InterventionShare[], kind: InterventionKind) {
	const groups = [...new Set(rows.map((row) => row.group))].map((group) => {
		const own = rows.filter((row) => row.group === group);
		const total = own.reduce((sum, row) => sum + (row.referrals ?? 0), 0);
		const hidden = own.some((row) => row.referrals === null);
		const cell = own.find((row) => row.intervention === kind);
		return {
			label: own[0]!.groupLabel,
			total,
			hidden,
			count: cell?.referrals ?? null,
			share: cell?.share ?? null
		};
	});
	const usable = groups
		.filter(
			(group) => !group.hidden && group.total >= MIN_GROUP && group.count !== null && group.share !== null
		)
		.sort((a, b) => b.share! - a.share!);
	if (usable.length < 2) return null;
	const top = usable[0]!;
	const bottom = usable.at(-1)!;
	const comparison = compareProportions(
		{ numerator: top.count!, denominator: top.total },
		{ numerator: bottom.count!, denominator: bottom.total }
	);
	return { top, bottom, comparison };
}

const kindWords = (kind: InterventionKind) => {
	const label = interventionKinds.label(kind);
	return `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
};

/** Active title: where one intervention kind is offered most and least, when the difference is significant. */
export function interventionMixTitle(
	rows: readonly InterventionShare[],
	kind: InterventionKind,
	noun: string,
	phrase: GroupPhrase
): string {
	const found = extremes(rows, kind);
	if (!found) return `Intervention kind by ${noun}`;
	const { top, bottom, comparison } = found;
	if (comparison.verdict !== 'significantly higher')
		return `The mix of interventions is similar across ${noun}s`;
	return `${interventionKinds.label(kind)}: ${formatPercent(top.share!)} of referrals ${phrase(top.label)}, ${formatPercent(bottom.share!)} ${phrase(bottom.label)}`;
}

/** One sentence: the highest and lowest share of one kind across groups, with the significance of the gap. */
export function summariseInterventionMix(
	rows: readonly InterventionShare[],
	kind: InterventionKind,
	noun: string,
	phrase: GroupPhrase,
	notRecorded: number
): string {
	const found = extremes(rows, kind);
	const missing =
		notRecorded > 0
			? ` ${countNoun(notRecorded, 'referral')} with no intervention recorded ${notRecorded === 1 ? 'is' : 'are'} left out.`
			: '';
	if (!found) return `Too few referrals to compare the intervention mix by ${noun}.${missing}`;
	const { top, bottom, comparison } = found;
	const difference =
		comparison.verdict === 'significantly higher'
			? 'a significant difference'
			: 'not a significant difference';
	return `Programmes ${kindWords(kind)} were offered in ${formatPercent(top.share!)} of referrals ${phrase(top.label)} and ${formatPercent(bottom.share!)} ${phrase(bottom.label)}, ${difference} (95% interval for the gap ${formatPercent(comparison.lower!)} to ${formatPercent(comparison.upper!)}); groups under ${MIN_GROUP} referrals are not compared.${missing}`;
}
