import { drawing, selectableDrawing, selecting } from '$lib/page/drawing';
import { countNoun } from '$lib/format/count-noun';
import { categoryBarsChart, type CategoryBar } from '$lib/charts/category-bars';
import { monthlyLinesChart, type SeriesPoint } from '$lib/charts/monthly-lines';
import { monthlySmallMultiplesChart, type PanelPoint } from '$lib/charts/monthly-small-multiples';
import { seasonalityChart } from '$lib/charts/seasonality';
import { publishedColumn } from '$lib/page/published-column';
import type { TableColumn } from '$lib/page/table-column';
import { formatMonth } from '$lib/format/date';
import { formatCount, formatDecimal, formatPercent } from '$lib/format/number';
import type { ChartSpec } from '$lib/page/chart-spec';
import { definePage, type Ask } from '$lib/page/define-page';
import { episodeHeadline, type EpisodeHeadline } from '$lib/sql/metrics/headline';
import {
	durationBands,
	episodeDurations,
	type DurationBandRow
} from '$lib/sql/metrics/missing/duration-bands';
import { episodeExtent, type EpisodeExtent } from '$lib/sql/metrics/missing/episode-extent';
import { episodeSexes, type EpisodeSexRow } from '$lib/sql/metrics/missing/episode-sexes';
import { episodeTypes, type EpisodeTypeRow } from '$lib/sql/metrics/missing/episode-types';
import { monthlyEpisodes, type MonthlyEpisodeCount } from '$lib/sql/metrics/missing/monthly-episodes';
import {
	monthlyEpisodesByDistrict,
	monthlyEpisodesByLookedAfter,
	type MonthlyGroupCount
} from '$lib/sql/metrics/missing/monthly-episodes-by-group';
import {
	districtEpisodeRates,
	type DistrictEpisodeRateRow
} from '$lib/sql/metrics/missing/district-episode-rates';
import { repeatBands, repeatMissing, type RepeatMissingRow } from '$lib/sql/metrics/missing/repeat-missing';
import { returnInterviews, type ReturnInterviewRow } from '$lib/sql/metrics/missing/return-interviews';
import { seasonality, type SeasonalityRow } from '$lib/sql/metrics/missing/seasonality';
import { shownPeriod } from '$lib/domain/shown-period';
import { durationsNotCounts, durationsTitle, summariseDurations } from './durations';
import { episodeSexesTitle, summariseEpisodeSexes } from './episode-sexes';
import { episodeTypesTitle, summariseEpisodeTypes } from './episode-types';
import { episodesByGroupTitle, summariseEpisodesByGroup } from './episodes-by-group';
import { districtEpisodeRateTitle, episodeRates } from './district-episode-rate';
import { monthlyEpisodesTitle, summariseMonthlyEpisodes } from './monthly-episodes';
import { repeatCounts, repeatMissingTitle, summariseRepeatMissing } from './repeat-missing';
import { returnInterviewsTitle, summariseReturnInterviews, withinDefinition } from './return-interviews';
import { seasonalityTitle, summariseSeasonality } from './seasonality';
import { inAreaOrder } from '$lib/transform/in-area-order';
import { incompleteLastMonth } from '$lib/transform/incomplete-month';
import { bandShares, type BandShare } from './band-shares';
import { interviewShares, interviewTiming, type InterviewShare } from './return-interview-shares';
import { seasonalPattern, type CalendarMonth } from './seasonal-pattern';
import type { Published } from '$lib/publication/withheld';
import { shareWithheld } from '$lib/publication/share-base';
import { genders } from '$lib/contract';

/** One figure in the row of headlines at the top of the page. */
export interface MissingHeadline {
	label: string;
	value: string;
	detail?: string | undefined;
}

/** A point of the monthly episodes-and-children chart. */
export type MonthlyPoint = SeriesPoint & { suppressed?: Record<string, string> | undefined };

