import { drawing } from '$lib/page/drawing';
import { followUpNotYet } from '$lib/summaries/follow-up-not-yet';
import { countNoun } from '$lib/format/count-noun';
import { categoryBarsChart } from '$lib/charts/category-bars';
import { interventionColours } from '$lib/charts/palette';
import { percentInterval, shareBarsSpec, stageSharesSpec } from '$lib/charts/share-bars-spec';
import { stackedSharesChart } from '$lib/charts/stacked-shares';
import { projectionSpec } from '$lib/charts/projection-spec';
import { xmrChart } from '$lib/charts/xmr-chart';
import { indicators, interventionKinds, type District, type IndicatorColumn } from '$lib/contract';
import { periodStart, type Grain } from '$lib/domain/calendar';
import type { Filters } from '$lib/domain/filters';
import { matchingPopulation } from '$lib/domain/matching-population';
import { formatDayRange } from '$lib/format/date';
import { formatCount, formatDecimal, formatPercent } from '$lib/format/number';
import { formatPeriod } from '$lib/format/period';
import { decimalCell } from '$lib/page/cell-format';
import type { ChartSpec } from '$lib/page/chart-spec';
import { type Ask } from '$lib/page/define-page';
import { publishedColumn } from '$lib/page/published-column';
import { definePageOverShownDays } from '$lib/page/shown-days';
import {
	cohortInterventions,
	type CohortInterventionRow
} from '$lib/sql/metrics/cohorts/cohort-interventions';
import { matchingRates, type MatchingRateRow } from '$lib/sql/metrics/cohorts/matching-rates';
import { populationDetail, type PopulationDetailRow } from '$lib/sql/metrics/cohorts/population-detail';
import { referralHeadline, type ReferralHeadline } from '$lib/sql/metrics/headline';
import { indicatorPrevalence, type IndicatorPrevalence } from '$lib/sql/metrics/indicators/prevalence';
import { pathwayFunnel, type PathwayFunnelRow } from '$lib/sql/metrics/pathway/pathway-funnel';
import {
	rereferralAfterIntervention,
	type RereferralRow
} from '$lib/sql/metrics/pathway/rereferral-after-intervention';
import { childSeries, type ChildSeriesRow } from '$lib/sql/metrics/trends/child-series';
import { ALL_AREAS, referralSeries, type ReferralSeriesRow } from '$lib/sql/metrics/trends/referral-series';
import { describeFilters } from '$lib/summaries/describe-filters';
import { plural } from '$lib/summaries/list-names';
import { describeSpc } from '$lib/summaries/describe-spc';
import { measures, type Measure } from '$lib/summaries/measures';
import { spcSignals } from '$lib/summaries/spc-signals';
import { spcTableRows, type SpcTableRow } from '$lib/summaries/special-cause';
import { measureSeries, type Coverage } from '$lib/transform/measure-series';
import { withProportions } from '$lib/transform/proportions';
import { hidden } from '$lib/summaries/share';
import { rereferralShares, type RereferralShare } from '$lib/transform/rereferral-shares';
import { interventionShares, type InterventionShare } from '$lib/transform/intervention-shares';
import { quarterLabel } from '$lib/format/quarter-label';
import { stageShares, type StageShare } from '$lib/transform/stage-shares';
import {
	blockLabel,
	lastCompleteMonthEnd,
	planningShares,
	projectDemand,
	planningBars,
	planningValueLabel,
	type PlanningShare
} from './cohort-demand';
import { cohortDistrictRates, type CohortDistrictRate } from './cohort-rates';
import {
	countText,
	districtRatesTitle,
	inSentence,
	populationWords,
	shareWithCounts,
	summariseDistrictRates,
	widerWords
} from './cohort-sentences';

/** One figure in the row of headlines at the top of a cohort. */
export interface CohortHeadline {
	label: string;
	value: string;
	detail?: string | undefined;
}

/** A row of the indicator profile: one indicator's prevalence in the cohort. */
export type IndicatorShare = ReturnType<typeof indicatorShares>[number];
/** A row of the interventions-by-kind chart. */
export type KindRow = ReturnType<typeof kindRows>[number];
/** A row of an interventions-by-group chart: the kind's share of the group with the counts behind it. */
export type GroupKindRow = InterventionShare & { children: number | null };

const rateInterval = (_: never, row: { lower: number | null; upper: number | null }) =>
	row.lower === null || row.upper === null
		? '–'
		: `${formatDecimal(row.lower)} to ${formatDecimal(row.upper)}`;
const pct = (share: number | null) => (share === null ? 'c' : formatPercent(share));

