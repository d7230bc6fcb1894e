import { indicatorColumns, type IndicatorColumn } from '$lib/contract';
import { formatPercent } from '$lib/format/number';
import { periodRange } from '$lib/domain/calendar';
import { formatQuarter, formatSpan } from '$lib/format/period';
import type { QuarterPrevalence } from '$lib/sql/metrics/indicators/prevalence-by-quarter';
import { fillPeriods } from '$lib/transform/fill-periods';
import type { Published } from '$lib/transform/publish-counts';
import { indicatorLabels, quoted } from './indicator-prevalence';
import { proportionTrend, type ProportionTrend } from './proportion-trend';
import { publishShareRows, shareOf } from './share';

/** Twelve series are tested at once, so a trend must pass at 99.8% (as Fingertips does) to be named. */
export const TREND_CONFIDENCE = 0.998;

export interface TrendPoint {
	quarter: string;
	period: string;
	indicator: IndicatorColumn;
	label: string;
	short: string;
	present: number | null;
	assessed: number | null;
	share: number | null;
	lower: number | null;
	upper: number | null;
}

export interface IndicatorTrendView {
	points: Published<TrendPoint>[];
	periods: string[];
	trends: Map<IndicatorColumn, ProportionTrend>;
	title: string;
	summary: string;
}

/** Quarterly prevalence of each indicator with Wilson intervals, and a trend test per indicator. */
export function indicatorTrendView(
	rows: readonly QuarterPrevalence[],
	{ publication, first, last }: { publication: boolean; first: string; last: string }
): IndicatorTrendView {
	const quarters = periodRange(first, last, 'quarter');
	const periods = quarters.map(formatQuarter);
	const padded = fillPeriods(rows, {
		grain: 'quarter',
		first,
		last,
		period: 'quarter',
		keys: { indicator: indicatorColumns },
		values: ['present', 'assessed']
	}) as QuarterPrevalence[];
	// Indicator by indicator, each in quarter order: the order the chart and its table list them.
	const filled = indicatorColumns.flatMap((indicator) =>
		padded
			.filter((row) => row.indicator === indicator)
			.map(({ quarter, present, assessed }) => ({
				quarter,
				period: formatQuarter(quarter),
				indicator,
				present,
				assessed
			}))
	);
	const published = publishShareRows(
		filled,
		{
			count: 'present',
			denominator: 'assessed',
			rowKey: 'quarter',
			columnKey: 'indicator',
			derived: ['share', 'lower', 'upper']
		},
		publication
	);
	const points = published.map((row): Published<TrendPoint> => ({
		...row,
		...indicatorLabels(row.indicator),
		...shareOf(row.present, row.assessed)
	}));
	const trends = new Map(
		indicatorColumns.map((indicator) => [
			indicator,
			proportionTrend(
				points
					.filter((point) => point.indicator === indicator)
					.map((point, index) => ({ numerator: point.present, denominator: point.assessed, score: index })),
				TREND_CONFIDENCE
			)
		])
	);
	if (rows.length === 0) {
		return {
			points: [],
			periods,
			trends,
			title: 'No referrals match the current filters',
			summary: 'No referrals match the current filters.'
		};
	}
	const named = (direction: 'rising' | 'falling') =>
		indicatorColumns
			.filter((indicator) => trends.get(indicator)?.direction === direction)
			.map((indicator) => quoted(indicatorLabels(indicator).short));
	const rising = named('rising');
	const falling = named('falling');
	const list = (items: string[]) =>
		items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
	const span = formatSpan(quarters[0]!, quarters.at(-1)!, 'quarter');
	const title =
		rising.length + falling.length === 0
			? `No indicator’s prevalence changed significantly ${span}`
			: [
					rising.length > 0 ? `${list(rising)} rose significantly` : undefined,
					falling.length > 0 ? `${list(falling)} fell significantly` : undefined
				]
					.filter(Boolean)
					.join('; ') + ` ${span}`;
	const change = (indicator: IndicatorColumn) => {
		const series = points.filter((point) => point.indicator === indicator && point.share !== null);
		const a = series[0];
		const b = series.at(-1);
		return a && b
			? `${quoted(indicatorLabels(indicator).short)} from ${formatPercent(a.share!)} to ${formatPercent(b.share!)}`
			: quoted(indicatorLabels(indicator).short);
	};
	const changed = indicatorColumns.filter((indicator) => {
		const direction = trends.get(indicator)?.direction;
		return direction === 'rising' || direction === 'falling';
	});
	const summary =
		`Quarterly prevalence of each indicator ${span}, tested with the chi-square test for trend at 99.8% confidence because twelve indicators are tested at once: ` +
		(changed.length === 0 ? 'none changed significantly.' : `${changed.map(change).join('; ')}.`);
	return { points, periods, trends, title, summary };
}
