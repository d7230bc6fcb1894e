import { drawing, selectableDrawing, selecting } from '$lib/page/drawing';
import { countCell, percentCell } from '$lib/page/cell-format';
import { definePageOverShownDays } from '$lib/page/shown-days';
import { barsWithIntervalChart, type IntervalBar } from '$lib/charts/bars-with-interval';
import { columnsChart, type Column } from '$lib/charts/columns';
import { heatmapChart, type HeatCell } from '$lib/charts/heatmap';
import { smallMultiplesChart, type PanelPoint } from '$lib/charts/small-multiples';
import { upsetChart, type UpsetColumn } from '$lib/charts/upset';
import { intervalColumns } from '$lib/page/table-column';
import { ageBands, indicators, riskLevels } from '$lib/contract';
import { formatPercent } from '$lib/format/number';
import type { ChartSpec } from '$lib/page/chart-spec';
import { type Ask } from '$lib/page/define-page';
import type { IndicatorCombination } from '$lib/sql/metrics/indicators/combinations';
import type { IndicatorsPerReferral } from '$lib/sql/metrics/indicators/indicators-per-referral';
import { indicatorMaskCharts, maskChartRows } from '$lib/sql/metrics/indicators/mask-charts';
import type { IndicatorPair } from '$lib/sql/metrics/indicators/pairs';
import { indicatorPrevalence, type IndicatorPrevalence } from '$lib/sql/metrics/indicators/prevalence';
import {
	indicatorPrevalenceByAgeAndGender,
	type AgeGenderPrevalence
} from '$lib/sql/metrics/indicators/prevalence-by-age-gender';
import {
	indicatorPrevalenceByDistrict,
	type DistrictPrevalence
} from '$lib/sql/metrics/indicators/prevalence-by-district';
import {
	indicatorPrevalenceByQuarter,
	type QuarterPrevalence
} from '$lib/sql/metrics/indicators/prevalence-by-quarter';
import { riskLevelsByYear, type RiskLevelYear } from '$lib/sql/metrics/indicators/risk-levels';
import {
	genderPanels,
	indicatorAgeGenderView,
	MIN_RELIABLE_ASSESSED,
	type AgeGenderCell
} from '$lib/summaries/indicator-age-gender';
import { combinationsView, type CombinationPoint } from '$lib/summaries/indicator-combinations';
import {
	indicatorDistrictsNotCounts,
	indicatorDistrictView,
	type DistrictCell
} from '$lib/summaries/indicator-districts';
import { formatDecimal2, pairsView, type PairCell } from '$lib/summaries/indicator-pairs';
import { prevalenceView, type PrevalencePoint } from '$lib/summaries/indicator-prevalence';
import { indicatorTrendView, type TrendPoint } from '$lib/summaries/indicator-trend';
import { perReferralView, type PerReferralPoint } from '$lib/summaries/indicators-per-referral';
import { riskLevelsView, type RiskPoint } from '$lib/summaries/risk-levels';
import { formatShareWithInterval, isSuppressed, shareText } from '$lib/summaries/share';
import type { Published } from '$lib/publication/withheld';

const shorts = indicators.map((indicator) => indicator.short);
const count = countCell;
const percent = percentCell;
const benchmarkText = (value: unknown) =>
	value === 'higher'
		? 'Significantly higher'
		: value === 'lower'
			? 'Significantly lower'
			: value === 'similar'
				? 'Similar'
				: '–';

/**
 * Indicators: which of the guidance's 12 indicators of exploitation are recorded (prevalence), where (by
 * district), for whom (age band and gender), whether that is changing (by quarter), how they combine
 * (combinations, pairs, how many per referral), and the overall risk level by financial year.
 */