/** The size of the cohort over time: one XmR chart of referrals or children for the cohort as a whole. */
function sizeChart<Row extends { period: string; area: string }>(
	measure: Measure,
	rows: readonly Row[],
	count: (row: Row) => number,
	{ grain, coverage }: { grain: Grain; coverage: Coverage & { from: string } }
): ChartSpec<SpcTableRow> {
	const series = measureSeries(
		rows.filter((row) => row.area === ALL_AREAS),
		// The cohort as a whole only: no district to order.
		{ grain, label: () => 'The cohort', areas: [], coverage, count }
	);
	const seriesName = `${measure.noun} in the cohort`;
	const signals = series.flatMap((one) => spcSignals(one, measure, seriesName));
	const text = describeSpc(series, signals, {
		measure,
		subject: () => seriesName,
		firstDay: coverage.from,
		lastDay: coverage.to
	});
	const unit = grain === 'month' ? 'month' : 'financial quarter';
	return {
		title: text.title,
		subject: `${measure.noun} in the cohort per ${unit}, with process limits`,
		summary: text.summary,
		caption: `${measure.key === 'children' ? 'Children in the cohort referred (each child once per period)' : 'Referrals in the cohort'} per ${unit}, ${formatDayRange(coverage.from, coverage.to)}: the whole history of the cohort up to the end of the chosen period, whatever its start, so recent periods are judged against it. XmR limits (Making Data Count); a period only partly covered by the data is marked incomplete and left out of the limits.`,
		rows: spcTableRows(series),
		columns: [
			{
				key: 'period',
				label: grain === 'month' ? 'Month' : 'Financial quarter',
				format: (value) => formatPeriod(String(value), grain)
			},
			{
				key: 'value',
				label: measure.label,
				numeric: true,
				format: (value, row) => (value === null ? (row.suppressed?.value ?? '') : formatCount(Number(value)))
			},
			{ key: 'mean', label: 'Mean', numeric: true, format: decimalCell },
			{ key: 'lpl', label: 'Lower limit', numeric: true, format: decimalCell },
			{ key: 'upl', label: 'Upper limit', numeric: true, format: decimalCell },
			{ key: 'spc', label: 'SPC' }
		],
		...drawing(xmrChart, [series], {
			label: text.summary,
			kind: 'count',
			yLabel: `${measure.label} a ${grain}`
		})
	};
}

const indicatorShort = new Map<string, string>(indicators.map((one) => [one.column, one.short]));

/** Each indicator's prevalence in the cohort (present of assessed), most common first. */
function indicatorShares(rows: readonly IndicatorPrevalence[]) {
	return withProportions(
		rows.map((row) => ({
			indicator: row.indicator,
			label: indicatorShort.get(row.indicator) ?? row.indicator,
			present: row.present,
			assessed: row.assessed
		})),
		{ numerator: 'present', denominator: 'assessed' }
	).sort((a, b) => (b.share ?? -1) - (a.share ?? -1));
}

/**
 * Referrals and children by kind of intervention: each kind's share of the referrals with a kind recorded
 * (no intervention included), then the referrals with none recorded, which have no share.
 */
function kindRows(rows: readonly CohortInterventionRow[]) {
	const kinds = [...interventionKinds.codes, 'not_recorded'] as const;
	const found = (kind: string) => rows.find((row) => row.intervention === kind);
	const recorded = interventionKinds.codes.reduce((sum, kind) => sum + (found(kind)?.referrals ?? 0), 0);
	const listed = kinds.map((kind) => ({
		intervention: kind,
		label:
			kind === 'not_recorded'
				? 'Not recorded (left blank)'
				: kind === 'none'
					? 'No intervention'
					: interventionKinds.label(kind),
		referrals: found(kind)?.referrals ?? 0,
		children: found(kind)?.children ?? 0,
		recorded: kind === 'not_recorded' ? null : recorded
	}));
	const shared = withProportions(
		listed.filter((row) => row.recorded !== null),
		{ numerator: 'referrals', denominator: 'recorded' }
	);
	const blank = listed
		.filter((row) => row.recorded === null)
		.map((row) => ({ ...row, share: null, lower: null, upper: null }));
	return [...shared, ...blank];
}

/** Children followed up below which re-referral after an intervention is not shown as a share. */
const minFollowedUp = 20;
const followedUpEnough = (any: { children: number | null } | undefined) =>
	any !== undefined && any.children !== null && any.children >= minFollowedUp;

/**
 * The kind most often the commonest within a group (a tie counts for every kind in it): a finding that
 * holds on small groups, where comparing one kind's share across groups would not.
 */
