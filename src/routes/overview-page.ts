import { drawing, keyedRender, selecting } from '$lib/page/drawing';
import { decimalCell } from '$lib/page/cell-format';
import { spcSparkline } from '$lib/charts/spc-sparkline';
import { xmrChart } from '$lib/charts/xmr-chart';
import { formatCount } from '$lib/format/number';
import { formatPeriod } from '$lib/format/period';
import type { ChartSpec } from '$lib/page/chart-spec';
import { definePage, type Ask } from '$lib/page/define-page';
import { episodeSeries, type EpisodeSeriesRow } from '$lib/sql/metrics/overview/episode-series';
import {
	episodeWindowCounts,
	referralWindowCounts,
	type EpisodeWindowRow,
	type ReferralWindowRow
} from '$lib/sql/metrics/overview/window-counts';
import { childSeries, type ChildSeriesRow } from '$lib/sql/metrics/trends/child-series';
import { referralSeries, type ReferralSeriesRow } from '$lib/sql/metrics/trends/referral-series';
import { comparisonWindows } from '$lib/state/comparison-windows';
import { distinctComparisons } from '$lib/domain/comparison-window';
import type { Filters } from '$lib/domain/filters';
import { episodeFiltersNote } from '$lib/summaries/describe-filters';
import { describeSparkline, describeSpc } from '$lib/summaries/describe-spc';
import {
	changeSignals,
	headlineDefinitions,
	headlineFigure,
	mergeSpanCounts
} from '$lib/summaries/headlines';
import { measures, type Measure } from '$lib/summaries/measures';
import { collectSpcSignals, groupSignals, signalSubject } from '$lib/summaries/signal-list';
import { spcTableRows, type SpcTableRow } from '$lib/summaries/special-cause';
import { periodStart } from '$lib/domain/calendar';
import { lookbackStart, measureSeries, type MeasureSeriesOptions } from '$lib/transform/measure-series';
import { hidden } from '$lib/summaries/share';
import { spcVerdict, SPC_VERDICT_CHANGED } from '$lib/summaries/spc-verdict';
import type { SpcSeries } from '$lib/transform/spc-series';

/** The series each headline's sparkline shows, in words. */
const sparkWhat: Record<Measure['key'], string> = {
	referrals: 'Monthly referrals',
	children: 'Children referred each month',
	repeat_referrals: 'Monthly repeat referrals',
	repeat_share: 'Monthly repeat referrals',
	episodes: 'Monthly missing episodes',
	under_15_share: 'Monthly share aged under 15',
	looked_after_share: 'Monthly share looked after'
};

/** The line under a headline value, from the count behind it. */
const details: Record<Measure['key'], (count: string) => string | undefined> = {
	referrals: () => undefined,
	children: () => undefined,
	repeat_referrals: () => undefined,
	repeat_share: (count) => `${count} re-referred within 12 months`,
	looked_after_share: (count) => `${count} with status recorded`,
	under_15_share: (count) => `${count} referrals`,
	episodes: () => undefined
};

const spcMeasures = [
	'referrals',
	'children',
	'repeat_referrals',
	'episodes',
	'under_15_share',
	'looked_after_share'
] as const;

const level = decimalCell;

/**
 * The Overview: headline figures for the period shown compared with the previous period and a year earlier,
 * the signals list (special causes and significant changes) and the district XmR small multiples.
 */
