import { referralSources, type ReferralSource } from '$lib/contract';
import { formatPercent } from '$lib/format/number';
import type { SourceCount } from '$lib/sql/metrics/children/referral-source';
import type { Published } from '$lib/publication/withheld';
import { countPhrase, publishShareRows, shareOf } from './share';

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
	const [first, second] = points;
	const title =
		first?.share != null
			? `${first.label} made the most referrals (${formatPercent(first.share)})${
					second?.share != null
						? `, followed by ${second.label.toLowerCase()} (${formatPercent(second.share)})`
						: ''
				}`
			: 'Who made the referrals';
	const listed = points
		.filter((point) => point.share !== null && point.share > 0)
		.slice(0, 4)
		.map((point) => `${point.label} ${formatPercent(point.share!)}`);
	const summary = `Of ${countPhrase(total, publication)} referrals, the largest sources were ${listed.join(', ')}.`;
	return { points, title, summary };
}