function mostCommonKind(
	rows: readonly GroupKindRow[],
	groups: readonly string[]
): { label: string; groups: number } | undefined {
	const wins = new Map<string, number>();
	for (const group of groups) {
		const own = rows.filter((row) => row.group === group && row.referrals !== null && row.referrals > 0);
		const most = Math.max(0, ...own.map((row) => row.referrals!));
		for (const row of own.filter((one) => one.referrals === most))
			wins.set(row.interventionLabel, (wins.get(row.interventionLabel) ?? 0) + 1);
	}
	const [label, count] = [...wins.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
	return label === undefined ? undefined : { label, groups: count! };
}

/** Interventions by a grouping (district or quarter) as stacked shares, with counts beside every share. */
function groupKindChart(
	rows: readonly CohortInterventionRow[],
	{
		groups,
		groupLabel,
		groupName,
		caption
	}: {
		groups: readonly string[];
		groupLabel: (group: string) => string;
		groupName: string;
		caption: string;
	}
): ChartSpec<GroupKindRow> {
	const mix = interventionShares(rows, { groups, groupLabel });
	const children = (group: string, kind: string) =>
		rows.find((row) => row.group === group && row.intervention === kind)?.children ?? 0;
	const tableRows: GroupKindRow[] = mix.rows.map((row) => ({
		...row,
		children: row.referrals === null ? null : children(row.group, row.intervention)
	}));
	const groupCodes = [...new Set(tableRows.map((row) => row.group))];
	const leader = mostCommonKind(tableRows, groupCodes);
	const summary =
		tableRows.length === 0
			? 'No referrals in the cohort have an intervention recorded.'
			: `The most common intervention in each ${groupName}: ${groupCodes
					.map((group) => {
						const own = tableRows.filter((row) => row.group === group);
						const whole = own.every((row) => row.referrals !== null)
							? own.reduce((sum, row) => sum + row.referrals!, 0)
							: null;
						const top = [...own].filter((row) => row.share !== null).sort((a, b) => b.share! - a.share!)[0];
						return top
							? `${top.groupLabel}, ${inSentence(top.interventionLabel)} ${shareWithCounts(top.share, top.referrals, whole)}`
							: `${own[0]!.groupLabel}, suppressed`;
					})
					.join(
						'; '
					)}. Every kind's count and share is in the table.${mix.notRecorded > 0 ? ` ${countNoun(mix.notRecorded, 'referral')} with no intervention recorded ${mix.notRecorded === 1 ? 'is' : 'are'} left out.` : ''}`;
	return {
		title: leader
			? `${leader.label} is the most common intervention in ${leader.groups} of ${groupCodes.length} ${groupName}s`
			: `Interventions in the cohort by ${groupName}`,
		subject: `Interventions in the cohort by ${groupName}`,
		summary,
		caption,
		rows: tableRows,
		columns: [
			{ key: 'groupLabel', label: groupName.charAt(0).toUpperCase() + groupName.slice(1) },
			{ key: 'interventionLabel', label: 'Intervention' },
			publishedColumn<GroupKindRow>('referrals', 'Referrals', formatCount),
			publishedColumn<GroupKindRow>('children', 'Children', formatCount),
			publishedColumn<GroupKindRow>('share', 'Share of referrals', formatPercent)
		],
		...drawing(
			stackedSharesChart,
			[
				tableRows.map((row) => ({
					groupLabel: row.groupLabel,
					segment: row.intervention,
					segmentLabel: row.interventionLabel,
					share: row.share,
					count: row.referrals
				}))
			],
			{ label: summary, colours: interventionColours, segmentOrder: interventionKinds.codes }
		)
	};
}

/**
 * A cohort: a named filter set, and everything a commissioner sizing a programme asks of it. Its size
 * over time (referrals and distinct children per month or quarter, with XmR), where it is (per district,
 * with rates per 10,000 children of the matching ages), who it is (the indicator profile), how far it goes
 * along the pathway, what interventions it got (by kind, district and quarter, counts beside every share)
 * and what followed (referred again within 12 months of an intervention). The Cohorts page binds this
 * definition once to the filter bar and, to compare, once more to a saved cohort.
 */
export const cohortsPage = definePageOverShownDays()
	// The days measured: the filters' dates within the loaded data, so no empty days dilute a rate.
	.derive('window', ({ filters, extent }) => {
		const first = extent?.first_referral;
		const last = extent?.last_referral;
		if (!first || !last) return undefined;
		const from = filters.from !== undefined && filters.from > first ? filters.from : first;
		const to = filters.to !== undefined && filters.to < last ? filters.to : last;
		return from <= to ? { from, to } : undefined;
	})
	// Is it growing? Twelve months say little: the series run from the first month of data to the end of
	// the period, so the chosen months are judged against the cohort's whole history (as on Districts).
	.derive('coverage', ({ extent, window }) =>
		window && extent?.first_referral
			? { from: periodStart(extent.first_referral, 'month'), to: window.to }
			: undefined
	)
	.derive('historyFilters', ({ filters }): Filters => ({ ...filters, from: undefined }))
	.derive('description', ({ filters }) => describeFilters(filters))
	// The rates' population: the cohort's sex and single years where the loaded reference has them.
	.query('populationRows', (): Ask<PopulationDetailRow> => populationDetail())
	.derive('population', ({ filters, populationRows }) => {
		const detail = populationRows.rows?.[0];
		return detail
			? matchingPopulation(filters, {
					bySex: detail.by_sex,
					byAge: detail.by_age,
					bands: detail.bands?.split(',') ?? []
				})
			: undefined;
	})
	.query('headlineCounts', ({ filters }): Ask<ReferralHeadline> => referralHeadline(filters))
	.query('referralRows', ({ historyFilters, grain, coverage, areaReference }): Ask<ReferralSeriesRow> =>
		coverage
			? referralSeries(historyFilters, {
					grain,
					first: coverage.from,
					last: coverage.to,
					areas: areaReference.enumeration.codes
				})
			: undefined
	)
	.query('childRows', ({ historyFilters, grain, coverage, areaReference }): Ask<ChildSeriesRow> =>
		coverage
			? childSeries(historyFilters, {
					grain,
					first: coverage.from,
					last: coverage.to,
					areas: areaReference.enumeration.codes
				})
			: undefined
	)
	.query('rateRows', ({ filters, window, population }): Ask<MatchingRateRow> =>
		window && population ? matchingRates(filters, window, population) : undefined
	)
	.query('indicatorRows', ({ filters }): Ask<IndicatorPrevalence> => indicatorPrevalence(filters))
	.query('stageRows', ({ filters }): Ask<PathwayFunnelRow> => pathwayFunnel(filters))
	.query('kindCounts', ({ filters }): Ask<CohortInterventionRow> => cohortInterventions(filters))
	.query('districtKindCounts', ({ filters }): Ask<CohortInterventionRow> =>
		cohortInterventions(filters, 'district')
	)
	.query('quarterKindCounts', ({ filters }): Ask<CohortInterventionRow> =>
		cohortInterventions(filters, 'quarter')
	)
	.query('outcomeCounts', ({ filters }): Ask<RereferralRow> => rereferralAfterIntervention(filters))

	// ----- Size over time
	.derive('referralChart', ({ referralRows, grain, coverage }) =>
		coverage
			? sizeChart(measures.referrals as Measure, referralRows.rows ?? [], (row) => row.referrals, {
					grain,
					coverage
				})
			: undefined
	)
	.derive('referralChartLoading', ({ referralRows }) => referralRows.loading)
	.derive('childChart', ({ childRows, grain, coverage }) =>
		coverage
			? sizeChart(measures.children as Measure, childRows.rows ?? [], (row) => row.children, {
					grain,
					coverage
				})
			: undefined
	)
	.derive('childChartLoading', ({ childRows }) => childRows.loading)

	// ----- Per district, with rates
	.derive('districtRates', ({ rateRows, filters, areaReference }) =>
		cohortDistrictRates(rateRows.rows ?? [], { filters, areas: areaReference })
	)
	.derive('districtChart', (scope): ChartSpec<CohortDistrictRate> | undefined => {
		const { districtRates: rows, population, period, toggle } = scope;
		if (!population) return undefined;
		const summary = summariseDistrictRates(rows, population);
		const words = populationWords(population);
		const wider = widerWords(population);
		return {
			subject: 'The cohort’s referral rates by district',
			title: districtRatesTitle(rows, population),
			summary,
			caption: `The cohort's referrals per district of the child, ${period}, and the rate per 10,000 ${words} a year: the cohort's referrals of those ages over the person-years of the population reference (95% intervals, exact Poisson under 10 referrals, Byar's method otherwise). ${wider ? `Only a wider population than the cohort was available: ${wider}.` : `The population matches the cohort's ${population.sex ? 'sex and ' : ''}ages.`} Select a district to narrow the cohort to it.`,
			rows,
			columns: [
				{ key: 'districtLabel', label: 'District' },
				publishedColumn<CohortDistrictRate>('referrals', 'Referrals', formatCount),
				publishedColumn<CohortDistrictRate>('children', 'Children', formatCount),
				publishedColumn<CohortDistrictRate>('counted', `Referrals of ${words}`, formatCount),
				{
					key: 'personYears',
					label: `${words.charAt(0).toUpperCase()}${words.slice(1)} (person-years)`,
					numeric: true,
					format: (value) => formatCount(Math.round(Number(value)))
				},
				publishedColumn<CohortDistrictRate>('rate', 'Rate per 10,000 a year', formatDecimal),
				publishedColumn<CohortDistrictRate>('lower', '95% interval', rateInterval)
			],
			...drawing(
				categoryBarsChart,
				[
					rows.map((row) => ({
						key: row.district,
						label: row.districtLabel,
						value: row.rate,
						lower: row.lower,
						upper: row.upper,
						text:
							row.rate === null ? 'c' : `${formatDecimal(row.rate)} (${countText(row.referrals)} referrals)`
					}))
				],
				{
					label: summary,
					valueLabel: `Referrals a year per 10,000 ${words}`,
					onSelect: (district) => toggle('districts', district as District),
					marginLeft: 170
				}
			)
		};
	})
	.derive('districtChartLoading', ({ rateRows }) => rateRows.loading)

	// ----- Indicator profile
	.derive('indicatorShares', ({ indicatorRows }) => indicatorShares(indicatorRows.rows ?? []))
	.derive('indicatorChart', ({ indicatorShares: rows, period, filters }): ChartSpec<IndicatorShare> => {
		const chosen = Object.keys(filters.indicators?.conditions ?? {}) as IndicatorColumn[];
		const shown = rows.filter((row) => row.share !== null);
		const others = shown.filter((row) => !chosen.includes(row.indicator));
		const top = others[0];
		const list = shown.map((row) => `${row.label} ${shareWithCounts(row.share, row.present, row.assessed)}`);
		const summary =
			shown.length === 0
				? 'No indicator can be shown for the cohort (no referrals, or small numbers suppressed).'
				: `Indicators present on the cohort's referrals, of those assessed: ${list.join(', ')}.`;
		return {
			subject: 'The indicator profile of the cohort',
			title: top
				? `Besides the indicators that define it, ${top.label.toLowerCase()} is the cohort's most common indicator: ${formatPercent(top.share!)} of referrals`
				: 'The indicator profile of the cohort',
			summary,
			caption: `Share of the cohort's referrals on which each of the guidance's 12 indicators was present (at any level), of the referrals on which it was assessed, ${period}, with 95% intervals (Wilson), most common first. Indicators the cohort is defined by are in the accent colour: they are present on every referral by definition.`,
			rows,
			columns: [
				{ key: 'label', label: 'Indicator' },
				publishedColumn<IndicatorShare>('present', 'Present', formatCount),
				publishedColumn<IndicatorShare>('assessed', 'Assessed', formatCount),
				publishedColumn<IndicatorShare>('share', 'Share', formatPercent),
				publishedColumn<IndicatorShare>('lower', '95% interval', percentInterval)
			],
			...drawing(
				categoryBarsChart,
				[
					rows.map((row) => ({
						key: row.indicator,
						label: row.label,
						value: row.share,
						lower: row.lower,
						upper: row.upper,
						highlight: chosen.includes(row.indicator),
						text: row.share === null ? 'c' : shareWithCounts(row.share, row.present, row.assessed)
					}))
				],
				{ label: summary, valueLabel: 'Share of assessed referrals', percent: true, marginLeft: 220 }
			)
		};
	})
	.derive('indicatorChartLoading', ({ indicatorRows }) => indicatorRows.loading)

	// ----- Pathway stages reached
	.derive('stages', ({ stageRows }) => stageShares(stageRows.rows ?? []))
	.derive('stageChart', ({ stages, stageRows, period }): ChartSpec<StageShare> => {
		const mase = stages.find((share) => share.stage === 'mase_discussed');
		const notRecorded = stageRows.rows?.[0]?.not_recorded ?? 0;
		const summary =
			stages.length === 0
				? 'No referrals in the cohort have a pathway stage recorded.'
				: `Of the cohort's referrals with a stage recorded: ${stages
						.map(
							(share) => `${share.stageLabel} ${shareWithCounts(share.share, share.reached, share.recorded)}`
						)
						.join(
							', '
						)}.${notRecorded > 0 ? ` ${formatCount(notRecorded)} with no stage recorded are left out.` : ''}`;
		return stageSharesSpec(stages, {
			title:
				mase && mase.share !== null
					? `${formatPercent(mase.share)} of the cohort's referrals were discussed at MASE (${countText(mase.reached)} of ${countText(mase.recorded)})`
					: 'How far the cohort went along the pathway',
			subject: 'How far the cohort went along the pathway',
			summary,
			caption: `The cohort's referrals by the furthest stage of the pathway they reached, ${period}: each bar is the share reaching that stage or a later one, with 95% intervals (Wilson). Referrals with no stage recorded are left out.`,
			text: (share) => shareWithCounts(share.share, share.reached, share.recorded)
		});
	})
	.derive('stageChartLoading', ({ stageRows }) => stageRows.loading)

	// ----- Interventions by kind, district and quarter
	// No rows before an answer (the chart says "Loading…", the card "…"): an answer of none is not the same.
	.derive('kinds', ({ kindCounts }) => (kindCounts.rows ? kindRows(kindCounts.rows) : []))
	.derive('kindChart', ({ kinds, period }): ChartSpec<KindRow> => {
		const offered = kinds
			.filter(
				(row) => row.intervention !== 'none' && row.intervention !== 'not_recorded' && row.share !== null
			)
			.sort((a, b) => b.share! - a.share!);
		const top = offered[0];
		const recorded = kinds.find((row) => row.recorded !== null)?.recorded ?? 0;
		const summary =
			recorded === 0
				? 'No referrals in the cohort have an intervention recorded.'
				: `Of ${countNoun(recorded, 'cohort referral')} with the intervention recorded: ${kinds
						.filter((row) => row.recorded !== null)
						.map(
							(row) =>
								`${inSentence(row.label)} ${shareWithCounts(row.share, row.referrals, row.recorded)}, ${countText(row.children)} children`
						)
						.join('; ')}.`;
		return {
			subject: 'Interventions in the cohort',
			title: top
				? `${top.label} was the cohort's most common intervention: ${formatPercent(top.share!)} of referrals, ${countText(top.children)} children`
				: 'Interventions in the cohort',
			summary,
			caption: `The cohort's referrals by the kind of intervention offered, ${period}: each kind's share of the referrals with the intervention recorded, with 95% intervals (Wilson), and the distinct children who had it (a child referred twice is counted once per kind). Referrals with the field left blank are shown as not recorded, without a share.`,
			rows: kinds,
			columns: [
				{ key: 'label', label: 'Intervention' },
				publishedColumn<KindRow>('referrals', 'Referrals', formatCount),
				publishedColumn<KindRow>('share', 'Share of referrals', formatPercent),
				publishedColumn<KindRow>('lower', '95% interval', percentInterval),
				publishedColumn<KindRow>('children', 'Children', formatCount)
			],
			...drawing(
				categoryBarsChart,
				[
					kinds
						.filter((row) => row.recorded !== null)
						.map((row) => ({
							key: row.intervention,
							label: row.label,
							value: row.share,
							lower: row.lower,
							upper: row.upper,
							text:
								row.share === null
									? 'c'
									: `${shareWithCounts(row.share, row.referrals, row.recorded)}, ${countText(row.children)} children`
						}))
				],
				{
					label: summary,
					valueLabel: 'Share of referrals with the intervention recorded',
					percent: true,
					marginLeft: 320
				}
			)
		};
	})
	.derive('kindChartLoading', ({ kindCounts }) => kindCounts.loading)
	.derive('districtKindChart', ({ districtKindCounts, filters, period, areaReference }) =>
		groupKindChart(districtKindCounts.rows ?? [], {
			groups: filters.districts ?? areaReference.enumeration.codes,
			groupLabel: (code) => areaReference.label(code),
			groupName: 'district',
			caption: `Kind of intervention offered to the cohort, by district of the child, ${period}: shares of each district's referrals with the intervention recorded, with referrals and children counted in the table.`
		})
	)
	.derive('districtKindChartLoading', ({ districtKindCounts }) => districtKindCounts.loading)
	.derive('quarterKindChart', ({ quarterKindCounts, period }) =>
		groupKindChart(quarterKindCounts.rows ?? [], {
			groups: [...new Set((quarterKindCounts.rows ?? []).map((row) => row.group))].sort(),
			groupLabel: quarterLabel,
			groupName: 'quarter',
			caption: `Kind of intervention offered to the cohort, by calendar quarter of referral, ${period}: shares of each quarter's referrals with the intervention recorded, with referrals and children counted in the table. A quarter cut by the period is partly counted.`
		})
	)
	.derive('quarterKindChartLoading', ({ quarterKindCounts }) => quarterKindCounts.loading)

	// ----- Outcomes: referred again within 12 months of an intervention
	.derive('outcomes', ({ outcomeCounts }) => (outcomeCounts.rows ? rereferralShares(outcomeCounts.rows) : []))
	.derive('outcomeChart', ({ outcomes, period, window, extent }): ChartSpec<RereferralShare> => {
		const any = outcomes.find((row) => row.intervention === 'any');
		const incomplete = any?.follow_up_incomplete ?? 0;
		const enough = followedUpEnough(any);
		const left =
			incomplete > 0
				? ` ${plural(incomplete, 'child', 'children')} with under 12 months of follow-up in the data ${incomplete === 1 ? 'is' : 'are'} not counted.`
				: '';
		const summary = !any
			? 'No children in the cohort had an intervention recorded.'
			: !enough
				? `Only ${any.children === null ? 'a few' : plural(any.children, 'child', 'children')} in the cohort had an intervention and 12 months of follow-up in the data: too few to judge re-referral (at least ${minFollowedUp} are needed).${left} An earlier period gives children time to be followed up.`
				: `Of ${plural(any.children!, 'child', 'children')} in the cohort with an intervention followed up for 12 months, ${shareWithCounts(any.share, any.re_referred, any.children)} were referred again within 12 months; ${outcomes
						.filter((row) => row.intervention !== 'any')
						.map(
							(row) => `${inSentence(row.label)} ${shareWithCounts(row.share, row.re_referred, row.children)}`
						)
						.join(', ')}.${left}`;
		// No child followed up yet, only some waiting for their 12 months: an empty chart says so and when.
		const notYet =
			outcomes.every((row) => row.children === 0) &&
			outcomes.some((row) => row.follow_up_incomplete > 0) &&
			window !== undefined &&
			extent?.last_referral
				? followUpNotYet({ first: window.from, last: window.to }, extent.last_referral)
				: undefined;
		const spec = shareBarsSpec(outcomes, {
			title: !any
				? `Re-referral of the cohort's children within 12 months of an intervention`
				: enough && any.share !== null
					? `${formatPercent(any.share)} of the cohort's children were referred again within 12 months of an intervention (${countText(any.re_referred)} of ${countText(any.children)} followed up)`
					: `Too few of the cohort's children have 12 months of follow-up to judge re-referral`,
			subject: `Re-referral of the cohort's children within 12 months of an intervention`,
			summary,
			caption: `Children in the cohort referred again within 12 months of their first referral with an intervention (the extract has no intervention date), by kind, with 95% intervals (Wilson); index referrals in ${period}, re-referrals in any district. Only children with 12 months of data after the index referral are followed up, so a recent period has few; below ${minFollowedUp} children followed up no share is drawn. Children with no intervention are a comparison, not a like-for-like control.`,
			category: ['label', 'Intervention'],
			count: ['re_referred', 'Referred again'],
			base: ['children', 'Children followed up'],
			valueLabel: 'Referred again within 12 months',
			bar: (row) => ({
				key: row.intervention,
				label: row.label,
				highlight: row.intervention === 'any',
				value: enough ? row.share : null,
				lower: enough ? row.lower : null,
				upper: enough ? row.upper : null,
				text: !enough
					? `${countText(row.children)} followed up`
					: row.share === null && row.children !== 0
						? 'c'
						: shareWithCounts(row.share, row.re_referred, row.children)
			}),
			marginLeft: 320
		});
		return { ...spec, empty: notYet };
	})
	.derive('outcomeChartLoading', ({ outcomeCounts }) => outcomeCounts.loading)

	// ----- Next year's demand: the cohort's complete months, projected 8 quarters ahead
	.derive('demandEnd', ({ window }) => (window ? lastCompleteMonthEnd(window.to) : undefined))
	.query(
		'demandReferralRows',
		({ historyFilters, coverage, demandEnd, areaReference }): Ask<ReferralSeriesRow> =>
			coverage && demandEnd && demandEnd > coverage.from
				? referralSeries(historyFilters, {
						grain: 'month',
						first: coverage.from,
						last: demandEnd,
						areas: areaReference.enumeration.codes
					})
				: undefined
	)
	.query('demandChildRows', ({ historyFilters, coverage, demandEnd, areaReference }): Ask<ChildSeriesRow> =>
		coverage && demandEnd && demandEnd > coverage.from
			? childSeries(historyFilters, {
					grain: 'month',
					first: coverage.from,
					last: demandEnd,
					areas: areaReference.enumeration.codes
				})
			: undefined
	)
	.derive('referralDemand', ({ demandReferralRows, demandEnd }) =>
		demandEnd
			? projectDemand(demandReferralRows.rows ?? [], (row) => row.referrals, {
					lastDay: demandEnd
				})
			: undefined
	)
	.derive('childDemand', ({ demandChildRows, demandEnd }) =>
		demandEnd
			? projectDemand(demandChildRows.rows ?? [], (row) => row.children, { lastDay: demandEnd })
			: undefined
	)
	.derive('referralProjectionChart', ({ referralDemand }) =>
		referralDemand
			? projectionSpec({ ...referralDemand, labelOf: blockLabel, noun: 'referrals', cohort: 'the cohort' })
			: undefined
	)
	.derive('referralProjectionLoading', ({ demandReferralRows }) => demandReferralRows.loading)
	.derive('childProjectionChart', ({ childDemand }) =>
		childDemand
			? projectionSpec({ ...childDemand, labelOf: blockLabel, noun: 'children', cohort: 'the cohort' })
			: undefined
	)
	.derive('childProjectionLoading', ({ demandChildRows }) => demandChildRows.loading)
	.derive('planning', ({ childDemand, kinds }) =>
		planningShares(
			childDemand,
			kinds.filter((row) => row.intervention !== 'not_recorded')
		)
	)
	.derive('planningChart', ({ planning, period }): ChartSpec<PlanningShare> | undefined => {
		if (!planning) return undefined;
		const whole = (value: number) => formatCount(Math.round(value));
		const band = (low: number, high: number) => `${whole(low)} to ${whole(high)}`;
		const top = [...planning].sort((a, b) => b.point - a.point)[0]!;
		const summary = `Children expected next year by the intervention they would get if the cohort's recent mix holds: ${planning
			.map(
				(row) =>
					`${inSentence(row.label)} about ${whole(row.point)} (80% interval ${band(row.lower80, row.upper80)}; 95% interval ${band(row.lower95, row.upper95)})`
			)
			.join('; ')}.`;
		return {
			subject: 'Next year’s children by intervention',
			title: `About ${whole(top.point)} children are expected next year for the commonest intervention, “${top.label}” (80% interval ${band(top.lower80, top.upper80)})`,
			summary,
			caption: `Next year's projected children (the projection above) split by the mix of interventions the cohort's children had in ${period}, assuming the mix holds; intervals carry the uncertainty in both the projection and the mix (Dirichlet–multinomial on the recent counts). A child who had two kinds counts in each. Each bar's whisker and label give the 80% interval (the range to plan for: 4 in 5 outcomes fall in it); the 95% interval, wider, is in the sentence and the table.`,
			rows: planning,
			columns: [
				{ key: 'label', label: 'Intervention' },
				{
					key: 'current',
					label: 'Children in the period',
					numeric: true,
					format: (v) => formatCount(Number(v))
				},
				{ key: 'share', label: 'Share of the mix', numeric: true, format: (v) => formatPercent(Number(v)) },
				{ key: 'point', label: 'Expected next year', numeric: true, format: (v) => whole(Number(v)) },
				{
					key: 'lower80',
					label: '80% interval',
					format: (_, row) => band(row.lower80, row.upper80)
				},
				{
					key: 'lower95',
					label: '95% interval',
					format: (_, row) => band(row.lower95, row.upper95)
				}
			],
			...drawing(categoryBarsChart, [planningBars(planning)], {
				label: summary,
				valueLabel: planningValueLabel,
				marginLeft: 320
			})
		};
	})

	// ----- Headlines
	.derive('headlines', (scope): CohortHeadline[] => {
		const { headlineCounts, kinds, kindCounts, outcomes, outcomeCounts, publication } = scope;
		const shown = (value: number) => (hidden(value, publication) ? 'c' : formatCount(value));
		const headline = headlineCounts.rows?.[0];
		const withKind = kinds.filter(
			(row) => row.intervention !== 'none' && row.intervention !== 'not_recorded'
		);
		const offered = withKind.every((row) => row.referrals !== null)
			? withKind.reduce((sum, row) => sum + row.referrals!, 0)
			: null;
		const recorded = kinds.find((row) => row.recorded !== null)?.recorded ?? null;
		const any = outcomes.find((row) => row.intervention === 'any');
		return [
			{ label: 'Referrals', value: headline ? shown(headline.referrals) : '…' },
			{ label: 'Children', value: headline ? shown(headline.children) : '…' },
			{
				label: 'With an intervention',
				value: !kindCounts.rows
					? '…'
					: recorded
						? offered === null
							? 'c'
							: formatPercent(offered / recorded)
						: '–',
				detail: recorded
					? `${countText(offered)} of ${shown(recorded)} referrals with it recorded`
					: undefined
			},
			{
				label: 'Referred again within 12 months of an intervention',
				value: !outcomeCounts.rows ? '…' : followedUpEnough(any) ? pct(any!.share) : '–',
				detail: !outcomeCounts.rows
					? undefined
					: followedUpEnough(any)
						? `${countText(any!.re_referred)} of ${countText(any!.children)} children followed up`
						: `too few followed up for 12 months (${any?.children === null ? 'c' : plural(any?.children ?? 0, 'child', 'children')})`
			}
		];
	})
	.derive('headlinesLoading', ({ headlineCounts }) => headlineCounts.loading);
