import { drawing, selecting } from '$lib/page/drawing';
import { countNoun } from '$lib/format/count-noun';
import { interventionColours } from '$lib/charts/palette';
import { percentInterval, shareBarsSpec, stageSharesSpec } from '$lib/charts/share-bars-spec';
import { shareHeatmapChart, type HeatCell } from '$lib/charts/share-heatmap';
import { sharesOverTimeChart, type SharePoint } from '$lib/charts/shares-over-time';
import { stackedSharesChart, type StackedSegment } from '$lib/charts/stacked-shares';
import { publishedColumn } from '$lib/page/published-column';
import type { TableColumn } from '$lib/page/table-column';
import { ageBands, interventionKinds, type AgeBand, type PathwayStage } from '$lib/contract';
import { formatDayRange } from '$lib/format/date';
import { formatCount, formatPercent } from '$lib/format/number';
import { formatQuarterMonths } from '$lib/format/period';
import type { ChartSpec } from '$lib/page/chart-spec';
import { shareWithheld } from '$lib/publication/share-base';
import { definePage, type Answer, type Ask } from '$lib/page/define-page';
import type { ReferralHeadline } from '$lib/sql/metrics/headline';
import { indicatorBands, type InterventionMixRow } from '$lib/sql/metrics/pathway/intervention-mix';
import type { NrmRow } from '$lib/sql/metrics/pathway/nrm-referrals';
import {
	pathwayCounts,
	pathwayMerged,
	pathwayPart,
	pathwayRows,
	type PathwayPart
} from '$lib/sql/metrics/pathway/pathway-counts';
import type { Filters } from '$lib/domain/filters';
import type { PathwayFunnelRow } from '$lib/sql/metrics/pathway/pathway-funnel';
import type { RereferralRow } from '$lib/sql/metrics/pathway/rereferral-after-intervention';
import { shownPeriod } from '$lib/domain/shown-period';
import { interventionMixTitle, summariseInterventionMix } from './intervention-mix';
import { latestQuarterComparison } from './latest-quarter';
import { nrmTitle, summariseNrm } from './nrm';
import { pathwayFunnelTitle, summarisePathwayFunnel } from './pathway-funnel';
import { incompleteQuarter, quarterLabel } from '$lib/format/quarter-label';
import { rereferralTitle, summariseRereferral } from './rereferral';
import { inAreaOrder } from '$lib/transform/in-area-order';
import { followUpNotYet } from '$lib/summaries/follow-up-not-yet';
import { stageByDistrictTitle, summariseStageByDistrict, type GroupStageShare } from './stage-by-district';
import { stageShortLabels } from './stage-labels';
import { interventionShares, type InterventionShare } from '$lib/transform/intervention-shares';
import { stageShares, type StageShare } from '$lib/transform/stage-shares';
import { withProportions } from '$lib/transform/proportions';
import { hidden } from '$lib/summaries/share';
import { rereferralShares, type RereferralShare } from '$lib/transform/rereferral-shares';

/** One figure in the row of headlines at the top of the page. */
export interface PathwayHeadline {
	label: string;
	value: string;
	detail?: string | undefined;
}

/** A point of the quarterly progress chart, with the counts behind its share for the table. */
export type QuarterPoint = SharePoint & { numerator: number | null; denominator: number | null };

/** A point of the quarterly NRM chart, with the counts behind its share for the table. */
export type NrmPoint = SharePoint & {
	nrm: number | null;
	recorded: number | null;
	suppressed?: Record<string, string>;
};

const pct = (share: number | null | undefined) =>
	share === null || share === undefined ? 'c' : formatPercent(share);
/** "12 of 40": the counts behind a share, each "c" when publication mode withholds it. */
const ofCount = (part: number | null, whole: number | null) =>
	`${part === null ? 'c' : formatCount(part)} of ${whole === null ? 'c' : formatCount(whole)}`;

/** The stages the quarterly chart follows. */
const quarterSeries = ['central_list', 'mase_discussed', 'risk_tool_completed'] as const;

const ageLabel = (band: string) =>
	`Aged ${ageBands
		.label(band as AgeBand)
		.replace(/^Under/, 'under')
		.toLowerCase()}`;
