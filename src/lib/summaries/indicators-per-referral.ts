import { indicatorColumns } from '$lib/contract';
import { formatDecimal, formatPercent } from '$lib/format/number';
import type { IndicatorsPerReferral } from '$lib/sql/metrics/indicators/indicators-per-referral';
import type { Published } from '$lib/publication/withheld';
import { countPhrase, countNounPhrase, publishShareRows, shareOf } from './share';

export interface PerReferralPoint {
	indicators: number;
	referrals: number | null;
	share: number | null;
}

export interface PerReferralView {
	/** Every count from 0 to 12. */
	points: Published<PerReferralPoint>[];
	median: number | null;
	mean: number | null;
	title: string;
	summary: string;
}

/** How many of the 12 indicators are present per referral: the distribution, median and mean. */
export function perReferralView(
	rows: readonly IndicatorsPerReferral[],
	{ publication }: { publication: boolean }
): PerReferralView {
	const total = rows.reduce((sum, row) => sum + row.referrals, 0);
	const filled = Array.from({ length: indicatorColumns.length + 1 }, (_, indicators) => ({
		indicators,
		referrals: rows.find((row) => row.indicators === indicators)?.referrals ?? 0,
		total
	}));
	if (total === 0) {
		return {
			points: [],
			median: null,
			mean: null,
			title: 'No referrals match the current filters',
			summary: 'No referrals match the current filters.'
		};
	}
	const published = publishShareRows(
		filled,
		{ count: 'referrals', denominator: 'total', derived: ['share'] },
		publication
	);
	const points = published.map(({ total: _total, ...row }): Published<PerReferralPoint> => ({
		...row,
		share: shareOf(row.referrals, total).share
	}));
	// The median and mean describe every referral: neither is a count, and neither reveals a small cell.
	let running = 0;
	const median = filled.find((row) => (running += row.referrals) >= total / 2)!.indicators;
	const mean = filled.reduce((sum, row) => sum + row.indicators * row.referrals, 0) / total;
	const none = points[0]!;
	const many = filled.filter((row) => row.indicators >= 6).reduce((sum, row) => sum + row.referrals, 0);
	const manyShare = countPhrase(many, publication) === 'a small number' ? null : many / total;
	const title =
		`The median referral has ${median} of the 12 indicators present` +
		(none.share !== null ? `; ${formatPercent(none.share)} have none` : '');
	const summary =
		`Of ${countNounPhrase(total, publication, 'referral')}, the median number of indicators present was ${median} and the mean ${formatDecimal(mean)}` +
		(none.share !== null ? `; ${formatPercent(none.share)} had none` : '') +
		(manyShare !== null ? ` and ${formatPercent(manyShare)} had 6 or more` : '') +
		'. Indicators not assessed count as not present.';
	return { points, median, mean, title, summary };
}
