import { drawing, selecting } from '$lib/page/drawing';
import { countCell, decimalCell, percentCell } from '$lib/page/cell-format';
import { definePageOverShownDays } from '$lib/page/shown-days';
import { agePyramidChart, type PyramidBar } from '$lib/charts/age-pyramid';
import { barsWithIntervalChart, type IntervalBar } from '$lib/charts/bars-with-interval';
import { periodEstimateChart, type PeriodEstimate } from '$lib/charts/period-estimate';
import { intervalColumns } from '$lib/page/table-column';
import { formatCount, formatDecimal } from '$lib/format/number';
import type { ChartSpec } from '$lib/page/chart-spec';
import { type Ask } from '$lib/page/define-page';
import { referralsByAgeAndGender, type AgeGenderCount } from '$lib/sql/metrics/children/age-gender';
import { ageProfileByYear, type AgeProfileRow } from '$lib/sql/metrics/children/age-profile';
import { referralsByEthnicity, type EthnicityCount } from '$lib/sql/metrics/children/ethnicity';
import { lookedAfterByQuarter, type LookedAfterQuarter } from '$lib/sql/metrics/children/looked-after';
import { referralsBySource, type SourceCount } from '$lib/sql/metrics/children/referral-source';
import { ageProfileView, type AgeProfilePoint } from '$lib/summaries/age-profile';
import { agePyramidView, type PyramidPoint } from '$lib/summaries/age-pyramid';
import { ethnicityView, type EthnicityPoint } from '$lib/summaries/ethnicity';
import { lookedAfterView, type LookedAfterPoint } from '$lib/summaries/looked-after';
import { referralSourceView, type SourcePoint } from '$lib/summaries/referral-source';
import { formatShareWithInterval, isSuppressed, shareText } from '$lib/summaries/share';
import type { Published } from '$lib/publication/withheld';

const count = countCell;
const percent = percentCell;
const decimal = decimalCell;

/**
 * Children: who is referred. Age and gender (a pyramid), the age profile over financial years (share under
 * 15, mean and median age), ethnic group, referral source and the looked-after share per quarter; the bars
 * cross-filter the dashboard.
 */
