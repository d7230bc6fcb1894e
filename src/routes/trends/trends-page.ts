import { decimalCell } from '$lib/page/cell-format';
import { xmrChart } from '$lib/charts/xmr-chart';
import { districts, type District } from '$lib/contract';
import { formatDayRange } from '$lib/format/date';
import { formatCount } from '$lib/format/number';
import { formatPeriod } from '$lib/format/period';
import type { ChartSpec } from '$lib/page/chart-spec';
import { definePage, type Ask, type PageContext } from '$lib/page/define-page';
import { childSeries, type ChildSeriesRow } from '$lib/sql/metrics/trends/child-series';
import { referralSeries, type ReferralSeriesRow } from '$lib/sql/metrics/trends/referral-series';
import { describeSpc } from '$lib/summaries/describe-spc';
import { measures, type Measure } from '$lib/summaries/measures';
import { collectSpcSignals, signalSubject } from '$lib/summaries/signal-list';
import { spcTableRows, type SpcTableRow } from '$lib/summaries/special-cause';
import type { SpcSignal } from '$lib/summaries/spc-signals';
import { periodStart, type Grain } from '$lib/domain/calendar';
import { lookbackStart, measureSeries, type Coverage } from '$lib/transform/measure-series';
import type { SpcSeries } from '$lib/transform/spc-series';

/** One measure's SPC series for every area (all districts first), with the special causes found in them. */
interface MeasureTrend {
	measure: Measure;
	series: SpcSeries[];
	signals: SpcSignal[];
}

/** What the two charts of a measure share. */
interface TrendChartContext {
	grain: Grain;
	coverage: Coverage & { from: string };
	dataStart: string;
	allSelected: boolean;
}

const level = decimalCell;

function columns(measure: Measure, grain: Grain): ChartSpec<SpcTableRow>['columns'] {
	return [
		{
			key: 'period',
			label: grain === 'month' ? 'Month' : 'Financial quarter',
			format: (value) => formatPeriod(String(value), grain)
		},
		{ key: 'areaLabel', label: 'Area' },
		{
			key: 'value',
			label: measure.label,
			numeric: true,
			format: (value, row) => (value === null ? (row.suppressed?.value ?? '') : formatCount(Number(value)))
		},
		{ key: 'mean', label: 'Mean', numeric: true, format: level },
		{ key: 'lpl', label: 'Lower limit', numeric: true, format: level },
		{ key: 'upl', label: 'Upper limit', numeric: true, format: level },
		{ key: 'spc', label: 'SPC' }
	];
}

function caption(measure: Measure, scope: string, { grain, coverage, dataStart }: TrendChartContext): string {
	const unit = grain === 'month' ? 'month' : 'financial quarter';
	const what =
		measure.key === 'children'
			? 'Children referred (each child counted once per period)'
			: measure.key === 'repeat_referrals'
				? 'Repeat referrals (the child was referred in the 12 months before)'
				: 'Exploitation referrals to the MASH';
	const lookback =
		measure.key === 'repeat_referrals'
			? ` Periods before ${formatPeriod(lookbackStart(dataStart), 'month')} have no full 12-month look-back in the data and are left out of the limits.`
			: '';
	return `${what} per ${unit}, ${scope}, ${formatDayRange(coverage.from, coverage.to)}, with XmR limits (Making Data Count); a period only partly covered by the data or the filters is marked incomplete and left out of the limits.${lookback}`;
}

/** A measure's series for every area, in publication mode protected first, and its special causes. */
function measureTrend<Row extends { period: string; area: string }>(
	measure: Measure,
	rows: readonly Row[],
	count: (row: Row) => number,
	{ grain, coverage, allSelected }: TrendChartContext,
	publication: boolean,
	lookbackFrom?: string
): MeasureTrend {
	const label = (area: string) =>
		area === 'all'
			? allSelected
				? 'All districts'
				: 'Selected districts'
			: districts.label(area as District);
	const series = measureSeries(rows, {
		grain,
		label,
		coverage,
		publication,
		count,
		...(lookbackFrom !== undefined ? { lookbackFrom } : {})
	});
	return { measure, series, signals: collectSpcSignals([{ measure, series }], allSelected) };
}

/**
 * One XmR chart of a measure: all districts together (`overall`) or the district small multiples, whose
 * panels cross-filter by district.
 */
function trendChart(
	trend: MeasureTrend,
	part: 'overall' | 'byDistrict',
	context: TrendChartContext,
	toggle: PageContext['toggle']
): ChartSpec<SpcTableRow> {
	const { measure } = trend;
	const { allSelected, coverage, grain } = context;
	const inPart = (area: string) => (part === 'overall' ? area === 'all' : area !== 'all');
	const series = trend.series.filter((one) => inPart(one.area));
	const text = describeSpc(
		series,
		trend.signals.filter((signal) => inPart(signal.area)),
		{
			measure,
			subject: (one) => signalSubject(measure, one, allSelected),
			firstDay: coverage.from,
			lastDay: coverage.to
		}
	);
	const yLabel = `${measure.label} a ${grain}`;
	return {
		title: text.title,
		summary: text.summary,
		caption: caption(
			measure,
			part === 'overall'
				? allSelected
					? 'all districts'
					: 'the selected districts together'
				: 'by district of the child, each with its own limits',
			context
		),
		rows: spcTableRows(series),
		columns: columns(measure, grain),
		render: (width) =>
			part === 'overall'
				? xmrChart(series, { width, label: text.summary, kind: 'count', yLabel })
				: xmrChart(series, {
						width,
						label: text.summary,
						kind: 'count',
						yLabel,
						onSelect: (area) => toggle('districts', area)
					})
	};
}

