import { referralSources, type ReferralSource } from '$lib/contract';
import { formatPercent } from '$lib/format/number';
import type { SourceCount } from '$lib/sql/metrics/children/referral-source';
import type { Published } from '$lib/publication/withheld';
import { listNames } from './list-names';
import { countNounPhrase, publishShareRows, shareOf } from './share';

export interface SourcePoint {
	source: ReferralSource;
	label: string;
	referrals: number | null;
	share: number | null;
	lower: number | null;
	upper: number | null;
}

export interface SourceView {
	/** Every source, most referrals first (suppressed ones last). */
	points: Published<SourcePoint>[];
	title: string;
	summary: string;
}

/** Referrals by who made them, as shares of all referrals with Wilson intervals, most first. */
export function referralSourceView(
	rows: readonly SourceCount[],
	{ publication }: { publication: boolean }
): SourceView {
	const total = rows.reduce((sum, row) => sum + row.referrals, 0);
	if (total === 0) {
		return {
			points: [],
			title: 'No referrals match the current filters',
			summary: 'No referrals match the current filters.'
		};
	}
	const filled = referralSources.codes.map((code) => ({
		source: code,
		label: referralSources.label(code),
		referrals: rows.find((row) => row.source === code)?.referrals ?? 0,
		total
	}));
	const published = publishShareRows(
		filled,
		{ count: 'referrals', denominator: 'total', derived: ['share', 'lower', 'upper'] },
		publication
	);
	const points = published
		.map(({ total: _total, ...row }): Published<SourcePoint> => ({
			...row,
			...shareOf(row.referrals, total)
		}))
		.sort((a, b) => (b.referrals ?? -1) - (a.referrals ?? -1));
	const title = leadersTitle(points);
	const listed = points
		.filter((point) => point.share !== null && point.share > 0)
		.slice(0, 4)
		.map((point) => `${point.label} ${formatPercent(point.share!)}`);
	const summary = `Of ${countNounPhrase(total, publication, 'referral')}, the largest sources were ${listed.join(', ')}.`;
	return { points, title, summary };
}

/**
 * "Police made the most referrals (32.4%), followed by schools (23.5%)". Sources with the same count are a
 * tie and said as one ("Schools and local authority services made the most referrals (22.2% each)"), never
 * as a leader "followed by" an equal; when the runner-up's share only rounds to the leader's, "just ahead of"
 * says why two equal-looking figures are ranked.
 */
function leadersTitle(points: readonly Published<SourcePoint>[]): string {
	const shown = points.filter((point) => point.share !== null && point.referrals !== null);
	const first = shown[0];
	if (!first) return 'Who made the referrals';
	const joint = shown.filter((point) => point.referrals === first.referrals);
	const names = joint.map((point, index) => (index === 0 ? point.label : point.label.toLowerCase()));
	if (joint.length > 1)
		return `${listNames(names)} made the most referrals (${formatPercent(first.share!)} each)`;
	const second = shown[1];
	if (!second) return `${first.label} made the most referrals (${formatPercent(first.share!)})`;
	const ahead =
		formatPercent(second.share!) === formatPercent(first.share!) ? 'just ahead of' : 'followed by';
	const seconds = shown.filter((point) => point.referrals === second.referrals);
	return `${first.label} made the most referrals (${formatPercent(first.share!)}), ${ahead} ${listNames(
		seconds.map((point) => point.label.toLowerCase())
	)} (${formatPercent(second.share!)}${seconds.length > 1 ? ' each' : ''})`;
}
