import { formatPercent } from '$lib/format/number';
import { periodEnd } from '$lib/domain/calendar';
import { formatQuarter, formatQuarterMonths, formatSpan } from '$lib/format/period';
import type { LookedAfterQuarter } from '$lib/sql/metrics/children/looked-after';
import { fillPeriods } from '$lib/transform/fill-periods';
import type { Published } from '$lib/transform/publish-counts';
import { formatPValue, proportionTrend, type ProportionTrend } from './proportion-trend';
import { formatShareWithInterval, hidden, publishShareRows, shareOf, type ShareEstimate } from './share';

export interface LookedAfterPoint {
	/** First day of the quarter. */
	quarter: string;
	/** "Apr–Jun 2024" */
	period: string;
	/** Whether the period shown covers the whole quarter (the first and last may not). */
	complete: boolean;
	referrals: number;
	looked_after: number | null;
	/** Referrals with looked-after status recorded. */
	known: number | null;
	share: number | null;
	lower: number | null;
	upper: number | null;
}

export interface LookedAfterView {
	points: Published<LookedAfterPoint>[];
	overall: ShareEstimate;
	trend: ProportionTrend;
	title: string;
	summary: string;
}

/**
 * The looked-after share of referrals per quarter (every quarter from `first` to `last`, empty ones
 * included), the overall share, and the chi-square test for trend across the quarters.
 */
export function lookedAfterView(
	rows: readonly LookedAfterQuarter[],
	{ publication, first, last }: { publication: boolean; first: string; last: string }
): LookedAfterView {
	const quarters = fillPeriods(rows, {
		grain: 'quarter',
		first,
		last,
		period: 'quarter',
		keys: {},
		values: ['referrals', 'looked_after', 'known']
	}) as LookedAfterQuarter[];
	const filled = quarters.map(({ quarter, referrals, looked_after, known }) => ({
		quarter,
		period: formatQuarter(quarter),
		complete: quarter >= first && periodEnd(quarter, 'quarter') <= last,
		referrals,
		looked_after,
		known
	}));
	const published = publishShareRows(
		filled,
		{ count: 'looked_after', denominator: 'known', derived: ['share', 'lower', 'upper'] },
		publication
	);
	const points = published.map((row): Published<LookedAfterPoint> => ({
		...row,
		...shareOf(row.looked_after, row.known)
	}));
	const lookedAfter = rows.reduce((sum, row) => sum + row.looked_after, 0);
	const known = rows.reduce((sum, row) => sum + row.known, 0);
	const overall =
		hidden(lookedAfter, publication) || hidden(known, publication)
			? shareOf(null, null)
			: shareOf(lookedAfter, known);
	const trend = proportionTrend(
		points.map((point, index) => ({ numerator: point.looked_after, denominator: point.known, score: index }))
	);
	if (known === 0) {
		const none =
			rows.length === 0
				? 'No referrals match the current filters'
				: 'Looked-after status is not recorded for these referrals';
		return { points: rows.length === 0 ? [] : points, overall, trend, title: none, summary: `${none}.` };
	}
	const since = formatQuarterMonths(points[0]!.quarter);
	const phrase =
		trend.direction === 'rising'
			? `rising significantly since ${since}`
			: trend.direction === 'falling'
				? `falling significantly since ${since}`
				: trend.direction === 'no significant change'
					? `with no significant change since ${since}`
					: 'too few quarters to test for a trend';
	const title =
		overall.share === null
			? `Looked-after share of referrals, ${phrase}`
			: `${formatPercent(overall.share)} of referrals are of looked-after children, ${phrase}`;
	const test =
		trend.pValue === null
			? 'There are too few quarters with the status recorded to test for a trend.'
			: `The chi-square test for trend across ${trend.periods} quarters finds ${
					trend.direction === 'no significant change'
						? 'no significant change'
						: `a significant ${trend.direction === 'rising' ? 'rise' : 'fall'}`
				} (${formatPValue(trend.pValue)}).`;
	const summary = `${formatShareWithInterval(overall)} of referrals with looked-after status recorded were of looked-after children, ${formatSpan(points[0]!.quarter, points.at(-1)!.quarter, 'quarter')}. ${test}`;
	return { points, overall, trend, title, summary };
}