export const indicatorsPage = definePageOverShownDays()
	.query('prevalenceRows', ({ filters }): Ask<IndicatorPrevalence> => indicatorPrevalence(filters))
	.query('districtRows', ({ filters }): Ask<DistrictPrevalence> => indicatorPrevalenceByDistrict(filters))
	.query('ageGenderRows', ({ filters }): Ask<AgeGenderPrevalence> =>
		indicatorPrevalenceByAgeAndGender(filters)
	)
	.query('quarterRows', ({ filters }): Ask<QuarterPrevalence> => indicatorPrevalenceByQuarter(filters))
	// The combinations, pairs and indicators per referral in one query, from one count of the masks.
	.query('maskRows', ({ filters }): Ask<object> => indicatorMaskCharts(filters))
	.query('riskRows', ({ filters }): Ask<RiskLevelYear> => riskLevelsByYear(filters))
	.derive('prevalence', ({ prevalenceRows, publication }) =>
		prevalenceView(prevalenceRows.rows ?? [], { publication })
	)
	.derive('prevalenceChart', ({ prevalence, period }): ChartSpec<Published<PrevalencePoint>> => {
		const bars = prevalence.points.map((point): IntervalBar => ({
			key: point.indicator,
			label: point.short,
			value: point.share,
			lower: point.lower,
			upper: point.upper,
			text: shareText(point.share, isSuppressed(point, 'share')),
			title: `${point.label}\n${formatShareWithInterval(point)}: ${count(point.present)} of ${count(point.assessed)} referrals assessed`
		}));
		return {
			subject: 'Prevalence of each indicator',
			title: prevalence.title,
			summary: prevalence.summary,
			caption: `Share of exploitation referrals with each indicator present at any level, among referrals on which it was assessed, ${period}, with 95% Wilson intervals.`,
			rows: prevalence.points,
			columns: [
				{ key: 'label', label: 'Indicator (guidance wording)' },
				{ key: 'short', label: 'Short label' },
				{ key: 'present', label: 'Present', numeric: true },
				{ key: 'assessed', label: 'Assessed', numeric: true },
				{ key: 'notAssessed', label: 'Not assessed', numeric: true },
				{ key: 'share', label: 'Prevalence', numeric: true, format: percent },
				...intervalColumns<Published<PrevalencePoint>>(percent)
			],
			...drawing(barsWithIntervalChart, [bars], {
				label: prevalence.summary,
				valueLabel: 'Referrals assessed with the indicator present',
				percent: true
			})
		};
	})
	.derive('byDistrict', ({ districtRows, publication, areaReference }) =>
		indicatorDistrictView(districtRows.rows ?? [], { publication, areas: areaReference })
	)
	.derive(
		'districtChart',
		({ byDistrict, period, filters, toggle, areaReference }): ChartSpec<Published<DistrictCell>> => {
			const chosen = filters.districts;
			const cells = byDistrict.cells.map((cell): HeatCell => ({
				x: cell.districtLabel,
				y: cell.short,
				value: cell.share,
				text:
					cell.share === null
						? isSuppressed(cell, 'share')
							? 'c'
							: '–'
						: `${formatPercent(cell.share)}${cell.benchmark === 'higher' ? ' ▲' : cell.benchmark === 'lower' ? ' ▼' : ''}`,
				title: `${cell.districtLabel}: ${cell.label}\n${formatShareWithInterval(cell)}, ${count(cell.present)} of ${count(cell.assessed)} assessed\nPartnership ${cell.partnership === null ? '–' : formatPercent(cell.partnership)}${cell.benchmark && cell.benchmark !== 'similar' ? ` (significantly ${cell.benchmark})` : ''}`,
				shortText:
					cell.share === null
						? undefined
						: `${Math.round(cell.share * 100)}${cell.benchmark === 'higher' ? '▲' : cell.benchmark === 'lower' ? '▼' : ''}`,
				key: cell.district,
				lowReliability: (cell.assessed ?? 0) < MIN_RELIABLE_ASSESSED
			}));
			return {
				subject: 'Prevalence of each indicator by district',
				title: byDistrict.title,
				summary: byDistrict.summary,
				notCounts: indicatorDistrictsNotCounts,
				caption: `Prevalence of each indicator by district of the child, ${period}. ▲ / ▼: significantly higher / lower than the partnership (the district’s 95% Wilson interval excludes the partnership value). Darker blue is higher prevalence; uncoloured cells marked u have fewer than ${MIN_RELIABLE_ASSESSED} assessed referrals. The district filter does not apply to this chart; click a cell to filter by its district.`,
				rows: byDistrict.cells,
				columns: [
					{ key: 'districtLabel', label: 'District' },
					{ key: 'label', label: 'Indicator' },
					{ key: 'present', label: 'Present', numeric: true },
					{ key: 'assessed', label: 'Assessed', numeric: true },
					{ key: 'share', label: 'Prevalence', numeric: true, format: percent },
					...intervalColumns<Published<DistrictCell>>(percent),
					{ key: 'partnership', label: 'Partnership', numeric: true, format: percent },
					{ key: 'benchmark', label: 'Compared with partnership', format: benchmarkText }
				],
				// The selection restyles the chart drawn: a district click does not draw it again.
				...selectableDrawing(
					heatmapChart,
					[cells],
					{
						label: byDistrict.summary,
						xDomain: areaReference.enumeration.codes.map((code) => areaReference.label(code)),
						yDomain: shorts,
						onSelect: selecting(toggle, 'districts')
					},
					chosen
				)
			};
		}
	)
	.derive('byAgeGender', ({ ageGenderRows, publication }) =>
		indicatorAgeGenderView(ageGenderRows.rows ?? [], { publication })
	)
	.derive(
		'ageGenderChart',
		({ byAgeGender, period, filters, toggle }): ChartSpec<Published<AgeGenderCell>> => {
			const chosen = filters.ageBands;
			const cells = byAgeGender.cells.map((cell): HeatCell => ({
				x: cell.ageLabel,
				fx: cell.genderLabel,
				y: cell.short,
				value: cell.share,
				text:
					cell.share === null
						? isSuppressed(cell, 'share')
							? 'c'
							: '–'
						: `${Math.round(cell.share * 100)}%`,
				title: `${cell.genderLabel} aged ${cell.ageLabel.toLowerCase()}: ${cell.label}\n${formatShareWithInterval(cell)}, ${count(cell.present)} of ${count(cell.assessed)} assessed`,
				key: cell.ageBand,
				lowReliability: (cell.assessed ?? 0) < MIN_RELIABLE_ASSESSED
			}));
			return {
				subject: 'Prevalence of each indicator by age band and gender',
				title: byAgeGender.title,
				summary: byAgeGender.summary,
				caption: `Prevalence of each indicator by age band at referral, boys and girls side by side, ${period}. Referrals with gender recorded as indeterminate or not recorded are not shown. Darker blue is higher prevalence; uncoloured cells marked u have fewer than ${MIN_RELIABLE_ASSESSED} assessed referrals and are unreliable. The age filter does not apply to this chart; click a cell to filter by its age band.`,
				rows: byAgeGender.cells,
				columns: [
					{ key: 'genderLabel', label: 'Gender' },
					{ key: 'ageLabel', label: 'Age band' },
					{ key: 'label', label: 'Indicator' },
					{ key: 'present', label: 'Present', numeric: true },
					{ key: 'assessed', label: 'Assessed', numeric: true },
					{ key: 'share', label: 'Prevalence', numeric: true, format: percent },
					...intervalColumns<Published<AgeGenderCell>>(percent)
				],
				...selectableDrawing(
					heatmapChart,
					[cells],
					{
						label: byAgeGender.summary,
						xDomain: byAgeGender.bands.map((band) => ageBands.label(band)),
						yDomain: shorts,
						fxDomain: genderPanels.map((panel) => panel.label),
						onSelect: selecting(toggle, 'ageBands')
					},
					chosen
				)
			};
		}
	)
	.derive('trend', ({ quarterRows, publication, first, last }) =>
		first && last ? indicatorTrendView(quarterRows.rows ?? [], { publication, first, last }) : undefined
	)
	.derive('trendChart', ({ trend, period }): ChartSpec<Published<TrendPoint>> => {
		const points = (trend?.points ?? []).map((point): PanelPoint => ({
			panel: point.short,
			period: point.period,
			value: point.share,
			lower: point.lower,
			upper: point.upper,
			title: `${point.short}, ${point.period}\n${formatShareWithInterval(point)}: ${count(point.present)} of ${count(point.assessed)} assessed`
		}));
		const notes = new Map(
			indicators.map((indicator) => {
				const direction = trend?.trends.get(indicator.column)?.direction;
				return [
					indicator.short,
					direction === 'rising'
						? '▲ Rising (significant)'
						: direction === 'falling'
							? '▼ Falling (significant)'
							: ''
				];
			})
		);
		return {
			subject: 'Indicator prevalence by quarter',
			title: trend?.title ?? 'Indicator trends',
			summary: trend?.summary ?? '',
			caption: `Quarterly prevalence of each indicator (line) with its 95% Wilson interval (band), ${period}. A trend is named only when the chi-square test for trend is significant at 99.8%. The last quarter may be incomplete.`,
			rows: trend?.points ?? [],
			columns: [
				{ key: 'period', label: 'Quarter' },
				{ key: 'label', label: 'Indicator' },
				{ key: 'present', label: 'Present', numeric: true },
				{ key: 'assessed', label: 'Assessed', numeric: true },
				{ key: 'share', label: 'Prevalence', numeric: true, format: percent },
				...intervalColumns<Published<TrendPoint>>(percent)
			],
			...drawing(smallMultiplesChart, [points], {
				label: trend?.summary ?? '',
				panels: shorts,
				periods: trend?.periods ?? [],
				notes,
				valueLabel: 'Prevalence',
				percent: true
			})
		};
	})
	.derive('combinationRows', ({ maskRows }) =>
		maskChartRows<IndicatorCombination>(maskRows.rows, 'combinations')
	)
	.derive('pairRows', ({ maskRows }) => maskChartRows<IndicatorPair>(maskRows.rows, 'pairs'))
	.derive('perReferralRows', ({ maskRows }) =>
		maskChartRows<IndicatorsPerReferral>(maskRows.rows, 'perReferral')
	)
	.derive('combinations', ({ combinationRows, publication }) =>
		combinationsView(combinationRows ?? [], { publication })
	)
	.derive('combinationChart', ({ combinations, period }): ChartSpec<Published<CombinationPoint>> => {
		const columns = combinations.points.map((point): UpsetColumn => ({
			id: String(point.rank),
			members: point.members.map(
				(member) => indicators.find((indicator) => indicator.column === member)!.short
			),
			value: point.referrals,
			text: count(point.referrals),
			title: `${point.label}${point.degree === 1 ? ' alone' : ''}\n${count(point.referrals)} referrals${point.share === null ? '' : ` (${formatPercent(point.share)})`}`
		}));
		return {
			subject: 'The most frequent combinations of indicators',
			title: combinations.title,
			summary: combinations.summary,
			caption: `The ${combinations.points.length} most frequent exact combinations of indicators present on a referral (each referral counted once, in the combination of exactly the indicators present), ${period}. Bars: referrals; dots below: the indicators in each combination.`,
			rows: combinations.points,
			columns: [
				{ key: 'rank', label: 'Rank', numeric: true },
				{ key: 'label', label: 'Indicators present (exactly)' },
				{ key: 'degree', label: 'Number of indicators', numeric: true },
				{ key: 'referrals', label: 'Referrals', numeric: true },
				{ key: 'share', label: 'Share of referrals', numeric: true, format: percent }
			],
			...drawing(upsetChart, [columns], { label: combinations.summary, sets: shorts })
		};
	})
	.derive('pairs', ({ pairRows, publication }) => pairsView(pairRows ?? [], { publication }))
	.derive('pairChart', ({ pairs, period }): ChartSpec<Published<PairCell>> => {
		const cells = pairs.cells.map((cell): HeatCell => ({
			x: cell.bShort,
			y: cell.aShort,
			value: cell.jaccard,
			text:
				cell.jaccard === null ? (isSuppressed(cell, 'jaccard') ? 'c' : '–') : formatDecimal2(cell.jaccard),
			shortText: cell.jaccard === null ? undefined : formatDecimal2(cell.jaccard).replace(/^0/, ''),
			title: `${cell.aLabel}\nand ${cell.bLabel}\n${count(cell.both)} referrals with both, of ${count(cell.either)} with either: Jaccard index ${cell.jaccard === null ? 'c' : formatDecimal2(cell.jaccard)}`
		}));
		return {
			subject: 'How often pairs of indicators occur together',
			title: pairs.title,
			summary: pairs.summary,
			caption: `Jaccard index of each pair of indicators: referrals with both present ÷ referrals with either present (1 = always together, 0 = never), ${period}. Darker blue is a higher index.`,
			rows: pairs.cells,
			columns: [
				{ key: 'aLabel', label: 'Indicator' },
				{ key: 'bLabel', label: 'With indicator' },
				{ key: 'both', label: 'Both present', numeric: true },
				{ key: 'either', label: 'Either present', numeric: true },
				{
					key: 'jaccard',
					label: 'Jaccard index',
					numeric: true,
					format: (value) => (value === null ? '–' : formatDecimal2(Number(value)))
				},
				{ key: 'share', label: 'Share of referrals with both', numeric: true, format: percent }
			],
			...drawing(heatmapChart, [cells], {
				label: pairs.summary,
				xDomain: shorts,
				yDomain: shorts,
				rowHeight: 28
			})
		};
	})
	.derive('perReferral', ({ perReferralRows, publication }) =>
		perReferralView(perReferralRows ?? [], { publication })
	)
	.derive('perReferralChart', ({ perReferral, period }): ChartSpec<Published<PerReferralPoint>> => {
		const columns = perReferral.points.map((point): Column => ({
			label: String(point.indicators),
			value: point.referrals,
			text: count(point.referrals),
			title: `${point.indicators} indicator${point.indicators === 1 ? '' : 's'} present: ${count(point.referrals)} referrals${point.share === null ? '' : ` (${formatPercent(point.share)})`}`
		}));
		return {
			subject: 'Referrals by how many indicators are present',
			title: perReferral.title,
			summary: perReferral.summary,
			caption: `Exploitation referrals by how many of the 12 indicators are present at any level, ${period}.`,
			rows: perReferral.points,
			columns: [
				{ key: 'indicators', label: 'Indicators present', numeric: true },
				{ key: 'referrals', label: 'Referrals', numeric: true },
				{ key: 'share', label: 'Share of referrals', numeric: true, format: percent }
			],
			...drawing(columnsChart, [columns], {
				label: perReferral.summary,
				xLabel: 'Indicators present',
				yLabel: 'Referrals'
			})
		};
	})
	.derive('risk', ({ riskRows, publication }) => riskLevelsView(riskRows.rows ?? [], { publication }))
	.derive('riskChart', ({ risk, period, filters }): ChartSpec<Published<RiskPoint>> => {
		const points = risk.points.map((point): PanelPoint => ({
			panel: point.levelLabel,
			period: point.period,
			value: point.share,
			lower: point.lower,
			upper: point.upper,
			title: `${point.levelLabel} risk, ${point.period}\n${formatShareWithInterval(point)}: ${count(point.referrals)} of ${count(point.total)} referrals`
		}));
		const notes = new Map(
			riskLevels.codes.map((level) => {
				const overall = risk.overall.get(level);
				return [
					riskLevels.label(level),
					overall?.share != null ? `${formatPercent(overall.share)} overall` : ''
				];
			})
		);
		// The risk-level filter does not apply to this chart: levels outside it are drawn faint.
		const chosen = filters.riskLevels;
		const dimmed = new Set(
			riskLevels.codes
				.filter((level) => chosen !== undefined && !chosen.includes(level))
				.map((level) => riskLevels.label(level))
		);
		return {
			subject: 'Referrals by risk level, by financial year',
			title: risk.title,
			summary: risk.summary,
			caption: `Overall risk level from the LSCB Child Exploitation risk management tool, as a share of all referrals per financial year (April to March), ${period}, with 95% Wilson intervals. The risk-level filter does not apply to this chart; levels outside it are drawn faint.`,
			rows: risk.points,
			columns: [
				{ key: 'period', label: 'Financial year' },
				{ key: 'levelLabel', label: 'Overall risk level' },
				{ key: 'referrals', label: 'Referrals', numeric: true },
				{ key: 'total', label: 'All referrals', numeric: true },
				{ key: 'share', label: 'Share', numeric: true, format: percent },
				...intervalColumns<Published<RiskPoint>>(percent)
			],
			...drawing(smallMultiplesChart, [points], {
				label: risk.summary,
				panels: riskLevels.codes.map((level) => riskLevels.label(level)),
				periods: risk.periods,
				notes,
				valueLabel: 'Share of referrals',
				percent: true,
				columns: 2,
				dimmed
			})
		};
	})
	// Loading states are steps of their own, so a chart is not redrawn when its query starts or settles.
	.derive('prevalenceLoading', ({ prevalenceRows }) => prevalenceRows.loading)
	.derive('districtLoading', ({ districtRows }) => districtRows.loading)
	.derive('ageGenderLoading', ({ ageGenderRows }) => ageGenderRows.loading)
	.derive('trendLoading', ({ quarterRows }) => quarterRows.loading)
	.derive('combinationLoading', ({ maskRows }) => maskRows.loading)
	.derive('pairLoading', ({ maskRows }) => maskRows.loading)
	.derive('perReferralLoading', ({ maskRows }) => maskRows.loading)
	.derive('riskLoading', ({ riskRows }) => riskRows.loading);