export const childrenPage = definePageOverShownDays()
	.query('ageGender', ({ filters }): Ask<AgeGenderCount> => referralsByAgeAndGender(filters))
	.query('profile', ({ filters }): Ask<AgeProfileRow> => ageProfileByYear(filters))
	.query('ethnicity', ({ filters }): Ask<EthnicityCount> => referralsByEthnicity(filters))
	.query('lookedAfter', ({ filters }): Ask<LookedAfterQuarter> => lookedAfterByQuarter(filters))
	.query('sources', ({ filters }): Ask<SourceCount> => referralsBySource(filters))
	// The bars of a group the filters leave out are dimmed.
	.derive('genders', ({ filters }) => filters.genders)
	.derive('ethnicities', ({ filters }) => filters.ethnicities)
	.derive('referralSources', ({ filters }) => filters.sources)
	.derive('pyramid', ({ ageGender, publication, genders }) =>
		agePyramidView(ageGender.rows ?? [], { publication, genders })
	)
	.derive('pyramidChart', ({ pyramid, period, genders, toggle }): ChartSpec<Published<PyramidPoint>> => {
		const bars = pyramid.points.map((point): PyramidBar => ({
			age: point.age,
			side: point.gender === 'male' ? 'left' : 'right',
			key: point.gender,
			value: point.referrals,
			text: point.referrals === null ? 'c' : point.referrals === 0 ? '' : formatCount(point.referrals),
			title: `${point.genderLabel} aged ${point.age}: ${count(point.referrals)} referrals`,
			dimmed: genders !== undefined && !genders.includes(point.gender)
		}));
		return {
			subject: 'Referrals by age and gender',
			title: pyramid.title,
			summary: pyramid.summary,
			caption: `Exploitation referrals to the MASH by age at referral and gender, ${period}. A child referred twice counts twice. ${pyramid.otherNote} Click a side to filter by gender.`,
			rows: pyramid.points,
			columns: [
				{ key: 'age', label: 'Age at referral', numeric: true, format: (value) => String(value) },
				{ key: 'genderLabel', label: 'Gender' },
				{ key: 'referrals', label: 'Referrals', numeric: true }
			],
			...drawing(agePyramidChart, [bars], {
				label: pyramid.summary,
				leftLabel: 'Boys',
				rightLabel: 'Girls',
				onSelect: selecting(toggle, 'genders')
			})
		};
	})
	.derive('ages', ({ profile, publication, first, last }) =>
		first && last ? ageProfileView(profile.rows ?? [], { publication, first, last }) : undefined
	)
	.derive('ageShareChart', ({ ages, period }): ChartSpec<Published<AgeProfilePoint>> => {
		const estimates = (ages?.points ?? []).map((point): PeriodEstimate => ({
			period: point.period,
			value: point.share,
			lower: point.lower,
			upper: point.upper,
			partial: !point.complete,
			title: `${point.period}${point.complete ? '' : ` (part year: ${point.coverage})`}\nUnder 15: ${formatShareWithInterval(point)}\n${count(point.younger)} of ${count(point.referrals)} referrals`
		}));
		return {
			subject: 'Referrals of children under 15, by financial year',
			title: ages?.shareTitle ?? 'Age profile',
			summary: ages?.shareSummary ?? '',
			caption: `Share of exploitation referrals of children aged under 15 at referral, per financial year (April to March), ${period}, with 95% Wilson intervals. Hollow points are part years. Trend: chi-square test for linear trend.`,
			rows: ages?.points ?? [],
			columns: [
				{ key: 'period', label: 'Financial year' },
				{ key: 'coverage', label: 'Dates covered' },
				{ key: 'referrals', label: 'Referrals', numeric: true },
				{ key: 'younger', label: 'Aged under 15', numeric: true },
				{ key: 'share', label: 'Share under 15', numeric: true, format: percent },
				...intervalColumns<Published<AgeProfilePoint>>(percent)
			],
			...drawing(periodEstimateChart, [estimates], {
				label: ages?.shareSummary ?? '',
				valueLabel: 'Referrals aged under 15',
				percent: true
			})
		};
	})
	.derive('ageMeanChart', ({ ages, period }): ChartSpec<Published<AgeProfilePoint>> => {
		const points = ages?.points ?? [];
		const estimates = points.map((point): PeriodEstimate => ({
			period: point.period,
			value: point.mean,
			lower: point.meanLower,
			upper: point.meanUpper,
			partial: !point.complete,
			title: `${point.period}${point.complete ? '' : ' (part year)'}\nMean age ${point.mean === null ? 'c' : formatDecimal(point.mean)}${point.meanLower !== null && point.meanUpper !== null ? ` (95% CI ${formatDecimal(point.meanLower)} to ${formatDecimal(point.meanUpper)})` : ''}`
		}));
		return {
			subject: 'Mean and median age at referral, by financial year',
			title: ages?.meanTitle ?? 'Mean age at referral',
			summary: ages?.meanSummary ?? '',
			caption: `Mean age at referral (circles, with 95% confidence intervals) and median age (diamonds) per financial year, ${period}. Hollow circles are part years.`,
			rows: points,
			columns: [
				{ key: 'period', label: 'Financial year' },
				{ key: 'referrals', label: 'Referrals', numeric: true },
				{ key: 'mean', label: 'Mean age', numeric: true, format: decimal },
				{ key: 'meanLower', label: '95% CI lower', numeric: true, format: decimal },
				{ key: 'meanUpper', label: '95% CI upper', numeric: true, format: decimal },
				{ key: 'median', label: 'Median age', numeric: true, format: decimal }
			],
			...drawing(periodEstimateChart, [estimates], {
				label: ages?.meanSummary ?? '',
				valueLabel: 'Age at referral (years)',
				primaryLabel: 'Mean',
				secondary: { label: 'Median', values: points.map((point) => point.median) }
			})
		};
	})
	.derive('groups', ({ ethnicity, publication }) => ethnicityView(ethnicity.rows ?? [], { publication }))
	.derive(
		'ethnicityChart',
		({ groups, period, ethnicities, toggle }): ChartSpec<Published<EthnicityPoint>> => {
			const bars = groups.points.map((point): IntervalBar => ({
				key: point.ethnicity,
				label: point.label,
				value: point.share,
				lower: point.lower,
				upper: point.upper,
				text: shareText(point.share, isSuppressed(point, 'share')),
				title: `${point.label}: ${count(point.referrals)} referrals, ${formatShareWithInterval(point)}`,
				dimmed: ethnicities !== undefined && !ethnicities.includes(point.ethnicity)
			}));
			return {
				subject: 'Referrals by ethnic group',
				title: groups.title,
				summary: groups.summary,
				caption: `Exploitation referrals by ethnic group of the child (ONS five groups; “Unknown” covers refused and not yet obtained), ${period}, as shares of all referrals with 95% Wilson intervals. A comparison with the child population needs ONS ethnicity estimates for children in each district (Census 2021), which are not loaded, so over- or under-representation is not shown. Click a bar to filter by ethnicity.`,
				rows: groups.points,
				columns: [
					{ key: 'label', label: 'Ethnic group' },
					{ key: 'referrals', label: 'Referrals', numeric: true },
					{ key: 'share', label: 'Share of referrals', numeric: true, format: percent },
					...intervalColumns<Published<EthnicityPoint>>(percent)
				],
				...drawing(barsWithIntervalChart, [bars], {
					label: groups.summary,
					valueLabel: 'Share of referrals',
					percent: true,
					onSelect: selecting(toggle, 'ethnicities')
				})
			};
		}
	)
	.derive('referrers', ({ sources, publication }) => referralSourceView(sources.rows ?? [], { publication }))
	.derive(
		'sourceChart',
		({ referrers, period, referralSources, toggle }): ChartSpec<Published<SourcePoint>> => {
			const bars = referrers.points.map((point): IntervalBar => ({
				key: point.source,
				label: point.label,
				value: point.share,
				lower: point.lower,
				upper: point.upper,
				text: shareText(point.share, isSuppressed(point, 'share')),
				title: `${point.label}: ${count(point.referrals)} referrals, ${formatShareWithInterval(point)}`,
				dimmed: referralSources !== undefined && !referralSources.includes(point.source)
			}));
			return {
				subject: 'Referrals by referral source',
				title: referrers.title,
				summary: referrers.summary,
				caption: `Exploitation referrals by referral source (CIN source codes, grouped), ${period}, as shares of all referrals with 95% Wilson intervals. Click a bar to filter by source.`,
				rows: referrers.points,
				columns: [
					{ key: 'label', label: 'Referral source' },
					{ key: 'referrals', label: 'Referrals', numeric: true },
					{ key: 'share', label: 'Share of referrals', numeric: true, format: percent },
					...intervalColumns<Published<SourcePoint>>(percent)
				],
				...drawing(barsWithIntervalChart, [bars], {
					label: referrers.summary,
					valueLabel: 'Share of referrals',
					percent: true,
					onSelect: selecting(toggle, 'sources')
				})
			};
		}
	)
	.derive('care', ({ lookedAfter, publication, first, last }) =>
		first && last ? lookedAfterView(lookedAfter.rows ?? [], { publication, first, last }) : undefined
	)
	.derive('lookedAfterChart', ({ care, period }): ChartSpec<Published<LookedAfterPoint>> => {
		const estimates = (care?.points ?? []).map((point): PeriodEstimate => ({
			period: point.period,
			value: point.share,
			lower: point.lower,
			upper: point.upper,
			partial: !point.complete,
			title: `${point.period}${point.complete ? '' : ' (part quarter)'}\nLooked after: ${formatShareWithInterval(point)}\n${count(point.looked_after)} of ${count(point.known)} referrals with status recorded`
		}));
		return {
			subject: 'Referrals of looked-after children, by quarter',
			title: care?.title ?? 'Looked-after children',
			summary: care?.summary ?? '',
			caption: `Share of exploitation referrals (with looked-after status recorded) that were of children looked after by the local authority at the referral date, per calendar quarter, ${period}, with 95% Wilson intervals. Hollow points are part quarters. The looked-after filter does not apply to this chart.`,
			rows: care?.points ?? [],
			columns: [
				{ key: 'period', label: 'Quarter' },
				{ key: 'referrals', label: 'Referrals', numeric: true },
				{ key: 'known', label: 'Status recorded', numeric: true },
				{ key: 'looked_after', label: 'Looked after', numeric: true },
				{ key: 'share', label: 'Share looked after', numeric: true, format: percent },
				...intervalColumns<Published<LookedAfterPoint>>(percent)
			],
			...drawing(periodEstimateChart, [estimates], {
				label: care?.summary ?? '',
				valueLabel: 'Referrals of looked-after children',
				percent: true,
				tickEvery: 4
			})
		};
	})
	// Loading states are steps of their own, so a chart is not redrawn when its query starts or settles.
	.derive('pyramidLoading', ({ ageGender }) => ageGender.loading)
	.derive('profileLoading', ({ profile }) => profile.loading)
	.derive('ethnicityLoading', ({ ethnicity }) => ethnicity.loading)
	.derive('sourceLoading', ({ sources }) => sources.loading)
	.derive('lookedAfterLoading', ({ lookedAfter }) => lookedAfter.loading);