const indicatorLabel = (band: string) => `${band.replace('-', ' to ')} indicators`;
/** Age and indicator groups as they read in a sentence. */
const agePhrase = (label: string) => `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
const indicatorPhrase = (label: string) => `with ${label}`;

const segments = (rows: readonly InterventionShare[]): StackedSegment[] =>
	rows.map((row) => ({
		groupLabel: row.groupLabel,
		segment: row.intervention,
		segmentLabel: row.interventionLabel,
		share: row.share,
		count: row.referrals
	}));

const mixColumns: TableColumn<InterventionShare>[] = [
	{ key: 'groupLabel', label: 'Group' },
	{ key: 'interventionLabel', label: 'Intervention' },
	publishedColumn<InterventionShare>('referrals', 'Referrals', formatCount),
	publishedColumn<InterventionShare>('share', 'Share of group', formatPercent)
];

/** One intervention-mix chart: a stacked bar of intervention kinds per group. */
function mixChart(
	mix: { rows: InterventionShare[]; notRecorded: number },
	groupName: string,
	phrase: (label: string) => string,
	caption: string
): ChartSpec<InterventionShare> {
	const summary = summariseInterventionMix(mix.rows, 'disrupt', groupName, phrase, mix.notRecorded);
	return {
		title: interventionMixTitle(mix.rows, 'disrupt', groupName, phrase),
		subject: `Intervention kind by ${groupName}`,
		summary,
		caption,
		rows: mix.rows,
		columns: mixColumns,
		...drawing(stackedSharesChart, [segments(mix.rows)], {
			label: summary,
			colours: interventionColours,
			segmentOrder: interventionKinds.codes
		})
	};
}

/** A part's answer: its own query's, or its rows within the page's merged counts, with their state. */
function partAnswer<Row extends object>(
	filters: Filters,
	merged: Answer<object>,
	own: Answer<Row>,
	part: PathwayPart
): Answer<Row> {
	if (!pathwayMerged(filters)) return own;
	return { rows: pathwayRows<Row>(merged.rows, part), loading: merged.loading, error: merged.error };
}

/**
 * Pathway and interventions: how far referrals go along the guidance's pathway (overall, by district, by
 * quarter), the kinds of intervention by age and indicator profile, NRM referrals and re-referral after an
 * intervention.
 */
export const pathwayPage = definePage()
	.derive('shown', ({ filters, extent }) =>
		shownPeriod(filters, extent?.first_referral, extent?.last_referral)
	)
	.derive('period', ({ shown }) => (shown ? formatDayRange(shown.first, shown.last) : 'the whole period'))
	.derive('lastQuarter', ({ filters, extent }) =>
		extent?.last_referral ? incompleteQuarter(filters.to ?? extent.last_referral) : undefined
	)
	// Under a filter that needs the facts, the page's counts in one query (pathway-counts.ts), each part's
	// rows taken back out; elsewhere each part's own query.
	.query('pageCounts', ({ filters }): Ask<object> => pathwayCounts(filters))
	.query('headlineOwn', ({ filters }): Ask<ReferralHeadline> => pathwayPart(filters, 'headline'))
	.query('funnelOwn', ({ filters }): Ask<PathwayFunnelRow> => pathwayPart(filters, 'funnel'))
	.query('districtOwn', ({ filters }): Ask<PathwayFunnelRow> => pathwayPart(filters, 'district'))
	.query('quarterOwn', ({ filters }): Ask<PathwayFunnelRow> => pathwayPart(filters, 'quarter'))
	.query('ageOwn', ({ filters }): Ask<InterventionMixRow> => pathwayPart(filters, 'age'))
	.query('indicatorOwn', ({ filters }): Ask<InterventionMixRow> => pathwayPart(filters, 'indicatorCount'))
	.query('nrmOwn', ({ filters }): Ask<NrmRow> => pathwayPart(filters, 'nrm'))
	.query('nrmQuarterOwn', ({ filters }): Ask<NrmRow> => pathwayPart(filters, 'nrmQuarter'))
	.query('rereferralOwn', ({ filters }): Ask<RereferralRow> => pathwayPart(filters, 'rereferral'))
	.derive('headlineCounts', ({ filters, pageCounts, headlineOwn }) =>
		partAnswer(filters, pageCounts, headlineOwn, 'headline')
	)
	.derive('funnelCounts', ({ filters, pageCounts, funnelOwn }) =>
		partAnswer(filters, pageCounts, funnelOwn, 'funnel')
	)
	.derive('districtCounts', ({ filters, pageCounts, districtOwn }) =>
		partAnswer(filters, pageCounts, districtOwn, 'district')
	)
	.derive('quarterCounts', ({ filters, pageCounts, quarterOwn }) =>
		partAnswer(filters, pageCounts, quarterOwn, 'quarter')
	)
	.derive('ageCounts', ({ filters, pageCounts, ageOwn }) => partAnswer(filters, pageCounts, ageOwn, 'age'))
	.derive('indicatorCounts', ({ filters, pageCounts, indicatorOwn }) =>
		partAnswer(filters, pageCounts, indicatorOwn, 'indicatorCount')
	)
	.derive('nrmCounts', ({ filters, pageCounts, nrmOwn }) => partAnswer(filters, pageCounts, nrmOwn, 'nrm'))
	.derive('nrmQuarterCounts', ({ filters, pageCounts, nrmQuarterOwn }) =>
		partAnswer(filters, pageCounts, nrmQuarterOwn, 'nrmQuarter')
	)
	.derive('rereferralCounts', ({ filters, pageCounts, rereferralOwn }) =>
		partAnswer(filters, pageCounts, rereferralOwn, 'rereferral')
	)

	// ----- The pathway as a funnel
	.derive('funnel', ({ funnelCounts }) => stageShares(funnelCounts.rows ?? []))
	.derive('funnelChart', ({ funnel, funnelCounts, period }): ChartSpec<StageShare> => {
		const summary = summarisePathwayFunnel(funnel, funnelCounts.rows?.[0]?.not_recorded ?? 0);
		return stageSharesSpec(funnel, {
			title: pathwayFunnelTitle(funnel),
			subject: 'How far referrals went along the pathway',
			summary,
			caption: `Referrals by the furthest stage of the pathway they reached, ${period}: a referral that reached the MASE was also on the central list, and so on, so each bar is the share reaching that stage or a later one, with 95% intervals (Wilson). Referrals with no stage recorded are left out.`,
			text: (share) => `${formatCount(share.reached)} (${pct(share.share)})`
		});
	})
	.derive('funnelChartLoading', ({ funnelCounts }) => funnelCounts.loading)

	// ----- By district (every district whatever the district filter: the chart cross-filters)
	.derive('byDistrict', ({ districtCounts, areaReference }) =>
		inAreaOrder(
			stageShares(districtCounts.rows ?? []),
			(share) => share.group,
			areaReference.enumeration.codes
		).map((share): GroupStageShare => ({
			...share,
			groupLabel: areaReference.label(share.group)
		}))
	)
	.derive('selectedDistricts', ({ filters }) => filters.districts?.join(',') ?? '')
	.derive(
		'districtChart',
		({ byDistrict, selectedDistricts, period, toggle }): ChartSpec<GroupStageShare> => {
			const selected = new Set(selectedDistricts.split(','));
			const cells = byDistrict.map((share): HeatCell => ({
				row: share.group,
				rowLabel: share.groupLabel,
				column: share.stage,
				columnLabel: stageShortLabels[share.stage as PathwayStage],
				share: share.share,
				detail:
					share.reached !== null && share.recorded !== null
						? `${formatCount(share.reached)} of ${countNoun(share.recorded, 'referral')}`
						: '',
				selected: selected.has(share.group)
			}));
			const summary = summariseStageByDistrict(byDistrict, 'mase_discussed', 'Discussed at MASE');
			return {
				subject: 'Stages reached by district',
				title: stageByDistrictTitle(byDistrict, 'mase_discussed', 'Discussion at MASE'),
				summary,
				caption: `Share of referrals reaching each stage (or a later one), by district of the child, ${period}. Every district is shown whatever the district filter; select a row to filter by its district. Significance: each district's share against the partnership's on a funnel plot (99.8% limits).`,
				rows: byDistrict,
				columns: [
					{ key: 'groupLabel', label: 'District' },
					{ key: 'stageLabel', label: 'Stage' },
					publishedColumn<GroupStageShare>('reached', 'Reached', formatCount),
					publishedColumn<GroupStageShare>('recorded', 'Referrals', formatCount),
					publishedColumn<GroupStageShare>('share', 'Share', formatPercent),
					publishedColumn<GroupStageShare>('lower', '95% interval', percentInterval)
				],
				...drawing(shareHeatmapChart, [cells], {
					label: summary,
					onSelect: selecting(toggle, 'districts'),
					columnLabel: 'Furthest stage reached, or later'
				})
			};
		}
	)
	.derive('districtChartLoading', ({ districtCounts }) => districtCounts.loading)

	// ----- Over time (quarterly)
	.derive('quarterPoints', ({ quarterCounts, lastQuarter }) =>
		stageShares(quarterCounts.rows ?? [])
			.filter((share) => (quarterSeries as readonly string[]).includes(share.stage))
			.map((share): QuarterPoint => ({
				period: share.group,
				periodLabel: quarterLabel(share.group),
				series: share.stage,
				seriesLabel: stageShortLabels[share.stage as PathwayStage],
				share: share.share,
				lower: share.lower,
				upper: share.upper,
				incomplete: share.group === lastQuarter,
				numerator: share.reached,
				denominator: share.recorded
			}))
	)
	.derive('quarterChart', ({ quarterPoints, period, lastQuarter }): ChartSpec<QuarterPoint> => {
		const mase = latestQuarterComparison(
			quarterPoints,
			'mase_discussed',
			'of referrals were discussed at MASE'
		);
		const summary = mase
			? `${mase}. Recent referrals have had less time to move along the pathway, so the latest quarters may rise.`
			: 'Too few quarters to compare the latest with a year earlier.';
		const latest = quarterPoints
			.filter((point) => point.series === 'mase_discussed' && !point.incomplete)
			.at(-1);
		return {
			subject: 'Progress along the pathway by quarter of referral',
			title:
				latest && latest.share !== null
					? `${formatPercent(latest.share)} of referrals in ${formatQuarterMonths(latest.period)} were discussed at MASE`
					: 'Progress along the pathway by quarter of referral',
			summary,
			caption: `Share of referrals in each calendar quarter that reached the central list, the MASE and a completed risk management tool, ${period}. Comparison of the latest complete quarter with a year earlier: Newcombe's interval for the difference.${lastQuarter ? ` ${formatQuarterMonths(lastQuarter)} is not complete (hollow circles).` : ''} Referrals in recent quarters have had less time to progress.`,
			rows: quarterPoints,
			columns: [
				{ key: 'periodLabel', label: 'Quarter' },
				{ key: 'seriesLabel', label: 'Stage' },
				publishedColumn<QuarterPoint>('numerator', 'Reached', formatCount),
				publishedColumn<QuarterPoint>('denominator', 'Referrals', formatCount),
				publishedColumn<QuarterPoint>('share', 'Share', formatPercent),
				publishedColumn<QuarterPoint>('lower', '95% interval', percentInterval)
			],
			...drawing(sharesOverTimeChart, [quarterPoints], { label: summary, valueLabel: 'Share of referrals' })
		};
	})
	.derive('quarterChartLoading', ({ quarterCounts }) => quarterCounts.loading)

	// ----- Intervention kind by age band and by indicator profile
	.derive('ageChart', ({ ageCounts, publication, period }) =>
		mixChart(
			interventionShares(ageCounts.rows ?? [], { groups: ageBands.codes, groupLabel: ageLabel }),
			'age band',
			agePhrase,
			`Kind of intervention offered, by age at referral, ${period}: shares of each age band's referrals with the intervention recorded.${publication ? ' Publication mode: suppressed shares are combined in one pale block marked c at the end of the bar.' : ''}`
		)
	)
	.derive('ageChartLoading', ({ ageCounts }) => ageCounts.loading)
	.derive('indicatorChart', ({ indicatorCounts, period }) =>
		mixChart(
			interventionShares(indicatorCounts.rows ?? [], {
				groups: indicatorBands,
				groupLabel: indicatorLabel
			}),
			'indicator profile',
			indicatorPhrase,
			`Kind of intervention offered, by how many of the guidance's 12 indicators were present (at any level) on the referral, ${period}.`
		)
	)
	.derive('indicatorChartLoading', ({ indicatorCounts }) => indicatorCounts.loading)

	// ----- NRM referrals
	.derive(
		'nrmOverall',
		({ nrmCounts }) => withProportions(nrmCounts.rows ?? [], { numerator: 'nrm', denominator: 'recorded' })[0]
	)
	.derive('nrmPoints', ({ nrmQuarterCounts, lastQuarter }) =>
		withProportions(nrmQuarterCounts.rows ?? [], {
			numerator: 'nrm',
			denominator: 'recorded'
		}).map((row): NrmPoint => ({
			period: row.quarter,
			periodLabel: quarterLabel(row.quarter),
			series: 'nrm',
			seriesLabel: 'NRM referral',
			share: row.share,
			lower: row.lower,
			upper: row.upper,
			incomplete: row.quarter === lastQuarter,
			nrm: row.nrm,
			recorded: row.recorded,
			...(row.suppressed ? { suppressed: row.suppressed } : {})
		}))
	)
	.derive('nrmChart', ({ nrmOverall, nrmPoints, period, lastQuarter }): ChartSpec<NrmPoint> => {
		const summary = summariseNrm(
			nrmOverall,
			latestQuarterComparison(
				nrmPoints.map((point) => ({ ...point, numerator: point.nrm, denominator: point.recorded })),
				'nrm',
				'of referrals led to an NRM referral'
			)
		);
		return {
			subject: 'Referrals to the National Referral Mechanism by quarter',
			title: nrmTitle(nrmOverall),
			summary,
			caption: `Share of referrals that led to a National Referral Mechanism referral, by calendar quarter of referral, ${period}, with the 95% interval (Wilson) as a band; referrals with the NRM not recorded are left out.${lastQuarter ? ` ${formatQuarterMonths(lastQuarter)} is not complete (hollow circle).` : ''}`,
			rows: nrmPoints,
			columns: [
				{ key: 'periodLabel', label: 'Quarter' },
				publishedColumn<NrmPoint>('nrm', 'NRM referrals', formatCount),
				publishedColumn<NrmPoint>('recorded', 'Referrals', formatCount),
				publishedColumn<NrmPoint>('share', 'Share', formatPercent),
				publishedColumn<NrmPoint>('lower', '95% interval', percentInterval)
			],
			...drawing(sharesOverTimeChart, [nrmPoints], { label: summary, valueLabel: 'Share of referrals' })
		};
	})
	.derive('nrmChartLoading', ({ nrmQuarterCounts }) => nrmQuarterCounts.loading)

	// ----- Re-referral after an intervention
	// No rows before the answer (the chart says "Loading…", the card "…"), not a share of no children: an answer
	// with no rows is "none followed up", a question not yet answered is not.
	.derive('rereferral', ({ rereferralCounts }) =>
		rereferralCounts.rows ? rereferralShares(rereferralCounts.rows) : []
	)
	.derive('rereferralChart', (scope): ChartSpec<RereferralShare> => {
		const { rereferral, rereferralCounts, period, shown, extent } = scope;
		const incompleteFollowUp = (rereferralCounts.rows ?? [])
			.filter((row) => row.intervention !== 'none')
			.reduce((sum, row) => sum + row.follow_up_incomplete, 0);
		// No child followed up yet, only some waiting for their 12 months: an empty chart says so and when,
		// and so does its summary (not "no children match", which would blame the filters).
		const notYet =
			rereferral.every((row) => row.children === 0) &&
			rereferral.some((row) => row.follow_up_incomplete > 0) &&
			shown !== undefined &&
			extent?.last_referral
				? followUpNotYet(shown, extent.last_referral)
				: undefined;
		const summary = notYet ?? summariseRereferral(rereferral, incompleteFollowUp);
		const spec = shareBarsSpec(rereferral, {
			title: rereferralTitle(rereferral),
			subject: 'Children referred again within 12 months, by intervention',
			summary,
			caption: `Children referred again within 12 months after an intervention, by kind of intervention, with 95% intervals (Wilson); index referrals in ${period}. Definition above.`,
			category: ['label', 'Intervention'],
			count: ['re_referred', 'Referred again'],
			base: ['children', 'Children followed up'],
			valueLabel: 'Referred again within 12 months',
			marginLeft: 330,
			bar: (row) => ({
				key: row.intervention,
				label: row.label,
				highlight: row.intervention === 'any',
				value: row.share,
				lower: row.lower,
				upper: row.upper,
				// "c" only ever means withheld: with no child followed up there is no share to withhold.
				text:
					row.children === 0
						? 'none followed up'
						: row.share === null
							? 'c'
							: `${pct(row.share)} (${row.re_referred === null ? 'c' : formatCount(row.re_referred)} of ${row.children === null ? 'c' : formatCount(row.children)})`
			})
		});
		return { ...spec, empty: notYet };
	})
	.derive('rereferralChartLoading', ({ rereferralCounts }) => rereferralCounts.loading)

	// ----- Headlines
	.derive('withIntervention', ({ ageCounts }) => {
		const recorded = (ageCounts.rows ?? []).filter((row) => row.intervention !== 'not_recorded');
		const total = recorded.reduce((sum, row) => sum + row.referrals, 0);
		const some = recorded
			.filter((row) => row.intervention !== 'none')
			.reduce((sum, row) => sum + row.referrals, 0);
		return { some, total, answered: ageCounts.rows !== undefined };
	})
	.derive('headlines', (scope): PathwayHeadline[] => {
		const { headlineCounts, funnel, withIntervention, nrmOverall, rereferral, publication } = scope;
		const shownCount = (value: number) => (hidden(value, publication) ? 'c' : formatCount(value));
		const headline = headlineCounts.rows?.[0];
		const maseShare = funnel.find((share) => share.stage === 'mase_discussed');
		const { some, total } = withIntervention;
		const anyRereferral = rereferral.find((row) => row.intervention === 'any');
		return [
			{ label: 'Referrals', value: headline ? shownCount(headline.referrals) : '…' },
			{
				label: 'Discussed at MASE',
				value: maseShare ? (maseShare.recorded === 0 ? '–' : pct(maseShare.share)) : '…',
				detail:
					maseShare?.recorded === 0
						? 'No referral has a pathway stage recorded'
						: maseShare && maseShare.reached !== null
							? countNoun(maseShare.reached, 'referral')
							: undefined
			},
			{
				label: 'With an intervention',
				value:
					total === 0
						? withIntervention.answered
							? '–'
							: '…'
						: hidden(some, publication) || hidden(total, publication) || shareWithheld(total, publication)
							? 'c'
							: formatPercent(Math.min(some, total) / total),
				detail: total > 0 ? `of ${shownCount(total)} with the intervention recorded` : undefined
			},
			// "–" and a reason where a share has no base: "c" only ever means withheld.
			{
				label: 'NRM referral',
				value: nrmOverall ? (nrmOverall.recorded === 0 ? '–' : pct(nrmOverall.share)) : '…',
				detail: nrmOverall
					? nrmOverall.recorded === 0
						? 'No referral has the NRM recorded'
						: `${ofCount(nrmOverall.nrm, nrmOverall.recorded)} referrals`
					: undefined
			},
			{
				label: 'Referred again within 12 months of an intervention',
				value: anyRereferral ? (anyRereferral.children === 0 ? '–' : pct(anyRereferral.share)) : '…',
				detail: anyRereferral
					? anyRereferral.children === 0
						? 'No child with an intervention has 12 months of follow-up yet'
						: `${ofCount(anyRereferral.re_referred, anyRereferral.children)} children followed up`
					: undefined
			}
		];
	})
	.derive('headlinesLoading', ({ headlineCounts }) => headlineCounts.loading);