/** A row of the seasonality table: a calendar month with its suppressed cells marked. */
export type SeasonRow = CalendarMonth & { suppressed: Record<string, string> | undefined };

/** Said on the page: the filters the missing episodes record cannot honour. */
export const filterNote =
	'Gender, ethnicity, risk level and referral source filters do not apply: the missing episodes record does not hold them.';

const text = (value: number | null) => (value === null ? 'c' : formatCount(value));

const statusLabels: Record<string, string> = {
	looked_after: 'Looked after',
	not_looked_after: 'Not looked after',
	not_recorded: 'Status not recorded'
};

const monthColumn = {
	key: 'month',
	label: 'Month',
	format: (value: unknown) => formatMonth(String(value))
} as const;

/** Monthly counts per group as small-multiple panels; in publication mode the month × group table is protected. */
function groupPoints(
	rows: readonly MonthlyGroupCount[],
	label: (group: string) => string,
	publication: boolean,
	incompleteMonth: string | undefined
): PanelPoint[] {
	return rows.map((row) => ({
		month: row.month,
		key: row.group,
		label: label(row.group),
		value: row.episodes,
		suppressed: undefined,
		mean: null,
		upl: null,
		lpl: null,
		incomplete: row.month === incompleteMonth,
		signal: null,
		specialCause: null
	}));
}

const bars = (rows: readonly Published<BandShare>[], highlight?: string): CategoryBar[] =>
	rows.map((row) => ({
		key: row.band,
		label: row.label,
		value: row.share,
		lower: row.lower,
		upper: row.upper,
		text:
			row.count === null
				? 'c'
				: `${formatCount(row.count)} (${row.share === null ? '–' : formatPercent(row.share)})`,
		highlight: row.band === highlight
	}));

const shareColumns = (countLabel: string): TableColumn<Published<BandShare>>[] => [
	{ key: 'label', label: 'Group' },
	publishedColumn<Published<BandShare>>('count', countLabel, formatCount),
	publishedColumn<Published<BandShare>>('share', 'Share', formatPercent),
	publishedColumn<Published<BandShare>>('lower', '95% interval', (_: never, row) =>
		row.lower === null ? '–' : `${formatPercent(row.lower)} to ${formatPercent(row.upper!)}`
	)
];

/**
 * Missing episodes: how often children go missing or away, for how long, when in the year, by district and
 * looked-after status, and whether they get a return home interview in time.
 */
