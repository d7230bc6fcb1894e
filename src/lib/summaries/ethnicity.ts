import { ethnicities, type Ethnicity } from '$lib/contract';
import { formatPercent } from '$lib/format/number';
import type { EthnicityCount } from '$lib/sql/metrics/children/ethnicity';
import type { Published } from '$lib/publication/withheld';
import { countNounPhrase, publishShareRows, shareOf } from './share';

export interface EthnicityPoint {
	ethnicity: Ethnicity;
	label: string;
	referrals: number | null;
	/** Share of all referrals shown, with its 95% Wilson interval. */
	share: number | null;
	lower: number | null;
	upper: number | null;
}

export interface EthnicityView {
	points: Published<EthnicityPoint>[];
	title: string;
	summary: string;
}

/**
 * Referrals by ONS ethnic group (unknown included) as shares of all referrals with Wilson intervals. No
 * population comparison is made: that needs ONS ethnicity estimates for children by district, which the
 * reference data do not hold, and a denominator is never invented.
 */
export function ethnicityView(
	rows: readonly EthnicityCount[],
	{ publication }: { publication: boolean }
): EthnicityView {
	const total = rows.reduce((sum, row) => sum + row.referrals, 0);
	const filled = ethnicities.codes.map((code) => ({
		ethnicity: code,
		label: ethnicities.label(code),
		referrals: rows.find((row) => row.ethnicity === code)?.referrals ?? 0,
		total
	}));
	const published = publishShareRows(
		filled,
		{ count: 'referrals', denominator: 'total', derived: ['share', 'lower', 'upper'] },
		publication
	);
	const points = published.map(({ total: _total, ...row }): Published<EthnicityPoint> => ({
		...row,
		...shareOf(row.referrals, total)
	}));
	if (total === 0) {
		return {
			points: [],
			title: 'No referrals match the current filters',
			summary: 'No referrals match the current filters.'
		};
	}
	const known = points.filter((point) => point.ethnicity !== 'unknown' && point.share !== null);
	const top = known.reduce<EthnicityPoint | undefined>(
		(best, point) => (best === undefined || point.share! > best.share! ? point : best),
		undefined
	);
	const unknown = points.find((point) => point.ethnicity === 'unknown')!;
	const unknownText =
		unknown.share === null
			? 'the number with no ethnicity recorded is suppressed'
			: `${formatPercent(unknown.share)} have no ethnicity recorded`;
	const title = top
		? `${formatPercent(top.share!)} of referrals are of children recorded as ${top.label}; ${unknownText}`
		: 'Ethnic groups of referred children';
	const parts = points.map((point) =>
		point.share === null ? `${point.label} c (suppressed)` : `${point.label} ${formatPercent(point.share)}`
	);
	const summary = `Of ${countNounPhrase(total, publication, 'referral')}: ${parts.join('; ')}. No comparison with the child population is made: that needs ONS ethnicity estimates for children in each district, which are not loaded.`;
	return { points, title, summary };
}
