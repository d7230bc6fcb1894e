import type { ChartSpec } from '$lib/page/chart-spec';
import { livePage, type ContextOverride } from '$lib/state/live-page.svelte';
import { childrenPage } from '../children/children-page';
import { districtsPage } from '../districts/districts-page';
import { indicatorsPage } from '../indicators/indicators-page';
import { missingPage } from '../missing/missing-page';
import { overviewPage } from '../overview-page';
import { pathwayPage } from '../pathway/pathway-page';
import { trendsPage } from '../trends/trends-page';
import type { PackChart, PackChoice, PackThemeId } from './board-pack';

/**
 * The dashboard's own page definitions, bound to the pack's choice with publication mode always on: the
 * pack's figures are the dashboard's, through the same publication seam. Counts use the quarter; charts over
 * time show the two years to its end, so the quarter is seen against its history. Call during component
 * initialisation.
 */
export function packViews(choice: () => PackChoice) {
	const fixed = { publication: () => true, grain: () => 'month' as const, toggle: () => {} };
	const inQuarter: ContextOverride = { ...fixed, filters: () => choice().filters };
	const overTime: ContextOverride = { ...fixed, filters: () => choice().historyFilters };
	const overview = livePage(overviewPage, inQuarter);
	const trends = livePage(trendsPage, overTime);
	const children = livePage(childrenPage, inQuarter);
	const indicators = livePage(indicatorsPage, inQuarter);
	const indicatorHistory = livePage(indicatorsPage, overTime);
	const missing = livePage(missingPage, inQuarter);
	const missingHistory = livePage(missingPage, overTime);
	const districts = livePage(districtsPage, inQuarter);
	const districtHistory = livePage(districtsPage, overTime);
	const pathway = livePage(pathwayPage, inQuarter);
	const all = [
		overview,
		trends,
		children,
		indicators,
		indicatorHistory,
		missing,
		missingHistory,
		districts,
		districtHistory,
		pathway
	];
	const spec = (value: unknown) => value as ChartSpec<object> | undefined;
	const charts = $derived<Record<PackThemeId, PackChart[]>>({
		referrals: [
			{ spec: spec(trends.referralOverall), loading: trends.referralLoading },
			{ spec: spec(trends.childOverall), loading: trends.childLoading }
		],
		who: [
			{ spec: spec(children.pyramidChart), loading: children.pyramidLoading },
			{ spec: spec(children.ageShareChart), loading: children.profileLoading }
		],
		indicators: [
			{ spec: spec(indicators.prevalenceChart), loading: indicators.prevalenceLoading },
			{ spec: spec(indicatorHistory.trendChart), loading: indicatorHistory.trendLoading, tall: true }
		],
		missing: [
			{ spec: spec(missingHistory.monthlyChart), loading: missingHistory.monthlyChartLoading },
			{ spec: spec(missing.interviewChart), loading: missing.interviewChartLoading }
		],
		districts: [
			{ spec: spec(districts.ratesChart), loading: districts.ratesLoading },
			{ spec: spec(districtHistory.spcChart), loading: districtHistory.spcChartLoading, tall: true }
		],
		pathway: [
			{ spec: spec(pathway.funnelChart), loading: pathway.funnelChartLoading },
			{ spec: spec(pathway.rereferralChart), loading: pathway.rereferralChartLoading }
		]
	});
	const loading = $derived(all.some((view) => view.loading));
	return {
		overview,
		get charts() {
			return charts;
		},
		get loading() {
			return loading;
		}
	};
}