export const missingPage = definePage()
	// The missing page's default period is that of the episodes loaded, not the referrals.
	.query('episodeExtent', (): Ask<EpisodeExtent> => episodeExtent())
	.derive('months', ({ filters, episodeExtent }) =>
		shownPeriod(filters, episodeExtent.rows?.[0]?.first_start, episodeExtent.rows?.[0]?.last_start)
	)
	// The last month when the period stops part-way through it: marked on the charts, not on the line.
	.derive('incompleteMonth', ({ months }) => (months ? incompleteLastMonth(months.last) : undefined))
	.derive('period', ({ months }) =>
		months ? `${formatMonth(months.first)} to ${formatMonth(months.last)}` : 'the whole period'
	)
	.derive(
		'fill',
		({ months }) =>
			(groupBy: string, groups: readonly string[], value: string) =>
				months ? { name: 'fillMonths' as const, options: { ...months, groupBy, groups, value } } : undefined
	)
	.query('headlineCounts', ({ filters }): Ask<EpisodeHeadline> => episodeHeadline(filters))
	.query('monthlyCounts', ({ filters, fill }): Ask<MonthlyEpisodeCount> => {
		const reshape = fill('series', ['episodes', 'children'], 'count');
		return reshape ? { query: monthlyEpisodes(filters), reshape } : undefined;
	})
	.query('districtMonths', ({ filters, fill, areaReference }): Ask<MonthlyGroupCount> => {
		const reshape = fill('group', areaReference.enumeration.codes, 'episodes');
		return reshape ? { query: monthlyEpisodesByDistrict(filters), reshape } : undefined;
	})
	// The period a district's rate is measured over: the shown days kept within the loaded episodes, so no
	// empty days dilute a rate (as the Districts page keeps its rates within the loaded referrals).
	.query('districtRates', ({ filters, months, episodeExtent }): Ask<DistrictEpisodeRateRow> => {
		const first = episodeExtent.rows?.[0]?.first_start;
		const last = episodeExtent.rows?.[0]?.last_start;
		if (!months || !first || !last) return undefined;
		const from = months.first > first ? months.first : first;
		const to = months.last < last ? months.last : last;
		return districtEpisodeRates(filters, { from, to });
	})
	.query('lookedAfterMonths', ({ filters, fill }): Ask<MonthlyGroupCount> => {
		const reshape = fill('group', ['looked_after', 'not_looked_after', 'not_recorded'], 'episodes');
		return reshape ? { query: monthlyEpisodesByLookedAfter(filters), reshape } : undefined;
	})
	.query('seasonCounts', ({ filters }): Ask<SeasonalityRow> => seasonality(filters))
	.query('repeatByBand', ({ filters }): Ask<RepeatMissingRow> => repeatMissing(filters))
	.query('durationByBand', ({ filters }): Ask<DurationBandRow> => episodeDurations(filters))
	.query('interviewCounts', ({ filters }): Ask<ReturnInterviewRow> => returnInterviews(filters))
	.query('typeCounts', ({ filters }): Ask<EpisodeTypeRow> => episodeTypes(filters))
	.query('sexCounts', ({ filters }): Ask<EpisodeSexRow> => episodeSexes(filters))

	// The headline counts as published (perturbed in publication mode by the seam).
	.derive('episodesShown', ({ headlineCounts }) => headlineCounts.rows?.[0]?.episodes ?? null)
	.derive('childrenShown', ({ headlineCounts }) => headlineCounts.rows?.[0]?.children_missing ?? null)

	// ----- Episodes and children per month
	.derive('monthlyPoints', ({ monthlyCounts, incompleteMonth }) => {
		const rows = monthlyCounts.rows ?? [];
		return rows.map((row): MonthlyPoint => ({
			month: row.month,
			series: row.series,
			seriesLabel: row.series === 'episodes' ? 'Episodes' : 'Children',
			value: row.count,
			incomplete: row.month === incompleteMonth,
			suppressed: undefined
		}));
	})
	.derive('monthlyChart', (scope): ChartSpec<MonthlyPoint> => {
		const { monthlyPoints, episodesShown, childrenShown, period, incompleteMonth, publication } = scope;
		const summary = summariseMonthlyEpisodes(monthlyPoints, {
			episodes: episodesShown,
			children: childrenShown
		});
		return {
			subject: 'Missing and away episodes by month',
			title: monthlyEpisodesTitle(monthlyPoints),
			summary,
			caption: `Missing and away episodes starting in each calendar month, and the number of different children with an episode that month, ${period}. ${incompleteMonth ? ` ${formatMonth(incompleteMonth)} is not complete: shown as a hollow circle.` : ''}${publication ? ' Publication mode: every count is perturbed by the cell key method (see Methods).' : ''}`,
			rows: monthlyPoints,
			columns: [
				monthColumn,
				{ key: 'seriesLabel', label: 'Measure' },
				publishedColumn<MonthlyPoint>('value', 'Count', formatCount)
			],
			...drawing(monthlyLinesChart, [monthlyPoints], { label: summary, valueLabel: 'Per month' })
		};
	})
	.derive('monthlyChartLoading', ({ monthlyCounts }) => monthlyCounts.loading)

	// ----- Seasonality
	.derive('seasonChart', ({ seasonCounts, period }): ChartSpec<SeasonRow> => {
		const season = seasonalPattern(seasonCounts.rows ?? []);
		const summary = summariseSeasonality(season);
		// No months before the answer (the chart says "Loading…"), not twelve months of none.
		const rows = (seasonCounts.rows ? season.months : []).map((month): SeasonRow => ({
			...month,
			suppressed:
				month.average === null && month.monthsCovered > 0 ? { average: 'c', episodes: 'c' } : undefined
		}));
		return {
			subject: 'Missing and away episodes by calendar month of the year',
			title: seasonalityTitle(season),
			summary,
			caption: `Average missing and away episodes per calendar month across ${seasonCounts.rows ? formatDecimal(season.yearsCovered) : '…'} years, ${period} (bars; a month only partly in the period counts as a fraction of a month), with each year's complete months as dots. Summer is June to August. The comparison is a ratio of monthly rates with a 95% interval (score test); it treats episodes as independent, so it understates uncertainty when the same children go missing repeatedly.`,
			rows,
			columns: [
				{ key: 'name', label: 'Month' },
				publishedColumn<SeasonRow>('episodes', 'Episodes', formatCount),
				{
					key: 'monthsCovered',
					label: 'Months covered',
					numeric: true,
					format: (value) => formatDecimal(Number(value))
				},
				publishedColumn<SeasonRow>('average', 'Average a month', formatDecimal),
				{ key: 'summer', label: 'Summer', format: (value) => (value ? 'Yes' : 'No') }
			],
			...drawing(seasonalityChart, [season.months, season.years], {
				label: summary,
				valueLabel: 'Episodes a month',
				unit: 'episodes'
			})
		};
	})
	.derive('seasonChartLoading', ({ seasonCounts }) => seasonCounts.loading)

	// ----- By district (every district whatever the district filter: the chart cross-filters)
	.derive('districtPoints', ({ districtMonths, publication, incompleteMonth, areaReference }) =>
		groupPoints(
			inAreaOrder(districtMonths.rows ?? [], (row) => row.group, areaReference.enumeration.codes),
			(code) => areaReference.label(code),
			publication,
			incompleteMonth
		)
	)
	.derive('selectedDistricts', ({ filters }) => filters.districts)
	.derive('districtChart', (scope): ChartSpec<PanelPoint> => {
		const {
			districtPoints,
			selectedDistricts,
			period,
			incompleteMonth,
			toggle,
			districtRates,
			areaReference
		} = scope;
		const summary = summariseEpisodesByGroup(districtPoints);
		return {
			subject: 'Missing and away episodes by district',
			title: districtEpisodeRateTitle(
				episodeRates(districtRates.rows ?? [], (code) => areaReference.label(code))
			),
			summary,
			caption: `Missing and away episodes per month by the district the child went missing from, ${period}.${incompleteMonth ? ` ${formatMonth(incompleteMonth)} is not complete (hollow circle).` : ''} Every district is shown whatever the district filter; selected districts have a heavy frame. Select a panel to filter by its district. The title's rate is episodes of children aged 0 to 17 per 10,000 children of those ages a year, against the population the Districts page uses, so a district with more children is not named for that alone.`,
			rows: districtPoints,
			columns: [
				monthColumn,
				{ key: 'label', label: 'District' },
				publishedColumn<PanelPoint>('value', 'Episodes', formatCount)
			],
			// The selection restyles the chart drawn: a click alone draws none of its panels again.
			...selectableDrawing(
				monthlySmallMultiplesChart,
				[districtPoints],
				{
					label: summary,
					valueLabel: 'Episodes',
					unit: 'episodes',
					onSelect: selecting(toggle, 'districts'),
					height: 160
				},
				selectedDistricts,
				// Shorter on paper: the chart then shares a sheet with the seasonal chart before it.
				{ height: 110 }
			)
		};
	})
	.derive('districtChartLoading', ({ districtMonths }) => districtMonths.loading)

	// ----- By looked-after status (the not-recorded panel only when some episode lacks the status)
	.derive('lookedAfterPoints', ({ lookedAfterMonths, publication, incompleteMonth }) => {
		const rows = lookedAfterMonths.rows ?? [];
		const unrecorded = rows.some((row) => row.group === 'not_recorded' && row.episodes > 0);
		return groupPoints(
			rows.filter((row) => unrecorded || row.group !== 'not_recorded'),
			(group) => statusLabels[group] ?? group,
			publication,
			incompleteMonth
		);
	})
	.derive('lookedAfterChart', ({ lookedAfterPoints, period, incompleteMonth }): ChartSpec<PanelPoint> => {
		const summary = summariseEpisodesByGroup(lookedAfterPoints);
		return {
			subject: 'Missing and away episodes by looked-after status',
			title: episodesByGroupTitle(lookedAfterPoints, 'looked-after status'),
			summary,
			caption: `Missing and away episodes per month by whether the child was looked after when the episode began, ${period}.${incompleteMonth ? ` ${formatMonth(incompleteMonth)} is not complete (hollow circle).` : ''} Away without authorisation applies to looked-after children only.`,
			rows: lookedAfterPoints,
			columns: [
				monthColumn,
				{ key: 'label', label: 'Looked after' },
				publishedColumn<PanelPoint>('value', 'Episodes', formatCount)
			],
			...drawing(monthlySmallMultiplesChart, [lookedAfterPoints], {
				label: summary,
				valueLabel: 'Episodes',
				unit: 'episodes',
				height: 170
			})
		};
	})
	.derive('lookedAfterChartLoading', ({ lookedAfterMonths }) => lookedAfterMonths.loading)

	// ----- Repeat missing
	.derive('repeat', ({ repeatByBand, publication }) =>
		bandShares(repeatByBand.rows, {
			bands: repeatBands,
			labels: { '1': '1 episode', '2-4': '2 to 4 episodes', '5-9': '5 to 9 episodes', '10+': '10 or more' },
			band: 'band',
			count: 'children',
			publication
		})
	)
	.derive('repeatChart', ({ repeat, period }): ChartSpec<Published<BandShare>> => {
		const summary = summariseRepeatMissing(repeat.rows, repeat.total);
		return {
			subject: 'Children by number of missing or away episodes',
			title: repeatMissingTitle(repeat.rows, repeat.total),
			summary,
			caption: `Children by how many missing or away episodes they had in the period, ${period}, as a share of all children with an episode, with 95% intervals (Wilson). A child's earlier episodes outside the period are not counted.`,
			rows: repeat.rows,
			columns: shareColumns('Children'),
			...drawing(categoryBarsChart, [bars(repeat.rows)], {
				label: summary,
				valueLabel: 'Share of children missing',
				percent: true
			})
		};
	})
	.derive('repeatChartLoading', ({ repeatByBand }) => repeatByBand.loading)

	// ----- Durations
	.derive('durationChart', ({ durationByBand, publication, period }): ChartSpec<Published<BandShare>> => {
		const durations = bandShares(durationByBand.rows, {
			bands: durationBands,
			labels: {
				same_day: 'Back the same day',
				one_to_two: '1 to 2 days',
				three_to_seven: '3 to 7 days',
				over_seven: 'More than 7 days',
				still_missing: 'Still missing'
			},
			band: 'band',
			count: 'episodes',
			publication
		});
		const summary = summariseDurations(durations.rows, durations.total);
		return {
			subject: 'Episodes by how long the child was missing or away',
			title: durationsTitle(durations.rows, durations.total),
			summary,
			notCounts: durationsNotCounts,
			caption: `Episodes by how long the child was missing or away, ${period}, with 95% intervals. Times are not recorded, so duration is whole days between the start and end dates: "back the same day" is under 24 hours; "1 to 2 days" is up to 72 hours. "Still missing" has no end date.`,
			rows: durations.rows,
			columns: shareColumns('Episodes'),
			...drawing(categoryBarsChart, [bars(durations.rows, 'still_missing')], {
				label: summary,
				valueLabel: 'Share of episodes',
				percent: true
			})
		};
	})
	.derive('durationChartLoading', ({ durationByBand }) => durationByBand.loading)

	// ----- Return home interviews
	.derive('interviews', ({ interviewCounts, publication }) =>
		interviewShares(interviewCounts.rows?.[0], { publication })
	)
	.derive('interviewTiming', ({ interviewCounts }) => interviewTiming(interviewCounts.rows?.[0]))
	.derive('interviewChart', ({ interviews, interviewTiming: timing, period }): ChartSpec<InterviewShare> => {
		const summary = summariseReturnInterviews(interviews, timing);
		const measured =
			timing === 'dates'
				? 'The extract records dates only, so an interview on the day of return or one of the next three calendar days counts (the usual reading of 72 hours with dates alone); the strict reading, the day of return or the next two days, is shown beside it.'
				: timing === 'hours'
					? 'The extract records the return and interview times, so the hours are exact (times read as UTC clock times): 0 to 72 hours after the return.'
					: 'Where the return and interview times are both recorded the hours are exact (read as UTC clock times); where only dates are, an interview on the day of return or one of the next three days counts, and the strict reading (the next two days) is shown beside it.';
		return {
			subject: 'Return home interviews offered, accepted and held in time',
			title: returnInterviewsTitle(interviews, timing),
			summary,
			caption: `Return home interviews after missing or away episodes that ended, ${period}, with 95% intervals (Wilson). Offered: of returns with the offer recorded. Accepted: of interviews offered. Held within 72 hours: of interviews accepted. ${measured} An accepted interview with no date counts as not held in time. Statutory guidance (DfE, 2014) asks for an interview within 72 hours of the child's return.`,
			rows: interviews,
			columns: [
				{ key: 'label', label: 'Step' },
				publishedColumn<InterviewShare>('numerator', 'Number', formatCount),
				publishedColumn<InterviewShare>('denominator', 'Out of', formatCount),
				{ key: 'of', label: 'Out of what' },
				publishedColumn<InterviewShare>('share', 'Share', formatPercent),
				publishedColumn<InterviewShare>('lower', '95% interval', (_: never, row) =>
					row.lower === null ? '–' : `${formatPercent(row.lower)} to ${formatPercent(row.upper!)}`
				)
			],
			...drawing(
				categoryBarsChart,
				[
					interviews.map((step) => ({
						key: step.step,
						label: step.label,
						value: step.share,
						lower: step.lower,
						upper: step.upper,
						text: step.share === null ? 'c' : formatPercent(step.share),
						tooltip:
							step.numerator !== null && step.denominator !== null
								? `${formatCount(step.numerator)} of ${formatCount(step.denominator)} ${step.of}`
								: undefined
					}))
				],
				{ label: summary, valueLabel: 'Share', percent: true, marginLeft: 220 }
			)
		};
	})
	.derive('interviewChartLoading', ({ interviewCounts }) => interviewCounts.loading)

	// ----- Episode types
	.derive('typeChart', ({ typeCounts, publication, period }): ChartSpec<Published<BandShare>> => {
		const rows = typeCounts.rows ?? [];
		const types = bandShares(typeCounts.rows, {
			bands: ['missing', 'away'],
			labels: { missing: 'Missing', away: 'Away without authorisation' },
			band: 'episode_type',
			count: 'episodes',
			publication
		});
		const children = new Map(rows.map((row) => [row.episode_type, row.children]));
		const summary = summariseEpisodeTypes(types.rows, children);
		return {
			subject: 'Episodes by type: missing or away from placement',
			title: episodeTypesTitle(types.rows),
			summary,
			caption: `Episodes by type, ${period}, with 95% intervals: missing, or away from placement without authorisation (SSDA903; away applies to looked-after children only).`,
			rows: types.rows,
			columns: shareColumns('Episodes'),
			...drawing(categoryBarsChart, [bars(types.rows)], {
				label: summary,
				valueLabel: 'Share of episodes',
				percent: true,
				marginLeft: 210
			})
		};
	})
	.derive('typeChartLoading', ({ typeCounts }) => typeCounts.loading)

	// ----- By sex: only when some episode records it (an SSDA903 return's Header table gives it; the demo
	// and most extracts have none, and a chart of "not recorded" alone would say nothing).
	.derive('sexRecorded', ({ sexCounts }) =>
		(sexCounts.rows ?? []).some((row) => row.sex !== 'not_recorded' && (row.episodes ?? 0) > 0)
	)
	.derive('sexChart', ({ sexCounts, publication, period }): ChartSpec<Published<BandShare>> => {
		const rows = sexCounts.rows ?? [];
		const present = new Set(rows.map((row) => row.sex));
		const sexes = bandShares(sexCounts.rows, {
			// Male and female always; indeterminate and not recorded when some episode has them.
			bands: genders.codes.filter((code) => code === 'male' || code === 'female' || present.has(code)),
			labels: Object.fromEntries(genders.codes.map((code) => [code, genders.label(code)])),
			band: 'sex',
			count: 'episodes',
			publication
		});
		const children = new Map(rows.map((row) => [row.sex, row.children]));
		const summary = summariseEpisodeSexes(sexes.rows, children);
		return {
			subject: 'Episodes by the child’s sex',
			title: episodeSexesTitle(sexes.rows),
			summary,
			caption: `Episodes by the child's sex as recorded, ${period}, as a share of all episodes, with 95% intervals (Wilson). For an SSDA903 return the sex comes from its Header table, matched by child; episodes whose child it does not list are not recorded.`,
			rows: sexes.rows,
			columns: shareColumns('Episodes'),
			...drawing(categoryBarsChart, [bars(sexes.rows)], {
				label: summary,
				valueLabel: 'Share of episodes',
				percent: true,
				marginLeft: 140
			})
		};
	})
	.derive('sexChartLoading', ({ sexCounts }) => sexCounts.loading)

	// ----- Headlines
	.derive('headlines', (scope): MissingHeadline[] => {
		const { headlineCounts, episodesShown, childrenShown, repeat, repeatByBand, interviews, publication } =
			scope;
		const timing = scope.interviewTiming;
		const answered = headlineCounts.rows?.[0] !== undefined;
		const twice = repeatCounts(repeat.rows, repeat.total).twice;
		const within = interviews.find((step) => step.step === 'within_72_hours');
		const strict = interviews.find((step) => step.step === 'within_2_days');
		// No accepted interview to time: nothing to show, not a withheld figure ("c" only means withheld).
		const noInterviews = within?.denominator === 0;
		return [
			{ label: 'Missing or away episodes', value: answered ? text(episodesShown) : '…' },
			{ label: 'Children missing or away', value: answered ? text(childrenShown) : '…' },
			{
				label: 'Children missing twice or more',
				value:
					repeat.total === 0
						? repeatByBand.rows
							? '–'
							: '…'
						: twice === null || shareWithheld(repeat.total, publication)
							? 'c'
							: formatPercent(twice / repeat.total),
				detail:
					twice !== null && repeatByBand.rows
						? `${formatCount(twice)} of ${countNoun(repeat.total, 'child', 'children')}`
						: undefined
			},
			{
				label: 'Return interviews within 72 hours',
				value: within
					? noInterviews
						? '–'
						: within.share === null
							? 'c'
							: formatPercent(within.share)
					: '…',
				detail: noInterviews
					? 'No accepted return interviews recorded'
					: within && within.numerator !== null && within.denominator !== null
						? `${formatCount(within.numerator)} of ${countNoun(within.denominator, 'accepted interview')}, held ${withinDefinition(timing)}${
								timing === 'hours'
									? ''
									: `; ${strict?.share == null ? 'c' : formatPercent(strict.share)} within two days (strict)`
							}`
						: undefined
			}
		];
	})
	.derive('headlinesLoading', ({ headlineCounts }) => headlineCounts.loading);
