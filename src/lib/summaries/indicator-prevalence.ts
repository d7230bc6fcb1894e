import { indicators, type IndicatorColumn } from '$lib/contract';
import { formatPercent } from '$lib/format/number';
import type { PrevalenceCounts } from '$lib/sql/metrics/indicators/prevalence-by';
import type { Published } from '$lib/publication/withheld';
import { countNounPhrase, hidden, publishShareRows, shareOf } from './share';

/** The guidance wording and short label of an indicator column. */
export function indicatorLabels(column: IndicatorColumn): { label: string; short: string } {
	const indicator = indicators.find((candidate) => candidate.column === column);
	return { label: indicator?.label ?? column, short: indicator?.short ?? column };
}

/** A short indicator label as a name in running text: ‘Drug use’. */
export function quoted(short: string): string {
	return `‘${short}’`;
}

export interface PrevalencePoint {
	indicator: IndicatorColumn;
	/** Guidance wording. */
	label: string;
	short: string;
	present: number | null;
	assessed: number | null;
	/**
	 * Referrals on which the indicator was not assessed: the published referrals less the published assessed
	 * (never the true counts, which publication mode hides); null ("c") when that falls in 1–5.
	 */
	notAssessed: number | null;
	share: number | null;
	lower: number | null;
	upper: number | null;
}

export interface PrevalenceView {
	/** Most prevalent first (suppressed last). */
	points: Published<PrevalencePoint>[];
	title: string;
	summary: string;
}

/** The definition of prevalence, for captions and summaries. */
export const prevalenceDefinition =
	'An indicator counts as present at any level (low, medium, high, or present with no level); prevalence is the share of referrals on which it was assessed.';

/** Prevalence of each of the 12 indicators with Wilson intervals, most prevalent first. */
export function prevalenceView(
	rows: readonly PrevalenceCounts[],
	{ publication }: { publication: boolean }
): PrevalenceView {
	const referrals = rows[0]?.referrals ?? 0;
	if (referrals === 0) {
		return {
			points: [],
			title: 'No referrals match the current filters',
			summary: 'No referrals match the current filters.'
		};
	}
	const published = publishShareRows(
		rows,
		{ count: 'present', denominator: 'assessed', derived: ['share', 'lower', 'upper'] },
		publication
	);
	const points = published
		.map(({ referrals: all, ...row }): Published<PrevalencePoint> => {
			// Two perturbed counts can differ by less than nothing: not assessed is at least 0.
			const notAssessed = row.assessed === null ? null : Math.max(0, all - row.assessed);
			const withheld = notAssessed !== null && hidden(notAssessed, publication);
			return {
				...row,
				...indicatorLabels(row.indicator),
				notAssessed: withheld ? null : notAssessed,
				...shareOf(row.present, row.assessed),
				...(withheld ? { suppressed: { ...row.suppressed, notAssessed: 'c' as const } } : {})
			};
		})
		.sort((a, b) => (b.share ?? -1) - (a.share ?? -1));
	const shown = points.filter((point) => point.share !== null);
	const top = shown[0];
	const bottom = shown.at(-1);
	const title = top
		? `${top.label} is the most common indicator, present in ${formatPercent(top.share!)} of referrals assessed`
		: 'Prevalence of the 12 indicators';
	const leaders = shown
		.slice(0, 3)
		.map((point) => `${quoted(point.short)} (${formatPercent(point.share!)})`)
		.join(', ');
	const summary =
		top && bottom && top !== bottom
			? `Of ${countNounPhrase(referrals, publication, 'referral')}, the most common indicators were ${leaders}, and the least common ${quoted(bottom.short)} (${formatPercent(bottom.share!)}). ${prevalenceDefinition}`
			: `Of ${countNounPhrase(referrals, publication, 'referral')}: ${leaders || 'prevalence suppressed'}. ${prevalenceDefinition}`;
	return { points, title, summary };
}