export const overviewPage = definePage()
	.derive('first', ({ extent }) => extent?.first_referral ?? undefined)
	.derive('last', ({ extent }) => extent?.last_referral ?? undefined)
	.derive('dataStart', ({ first }) => (first ? periodStart(first, 'month') : undefined))
	.derive('lookbackFrom', ({ dataStart }) => (dataStart ? lookbackStart(dataStart) : ''))
	// The period shown (the filters', or the latest complete quarter) and the two it is compared with.
	.derive('windows', ({ filters, first, last }) =>
		first && last ? comparisonWindows(filters, first, last) : null
	)
	.derive('spans', ({ windows }) =>
		windows
			? [
					{ name: 'current', ...windows.current },
					...(windows.previous ? [{ name: 'previous', ...windows.previous }] : []),
					...(windows.yearAgo ? [{ name: 'year_ago', ...windows.yearAgo }] : [])
				]
			: []
	)
	.derive('areaCodes', ({ areaReference }) => areaReference.enumeration.codes)
	.query('referralSpans', ({ filters, spans, areaCodes }): Ask<ReferralWindowRow> =>
		spans.length > 0 ? referralWindowCounts(filters, spans, areaCodes) : undefined
	)
	.query('episodeSpans', ({ filters, spans, areaCodes }): Ask<EpisodeWindowRow> =>
		spans.length > 0 ? episodeWindowCounts(filters, spans, areaCodes) : undefined
	)
	// SPC needs history: every month from the start of the data to the end of the period shown.
	.derive('spcEnd', ({ filters, last }) =>
		last ? (filters.to !== undefined && filters.to < last ? filters.to : last) : undefined
	)
	.derive('seriesFilters', ({ filters }): Filters => {
		const { from: _from, ...rest } = filters;
		return rest;
	})
	.derive('monthRange', ({ dataStart, spcEnd, areaCodes }) =>
		dataStart && spcEnd && dataStart <= spcEnd
			? { grain: 'month' as const, first: dataStart, last: spcEnd, areas: areaCodes }
			: undefined
	)
	.query('referralMonths', ({ seriesFilters, monthRange }): Ask<ReferralSeriesRow> =>
		monthRange ? referralSeries(seriesFilters, monthRange) : undefined
	)
	// Distinct children are the slowest count: a query of their own, so the others need not wait.
	.query('childMonths', ({ seriesFilters, monthRange }): Ask<ChildSeriesRow> =>
		monthRange ? childSeries(seriesFilters, monthRange) : undefined
	)
	.query('episodeMonths', ({ seriesFilters, monthRange }): Ask<EpisodeSeriesRow> =>
		monthRange ? episodeSeries(seriesFilters, monthRange) : undefined
	)
	.derive('allSelected', ({ filters }) => filters.districts === undefined)
	.derive(
		'areaLabel',
		({ allSelected, areaReference }) =>
			(area: string) =>
				area === 'all' ? (allSelected ? 'All districts' : 'Selected districts') : areaReference.label(area)
	)
	// The SPC series of every headline measure from the three monthly answers, as a function: the page reads
	// it on the published rows, and the seam asks it of the true rows only to say whether a verdict changed.
	.derive('spcOf', (scope) => {
		const { spcEnd, dataStart, areaLabel, areaCodes, lookbackFrom, allSelected, gaps, publication } = scope;
		if (!spcEnd || !dataStart) return undefined;
		const base = {
			grain: 'month' as const,
			label: areaLabel,
			areas: areaCodes,
			coverage: { to: spcEnd, gaps: gaps.referrals },
			// The two shares' sparklines: a month over a published base under 10 is a gap, as in a table.
			publication
		};
		const series = <Row extends { period: string; area: string }>(
			rows: readonly Row[],
			options: Omit<MeasureSeriesOptions<Row>, keyof typeof base>
		) => measureSeries(rows, { ...base, ...options });
		return (
			referrals: readonly ReferralSeriesRow[],
			children: readonly ChildSeriesRow[],
			episodes: readonly EpisodeSeriesRow[]
		) => {
			const overall = referrals.filter((row) => row.area === 'all');
			const spc = {
				referrals: series(referrals, { count: (row) => row.referrals }),
				children: series(children, { count: (row) => row.children }),
				repeat_referrals: series(referrals, { count: (row) => row.repeat_referrals, lookbackFrom }),
				episodes: measureSeries(episodes, {
					...base,
					coverage: { to: spcEnd, gaps: gaps.missing_episodes },
					count: (row) => row.episodes
				}),
				under_15_share: series(overall, {
					count: (row) => row.under_15,
					denominator: (row) => row.referrals
				}),
				looked_after_share: series(overall, {
					count: (row) => row.looked_after,
					denominator: (row) => row.looked_after_known
				})
			};
			const signals = collectSpcSignals(
				spcMeasures.map((key) => ({ measure: measures[key] as Measure, series: spc[key] })),
				allSelected
			);
			return { spc, signals };
		};
	})
	// Queries that have nothing to ask do not run: never show the rows of an earlier view.
	.derive('monthRows', ({ monthRange, referralMonths, childMonths, episodeMonths }) => ({
		referrals: monthRange ? (referralMonths.rows ?? []) : [],
		children: monthRange ? (childMonths.rows ?? []) : [],
		episodes: monthRange ? (episodeMonths.rows ?? []) : []
	}))
	.derive('spcReading', ({ spcOf, monthRows }) =>
		spcOf?.(monthRows.referrals, monthRows.children, monthRows.episodes)
	)
	.derive('spc', ({ spcReading }) => spcReading?.spc)
	.derive('spcSignals', ({ spcReading }) => spcReading?.signals ?? [])
	// Whether publication mode changed an SPC verdict: each monthly answer judged true against published,
	// the other two as published.
	.derive('spcChanged', ({ spcOf, monthRows, monthRange, referralMonths, childMonths, episodeMonths }) => {
		if (!spcOf || !monthRange) return false;
		const verdict = (reading: ReturnType<typeof spcOf>) =>
			spcVerdict(Object.values(reading.spc).flat(), reading.signals);
		const { referrals, children, episodes } = monthRows;
		return (
			(referralMonths.publicationChanged?.((rows) => verdict(spcOf(rows, children, episodes))) ?? false) ||
			(childMonths.publicationChanged?.((rows) => verdict(spcOf(referrals, rows, episodes))) ?? false) ||
			(episodeMonths.publicationChanged?.((rows) => verdict(spcOf(referrals, children, rows))) ?? false)
		);
	})
	.derive('spanCounts', ({ windows, referralSpans, episodeSpans }) =>
		windows && referralSpans.rows && episodeSpans.rows
			? mergeSpanCounts(referralSpans.rows, episodeSpans.rows)
			: []
	)
	.derive('areas', ({ filters, areaLabel, areaCodes }) => [
		{ area: 'all', label: areaLabel('all') },
		...(filters.districts ?? areaCodes).map((code) => ({ area: code, label: areaLabel(code) }))
	])
	.derive('signals', (scope) => {
		const { windows, spanCounts, areas, allSelected, publication, lookbackFrom, spcSignals } = scope;
		const changes =
			windows && spanCounts.length > 0
				? changeSignals(spanCounts, windows, areas, allSelected, { publication, lookbackFrom })
				: [];
		return groupSignals([...spcSignals, ...changes], windows?.current ?? null, 'month');
	})
	.derive('latestIncluded', ({ spc }) => {
		const overall = spc?.referrals[0];
		const index = overall?.included.at(-1);
		return overall && index !== undefined
			? formatPeriod(overall.points[index]!.period, 'month')
			: 'the latest month';
	})
	.derive('signalNotes', ({ windows, spanCounts, areas, publication, filters, spcChanged }) => {
		const comparisonsMade =
			windows && spanCounts.length > 0
				? headlineDefinitions.reduce(
						(total, definition) =>
							total + (definition.byDistrict ? areas.length : 1) * distinctComparisons(windows).length,
						0
					)
				: 0;
		const episodeNote = episodeFiltersNote(filters);
		return [
			...(comparisonsMade > 0
				? [
						`${comparisonsMade} period comparisons were made; at 95% confidence about 1 in 20 can appear significant by chance, so read a lone change with care.`
					]
				: []),
			...(publication
				? [
						'Publication mode: every count is perturbed by the cell key method (see Methods), and the limits, signals and comparisons are worked out from the published counts.'
					]
				: []),
			...(spcChanged ? [SPC_VERDICT_CHANGED] : []),
			...(episodeNote ? [episodeNote] : [])
		];
	})
	.derive('headlines', (scope) => {
		const { windows, spanCounts, spc, spcSignals, publication, lookbackFrom, extent } = scope;
		const shown = (count: number) => (hidden(count, publication) ? 'c' : formatCount(count));
		const childrenMissing = spanCounts.find(
			(row) => row.span === 'current' && row.area === 'all'
		)?.children_missing;
		/** The sparkline series of each headline: its own measure, all districts together. */
		const sparkSeries = (key: Measure['key']): SpcSeries | undefined => {
			if (!spc) return undefined;
			const source = key === 'repeat_share' ? spc.repeat_referrals : spc[key as keyof typeof spc];
			return source?.[0];
		};
		return headlineDefinitions.map((definition) => {
			const { measure } = definition;
			const figure =
				windows && spanCounts.length > 0
					? headlineFigure(definition, spanCounts, 'all', windows, { publication, lookbackFrom })
					: null;
			const series = sparkSeries(measure.key);
			const seriesKey = measure.key === 'repeat_share' ? 'repeat_referrals' : measure.key;
			const text =
				series && series.points.length > 0
					? describeSparkline(
							series,
							spcSignals.filter((signal) => signal.measure === seriesKey),
							sparkWhat[measure.key]
						)
					: undefined;
			const detail =
				measure.key === 'episodes'
					? childrenMissing !== undefined
						? `${shown(childrenMissing)} children`
						: undefined
					: figure
						? details[measure.key](figure.count)
						: undefined;
			return {
				key: measure.key,
				label: measure.key === 'under_15_share' ? 'Aged under 15' : measure.label,
				value: figure?.value ?? (extent && !windows ? '–' : '…'),
				detail,
				comparisons: figure?.comparisons ?? [],
				sparkline:
					series && series.points.length > 0 && text
						? keyedRender(spcSparkline, [series], { label: text })
						: undefined,
				text
			};
		});
	})
	// Referrals by district: the XmR small multiples behind the district signals.
	.derive('districtChart', (scope): ChartSpec<SpcTableRow> => {
		const { spc, spcSignals, allSelected, dataStart, spcEnd, toggle } = scope;
		const series = spc ? spc.referrals.filter((one) => one.area !== 'all') : [];
		const text = describeSpc(
			series,
			spcSignals.filter((signal) => signal.measure === 'referrals' && signal.area !== 'all'),
			{
				measure: measures.referrals,
				subject: (one) => signalSubject(measures.referrals, one, allSelected),
				...(dataStart ? { firstDay: dataStart } : {}),
				...(spcEnd ? { lastDay: spcEnd } : {})
			}
		);
		return {
			subject: 'Monthly referrals by district, with process limits',
			title: text.title,
			summary: text.summary,
			caption:
				dataStart && spcEnd
					? `Exploitation referrals to the MASH per calendar month by district of the child, ${formatPeriod(dataStart, 'month')} to ${formatPeriod(spcEnd, 'month')}, with XmR limits (Making Data Count). Select a district's panel to filter by it.`
					: undefined,
			rows: spcTableRows(series),
			columns: [
				{ key: 'period', label: 'Month', format: (value) => formatPeriod(String(value), 'month') },
				{ key: 'areaLabel', label: 'District' },
				{
					key: 'value',
					label: 'Referrals',
					numeric: true,
					format: (value, row) =>
						value === null ? (row.suppressed?.value ?? '') : formatCount(Number(value))
				},
				{ key: 'mean', label: 'Mean', numeric: true, format: level },
				{ key: 'lpl', label: 'Lower limit', numeric: true, format: level },
				{ key: 'upl', label: 'Upper limit', numeric: true, format: level },
				{ key: 'spc', label: 'SPC' }
			],
			...drawing(xmrChart, [series], {
				label: text.summary,
				kind: 'count',
				yLabel: 'Referrals',
				onSelect: selecting(toggle, 'districts')
			})
		};
	})
	// Loading states are steps of their own, so a chart is not redrawn when its query starts or settles.
	.derive('districtChartLoading', ({ monthRange, referralMonths }) =>
		monthRange ? referralMonths.loading : false
	)
	.derive('headlinesLoading', ({ windows, referralSpans, episodeSpans }) =>
		windows ? referralSpans.loading || episodeSpans.loading : false
	)
	.derive('signalsLoading', ({ monthRange, referralMonths, childMonths, episodeMonths, referralSpans }) =>
		monthRange
			? referralMonths.loading || childMonths.loading || episodeMonths.loading || referralSpans.loading
			: false
	);
