import { drawing, selecting } from '$lib/page/drawing';
import { decimalCell } from '$lib/page/cell-format';
import { xmrChart } from '$lib/charts/xmr-chart';
import type { AreaReference } from '$lib/contract';
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
import { spcVerdict, SPC_VERDICT_CHANGED } from '$lib/summaries/spc-verdict';
import type { VerdictCheck } from '$lib/publication/verdict-changed';
import { spcTableRows, type SpcTableRow } from '$lib/summaries/special-cause';
import type { SpcSignal } from '$lib/summaries/spc-signals';
import { periodEnd, periodStart, type Grain } from '$lib/domain/calendar';
import { lookbackStart, measureSeries, type Coverage } from '$lib/transform/measure-series';
import { windowSeries } from '$lib/transform/spc-series';
import { RARE_EVENT_MEAN } from '$lib/stats';
import type { Filters } from '$lib/domain/filters';
import type { SpcSeries } from '$lib/transform/spc-series';

/** One measure's SPC series for every area (all districts first), with the special causes found in them. */
interface MeasureTrend {
	measure: Measure;
	series: SpcSeries[];
	signals: SpcSignal[];
	/** Whether publication mode changed the verdict of the overall chart or of the district charts. */
	changed: Record<'overall' | 'byDistrict', boolean>;
}

const inPart = (part: 'overall' | 'byDistrict') => (area: string) =>
	part === 'overall' ? area === 'all' : area !== 'all';

/** What the two charts of a measure share. */
interface TrendChartContext {
	grain: Grain;
	coverage: Coverage & { from: string };
	dataStart: string;
	allSelected: boolean;
	areaReference: AreaReference;
}

const level = decimalCell;

function columns(measure: Measure, grain: Grain): ChartSpec<SpcTableRow>['columns'] {
	return [
		{
			key: 'period',
			label: grain === 'month' ? 'Month' : 'Quarter',
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
	const unit = grain === 'month' ? 'month' : 'quarter';
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
	const limits =
		coverage.from > dataStart
			? `, with XmR limits (Making Data Count) from every complete ${unit} since the data start (${formatPeriod(periodStart(dataStart, grain), grain)}), as on every page: the period chosen selects what is shown, not the limits`
			: ', with XmR limits (Making Data Count)';
	return `${what} per ${unit}, ${scope}, ${formatDayRange(coverage.from, coverage.to)}${limits}; a period only partly covered by the data is marked incomplete and left out of the limits; a count averaging under ${RARE_EVENT_MEAN} a ${grain} is a rare event and gets no SPC verdict.${lookback}`;
}

/**
 * A measure's series for every area and its special causes, from the counts as shown; in publication mode
 * also whether the verdicts differ from those on the true counts (`changed`, asked of the seam).
 */
function measureTrend<Row extends { period: string; area: string }>(
	measure: Measure,
	rows: readonly Row[],
	count: (row: Row) => number,
	{ grain, coverage, dataStart, allSelected, areaReference }: TrendChartContext,
	publicationChanged: VerdictCheck<Row> | undefined,
	lookbackFrom?: string
): MeasureTrend {
	const label = (area: string) =>
		area === 'all' ? (allSelected ? 'All districts' : 'Selected districts') : areaReference.label(area);
	const read = (rows: readonly Row[]) => {
		// Limits from every complete period since the data start (the one rule of every page); the window
		// chosen by the filters only selects the periods shown and the special causes reported.
		const series = measureSeries(rows, {
			grain,
			label,
			areas: areaReference.enumeration.codes,
			coverage: { from: dataStart, to: coverage.to },
			count,
			...(lookbackFrom !== undefined ? { lookbackFrom } : {})
		});
		const signals = collectSpcSignals([{ measure, series }], allSelected).filter(
			(signal) => periodEnd(signal.end, grain) >= coverage.from
		);
		return { series: series.map((one) => windowSeries(one, coverage.from)), signals };
	};
	const { series, signals } = read(rows);
	const changed = (part: 'overall' | 'byDistrict') =>
		publicationChanged?.((rows) => {
			const reading = read(rows);
			return spcVerdict(
				reading.series.filter((one) => inPart(part)(one.area)),
				reading.signals.filter((signal) => inPart(part)(signal.area))
			);
		}) ?? false;
	return {
		measure,
		series,
		signals,
		changed: { overall: changed('overall'), byDistrict: changed('byDistrict') }
	};
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
	const series = trend.series.filter((one) => inPart(part)(one.area));
	const text = describeSpc(
		series,
		trend.signals.filter((signal) => inPart(part)(signal.area)),
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
		subject: `${yLabel}${part === 'overall' ? '' : ' by district'}, with process limits`,
		summary: trend.changed[part] ? `${text.summary} ${SPC_VERDICT_CHANGED}` : text.summary,
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
		...drawing(
			xmrChart,
			[series],
			part === 'overall'
				? { label: text.summary, kind: 'count', yLabel }
				: { label: text.summary, kind: 'count', yLabel, onSelect: selecting(toggle, 'districts') }
		)
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
	// Every period from the start of the data to the end of the window: the limits' baseline.
	.derive('seriesFilters', ({ filters }): Filters => ({ ...filters, from: undefined }))
	.derive('seriesRange', ({ grain, coverage, dataStart, hasDays, areaReference }) =>
		coverage && dataStart && hasDays
			? { grain, first: dataStart, last: coverage.to, areas: areaReference.enumeration.codes }
			: undefined
	)
	.query('referralRows', ({ seriesFilters, seriesRange }): Ask<ReferralSeriesRow> =>
		seriesRange ? referralSeries(seriesFilters, seriesRange) : undefined
	)
	// Distinct children are the slowest count: a query of their own, so the other charts need not wait.
	.query('childRows', ({ seriesFilters, seriesRange }): Ask<ChildSeriesRow> =>
		seriesRange ? childSeries(seriesFilters, seriesRange) : undefined
	)
	.derive('allSelected', ({ filters }) => filters.districts === undefined)
	// What every chart shares; undefined until the data is loaded, when the page shows no chart.
	.derive(
		'chartContext',
		({ grain, coverage, dataStart, allSelected, areaReference }): TrendChartContext | undefined =>
			coverage && dataStart ? { grain, coverage, dataStart, allSelected, areaReference } : undefined
	)
	// A query with no days to ask about does not run: never show the rows of an earlier view.
	.derive('referralTrend', ({ chartContext, hasDays, referralRows }) =>
		chartContext
			? measureTrend(
					measures.referrals as Measure,
					hasDays ? (referralRows.rows ?? []) : [],
					(row) => row.referrals,
					chartContext,
					hasDays ? referralRows.publicationChanged : undefined
				)
			: undefined
	)
	.derive('childTrend', ({ chartContext, hasDays, childRows }) =>
		chartContext
			? measureTrend(
					measures.children as Measure,
					hasDays ? (childRows.rows ?? []) : [],
					(row) => row.children,
					chartContext,
					hasDays ? childRows.publicationChanged : undefined
				)
			: undefined
	)
	.derive('repeatTrend', ({ chartContext, hasDays, referralRows }) =>
		chartContext
			? measureTrend(
					measures.repeat_referrals as Measure,
					hasDays ? (referralRows.rows ?? []) : [],
					(row) => row.repeat_referrals,
					chartContext,
					hasDays ? referralRows.publicationChanged : undefined,
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
