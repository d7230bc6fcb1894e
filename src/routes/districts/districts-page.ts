import { selectableDrawing, selecting } from '$lib/page/drawing';
import { countNoun } from '$lib/format/count-noun';
import { districtRatesChart, type DistrictRatePoint } from '$lib/charts/district-rates';
import { monthlySmallMultiplesChart, type PanelPoint } from '$lib/charts/monthly-small-multiples';
import { rateFunnelChart, type FunnelPoint } from '$lib/charts/rate-funnel';
import { publishedColumn } from '$lib/page/published-column';
import type { TableColumn } from '$lib/page/table-column';
import { cambridgeshireAndPeterborough } from '$lib/contract';
import { formatDayRange, formatMonth } from '$lib/format/date';
import { formatCount, formatDecimal, formatPercent } from '$lib/format/number';
import type { ChartSpec } from '$lib/page/chart-spec';
import { definePage, type Ask } from '$lib/page/define-page';
import { districtRates, type DistrictRateRow } from '$lib/sql/metrics/districts/district-rates';
import { monthlyReferralsByDistrict, type MonthlyDistrictCount } from '$lib/sql/metrics/monthly-referrals';
import { funnelCurve, rateFunnelLimits } from '$lib/stats';
import type { Filters } from '$lib/domain/filters';
import { describeSpecialCause } from '$lib/summaries/describe-special-cause';
import { describeSignificance, shortSignificance, significanceDirection } from './describe-significance';
import {
	districtFunnelTitle,
	districtRatesTitle,
	summariseDistrictFunnel,
	summariseDistrictRates
} from './district-rates';
import { districtSpcNotCounts, districtSpcTitle, summariseDistrictSpc } from './district-spc-summary';
import { compareDistricts, type DistrictStat } from './district-comparison';
import { districtSpc } from './district-spc';
import { incompleteLastMonth } from '$lib/transform/incomplete-month';
import type { Published } from '$lib/publication/withheld';

/** A district's row of the comparison table. */
export type DistrictRow = Published<DistrictStat>;

const rate = (value: number) => formatDecimal(value);
const interval = (ages: '0_17' | '10_17') => (_: never, row: DistrictRow) =>
	row[`lower_${ages}`] === null
		? (row.suppressed?.[`lower_${ages}`] ?? '–')
		: `${formatDecimal(row[`lower_${ages}`]!)} to ${formatDecimal(row[`upper_${ages}`]!)}`;

/** The columns of the districts-compared table, shared by the rates chart's table view. */
export const comparisonColumns: TableColumn<DistrictRow>[] = [
	{ key: 'districtLabel', label: 'District' },
	publishedColumn<DistrictRow>('referrals', 'Referrals', formatCount),
	publishedColumn<DistrictRow>('children', 'Children', formatCount),
	publishedColumn<DistrictRow>('referrals_0_17', 'Referrals aged 0–17', formatCount),
	publishedColumn<DistrictRow>('rate_0_17', 'Rate 0–17', rate),
	publishedColumn<DistrictRow>('lower_0_17', 'Interval 0–17', interval('0_17')),
	publishedColumn<DistrictRow>('rate_10_17', 'Rate 10–17', rate),
	publishedColumn<DistrictRow>('lower_10_17', 'Interval 10–17', interval('10_17')),
	publishedColumn<DistrictRow>('repeat_share', 'Repeat', formatPercent),
	publishedColumn<DistrictRow>('looked_after_share', 'Looked after', formatPercent),
	publishedColumn<DistrictRow>('significance_0_17', 'Against partnership 0–17', shortSignificance, {
		numeric: false
	}),
	publishedColumn<DistrictRow>('significance_10_17', 'Against partnership 10–17', shortSignificance, {
		numeric: false
	})
];

/**
 * Districts: each district's referral rate per 10,000 children against the partnership's (bars with
 * intervals, a funnel plot, a comparison table) and the monthly referrals of each district as XmR charts.
 * Every chart shows every district of the area reference whatever the district filter; the age filter does not apply.
 */