/**
 * Trends: referrals, children referred and repeat referrals per month or financial quarter, each for all
 * districts together and by district, with XmR limits over the period the filters and the data cover.
 */
export const trendsPage = definePage()
	.derive('last', ({ extent }) => extent?.last_referral ?? undefined)
	.derive('dataStart', ({ extent }) =>
		extent?.first_referral ? periodStart(extent.first_referral, 'month') : undefined
	)
	// The filters' period, clipped to the data: a period partly outside it is drawn but marked incomplete.
	.derive('coverage', ({ filters, dataStart, last, gaps }) =>
		dataStart && last
			? {
					from: filters.from !== undefined && filters.from > dataStart ? filters.from : dataStart,
					to: filters.to !== undefined && filters.to < last ? filters.to : last,
					gaps: gaps.referrals
				}
			: undefined
	)
	.derive('hasDays', ({ coverage }) => coverage !== undefined && coverage.from <= coverage.to)
	.query('referralRows', ({ filters, grain, coverage, hasDays }): Ask<ReferralSeriesRow> =>
		coverage && hasDays
			? referralSeries(filters, { grain, first: coverage.from, last: coverage.to })
			: undefined
	)
	// Distinct children are the slowest count: a query of their own, so the other charts need not wait.
	.query('childRows', ({ filters, grain, coverage, hasDays }): Ask<ChildSeriesRow> =>
		coverage && hasDays ? childSeries(filters, { grain, first: coverage.from, last: coverage.to }) : undefined
	)
	.derive('allSelected', ({ filters }) => filters.districts === undefined)
	// What every chart shares; undefined until the data is loaded, when the page shows no chart.
	.derive('chartContext', ({ grain, coverage, dataStart, allSelected }): TrendChartContext | undefined =>
		coverage && dataStart ? { grain, coverage, dataStart, allSelected } : undefined
	)
	// A query with no days to ask about does not run: never show the rows of an earlier view.
	.derive('referralTrend', ({ chartContext, publication, hasDays, referralRows }) =>
		chartContext
			? measureTrend(
					measures.referrals as Measure,
					hasDays ? (referralRows.rows ?? []) : [],
					(row) => row.referrals,
					chartContext,
					publication
				)
			: undefined
	)
	.derive('childTrend', ({ chartContext, publication, hasDays, childRows }) =>
		chartContext
			? measureTrend(
					measures.children as Measure,
					hasDays ? (childRows.rows ?? []) : [],
					(row) => row.children,
					chartContext,
					publication
				)
			: undefined
	)
	.derive('repeatTrend', ({ chartContext, publication, hasDays, referralRows }) =>
		chartContext
			? measureTrend(
					measures.repeat_referrals as Measure,
					hasDays ? (referralRows.rows ?? []) : [],
					(row) => row.repeat_referrals,
					chartContext,
					publication,
					lookbackStart(chartContext.dataStart)
				)
			: undefined
	)
	.derive('referralOverall', ({ referralTrend, chartContext, toggle }) =>
		referralTrend && chartContext ? trendChart(referralTrend, 'overall', chartContext, toggle) : undefined
	)
	.derive('referralByDistrict', ({ referralTrend, chartContext, toggle }) =>
		referralTrend && chartContext ? trendChart(referralTrend, 'byDistrict', chartContext, toggle) : undefined
	)
	.derive('childOverall', ({ childTrend, chartContext, toggle }) =>
		childTrend && chartContext ? trendChart(childTrend, 'overall', chartContext, toggle) : undefined
	)
	.derive('childByDistrict', ({ childTrend, chartContext, toggle }) =>
		childTrend && chartContext ? trendChart(childTrend, 'byDistrict', chartContext, toggle) : undefined
	)
	.derive('repeatOverall', ({ repeatTrend, chartContext, toggle }) =>
		repeatTrend && chartContext ? trendChart(repeatTrend, 'overall', chartContext, toggle) : undefined
	)
	.derive('repeatByDistrict', ({ repeatTrend, chartContext, toggle }) =>
		repeatTrend && chartContext ? trendChart(repeatTrend, 'byDistrict', chartContext, toggle) : undefined
	)
	// Loading states are steps of their own, so a chart is not redrawn when its query starts or settles.
	.derive('referralLoading', ({ hasDays, referralRows }) => (hasDays ? referralRows.loading : false))
	.derive('childLoading', ({ hasDays, childRows }) => (hasDays ? childRows.loading : false));