export const districtsPage = definePage()
	// Rates need a population for the same ages, known only for 0–9 and 10–17: the age filter is set aside.
	.derive('pageFilters', ({ filters }): Filters => ({ ...filters, ageBands: undefined }))
	// The period measured: the filter's dates, kept within the loaded data so no empty days dilute a rate.
	.derive('period', ({ filters, extent }) => {
		const first = extent?.first_referral;
		const last = extent?.last_referral;
		if (!first || !last) return undefined;
		const from = filters.from !== undefined && filters.from > first ? filters.from : first;
		const to = filters.to !== undefined && filters.to < last ? filters.to : last;
		return { from, to };
	})
	.query('rates', ({ filters, period }): Ask<DistrictRateRow> =>
		period ? districtRates(filters, period) : undefined
	)
	// SPC needs a long run of months: the charts show every month from the start of the data to the end of
	// the period, so recent months are judged against the whole history; the selected period is shaded.
	.query('monthly', ({ pageFilters, period, extent, areaReference }): Ask<MonthlyDistrictCount> =>
		period && extent?.first_referral
			? {
					// Every district, whatever the district filter: a chart that cross-filters must not filter itself.
					query: monthlyReferralsByDistrict({
						...pageFilters,
						districts: undefined,
						from: undefined,
						to: period.to
					}),
					reshape: {
						name: 'fillMonths',
						options: {
							first: extent.first_referral,
							last: period.to,
							groupBy: 'district',
							groups: areaReference.enumeration.codes,
							value: 'referrals'
						}
					}
				}
			: undefined
	)
	.derive('selectedDistricts', ({ filters }) => filters.districts)
	// "all six districts" (the bundled list), "all 80 districts": the areas are the loaded reference's.
	.derive('allDistricts', ({ areaReference }) => {
		const n = areaReference.areas.length;
		const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
		return n === 1 ? 'the one district' : `all ${words[n] ?? formatCount(n)} districts`;
	})
	.derive('comparison', ({ rates, selectedDistricts, areaReference }) =>
		compareDistricts(rates.rows ?? [], {
			selected: selectedDistricts,
			areas: areaReference
		})
	)
	.derive('periodText', ({ period }) => (period ? formatDayRange(period.from, period.to) : ''))
	.derive('onsNote', ({ rates, areaReference }) => {
		const rows = rates.rows ?? [];
		const ons = rows.filter((row) => row.ons_years !== null);
		if (rows.length > 0 && ons.length === rows.length) {
			const years = [...new Set(ons.flatMap((row) => row.ons_years!.split(', ')))].sort();
			return `Child populations are ONS mid-year estimates (${years.join(', ')}) from the loaded area reference, ${areaReference.title}.`;
		}
		if (ons.length === 0 && areaReference !== cambridgeshireAndPeterborough)
			return `Child populations are from the loaded area reference, ${areaReference.title}.`;
		const list = ons.map((row) => `${areaReference.label(row.district)} (${row.ons_years})`);
		return list.length > 0
			? `Child populations are illustrative estimates, except ${list.join(', ')}, where the total aged 0 to 17 is an ONS mid-year estimate (its split into age bands is illustrative).`
			: 'Child populations are illustrative estimates, not ONS figures.';
	})
	.derive(
		'otherFilters',
		({ filters }) =>
			[filters.genders, filters.ethnicities, filters.riskLevels, filters.sources].some(
				(value) => value !== undefined
			) || filters.lookedAfter !== undefined
	)

	// ----- Rates by district
	.derive('ratesChart', (scope): ChartSpec<DistrictRow> => {
		const { comparison, periodText, onsNote, otherFilters, selectedDistricts, toggle } = scope;
		const points = comparison.rows.flatMap((row): DistrictRatePoint[] =>
			(['0_17', '10_17'] as const).map((ages) => ({
				district: row.district,
				districtLabel: row.districtLabel,
				ages: ages === '0_17' ? 'Aged 0 to 17' : 'Aged 10 to 17',
				rate: row[`rate_${ages}`],
				lower: row[`lower_${ages}`],
				upper: row[`upper_${ages}`],
				partnership: comparison[`baseline_${ages}`],
				significance: describeSignificance(row[`significance_${ages}`])
			}))
		);
		const summary = `${summariseDistrictRates(comparison, '0_17')} ${summariseDistrictRates(comparison, '10_17')}`;
		return {
			subject: 'Referral rates per 10,000 children by district',
			title: districtRatesTitle(comparison),
			summary,
			caption: `Referrals of children aged 0 to 17 (and 10 to 17) at referral per 10,000 children of those ages a year, ${periodText}: the denominator is person-years (each mid-year estimate weighted by the share of its year in the period). Intervals are 95% (exact Poisson under 10 referrals, Byar's method otherwise). ${onsNote}${otherFilters ? ' Gender, ethnicity, looked-after, risk and source filters narrow the referrals counted, not the population.' : ''}`,
			rows: comparison.rows,
			columns: comparisonColumns,
			// The selection restyles the chart drawn: a click does not draw it again.
			...selectableDrawing(
				districtRatesChart,
				[points],
				{ label: summary, onSelect: selecting(toggle, 'districts') },
				selectedDistricts
			)
		};
	})
	.derive('ratesLoading', ({ rates }) => rates.loading)

	// ----- Funnel plot (aged 0 to 17)
	.derive('funnelChart', (scope): ChartSpec<DistrictRow> => {
		const { comparison, periodText, onsNote, publication, selectedDistricts, toggle } = scope;
		const points = comparison.rows
			.filter((row) => row.rate_0_17 !== null && row.person_years_0_17 > 0)
			.map((row): FunnelPoint => ({
				district: row.district,
				districtLabel: row.districtLabel,
				population: row.person_years_0_17,
				rate: row.rate_0_17!,
				direction: significanceDirection(row.significance_0_17),
				significance: describeSignificance(row.significance_0_17)
			}));
		const baseline = comparison.baseline_0_17;
		const populations = comparison.rows.map((row) => row.person_years_0_17).filter((value) => value > 0);
		const limits =
			baseline === null || populations.length === 0
				? []
				: funnelCurve((population) => rateFunnelLimits(population, baseline / 10_000), {
						from: Math.min(...populations) * 0.2,
						to: Math.max(...populations) * 1.1,
						points: 80
					});
		const summary = summariseDistrictFunnel(comparison);
		return {
			subject: 'District referral rates against the partnership’s: funnel plot',
			title: districtFunnelTitle(comparison),
			summary,
			caption: `Funnel plot: each district's referral rate for children aged 0 to 17 against its child population in person-years, ${periodText}. The line in the middle is the partnership rate; the dashed funnel is the 95% limit and the solid funnel the 99.8% limit (exact Poisson). A district outside the 99.8% funnel is very unlikely to differ from the partnership by chance alone. ${onsNote}${publication ? ' Publication mode: a district whose rate is suppressed is not plotted.' : ''}`,
			rows: comparison.rows,
			columns: [
				{ key: 'districtLabel', label: 'District' },
				publishedColumn<DistrictRow>('referrals_0_17', 'Referrals aged 0–17', formatCount),
				{
					key: 'person_years_0_17',
					label: 'Children aged 0–17 (person-years)',
					numeric: true,
					format: (value) => formatCount(Math.round(Number(value)))
				},
				publishedColumn<DistrictRow>('rate_0_17', 'Rate per 10,000 a year', rate),
				publishedColumn<DistrictRow>(
					'significance_0_17',
					'Compared with partnership',
					(label) => describeSignificance(label),
					{ numeric: false }
				)
			],
			// The selection redraws only the dots and their labels.
			...selectableDrawing(
				rateFunnelChart,
				[points, limits],
				{
					label: summary,
					onSelect: selecting(toggle, 'districts'),
					populationLabel: 'Children aged 0 to 17 (person-years)'
				},
				selectedDistricts
			)
		};
	})

	// ----- The comparison table's closing line: the partnership as a whole
	.derive('partnershipLine', ({ comparison }) =>
		comparison.baseline_0_17 === null
			? undefined
			: `Partnership: ${countNoun(comparison.total_0_17, 'referral')} aged 0 to 17, ${formatDecimal(comparison.baseline_0_17)} per 10,000 children a year${comparison.baseline_10_17 !== null ? `; ${formatDecimal(comparison.baseline_10_17)} per 10,000 aged 10 to 17` : ''}.`
	)

	// ----- SPC of monthly referrals
	.derive('incompleteMonth', ({ period }) => (period ? incompleteLastMonth(period.to) : undefined))
	// The selected period's first month, when the period starts after the data does.
	.derive('periodStartMonth', ({ filters, period }) =>
		filters.from !== undefined && period ? `${period.from.slice(0, 7)}-01` : undefined
	)
	.derive('spc', ({ monthly, incompleteMonth, periodStartMonth, areaReference }) => {
		const rows = monthly.rows ?? [];
		return districtSpc(rows, {
			incompleteMonth,
			recentFrom: periodStartMonth,
			areas: areaReference
		});
	})
	.derive('spcChart', (scope): ChartSpec<PanelPoint> => {
		const { spc, extent, period, periodStartMonth, incompleteMonth, publication, selectedDistricts, toggle } =
			scope;
		const points = spc.flatMap((series) =>
			series.points.map((point): PanelPoint => ({
				suppressed: point.referrals === null ? { value: 'c' } : undefined,
				month: point.month,
				key: point.district,
				label: point.districtLabel,
				value: point.referrals,
				mean: point.mean,
				upl: point.upl,
				lpl: point.lpl,
				incomplete: point.incomplete,
				signal: point.signal,
				specialCause: describeSpecialCause(point.specialCause)
			}))
		);
		const summary = summariseDistrictSpc(spc);
		return {
			subject: 'Monthly referrals by district, with process limits',
			title: districtSpcTitle(spc),
			summary,
			notCounts: districtSpcNotCounts,
			caption: `Referrals per calendar month by district of the child (all ages), from ${extent?.first_referral ? formatMonth(extent.first_referral) : 'the start of the data'} to ${period ? formatMonth(period.to) : 'the end'}, with the mean and process limits (mean ± 2.66 × average moving range; NHS England Making Data Count). The whole history is shown so that limits rest on enough months${periodStartMonth ? `; the selected period, from ${formatMonth(periodStartMonth)}, is shaded and the summary counts its months only` : ''}. Special-cause months: triangles (high) and diamonds (low).${incompleteMonth ? ` ${formatMonth(incompleteMonth)} is not complete: shown as a hollow circle and left out of the limits.` : ''}${spc.some((series) => series.provisional) ? ' Limits from fewer than 12 months are provisional.' : ''}${publication ? ' Publication mode: months with 1 to 5 referrals (and months that would reveal them) are gaps.' : ''}`,
			rows: points,
			columns: [
				{ key: 'month', label: 'Month', format: (value) => formatMonth(String(value)) },
				{ key: 'label', label: 'District' },
				publishedColumn<PanelPoint>('value', 'Referrals', formatCount),
				publishedColumn<PanelPoint>('mean', 'Mean', formatDecimal),
				publishedColumn<PanelPoint>('upl', 'Upper process limit', formatDecimal),
				publishedColumn<PanelPoint>('lpl', 'Lower process limit', formatDecimal),
				{
					key: 'specialCause',
					label: 'Special cause',
					format: (value, row) =>
						row.incomplete ? 'Month not complete' : value === null ? '–' : String(value)
				}
			],
			// The selection restyles the chart drawn: a click draws none of its panels again.
			...selectableDrawing(
				monthlySmallMultiplesChart,
				[points],
				{
					label: summary,
					onSelect: selecting(toggle, 'districts'),
					valueLabel: 'Referrals',
					unit: 'referrals',
					highlightFrom: periodStartMonth
				},
				selectedDistricts
			)
		};
	})
	.derive('spcChartLoading', ({ monthly }) => monthly.loading);
