import type { ChartSpec } from '$lib/page/chart-spec';
import { livePage, type ContextOverride, type LivePage } from '$lib/state/live-page.svelte';
import type { PackChart, PackChoice, PackThemeId } from './board-pack';
import { packCharts, packSources, packSummaryPage, type PackSourceId } from './pack-sources';

/**
 * The dashboard's own page definitions (`packSources`), bound to the pack's choice with publication mode
 * always on: the pack's figures are the dashboard's, through the same publication seam. Counts use the
 * quarter; charts over time show the two years to its end, so the quarter is seen against its history.
 * Call during component initialisation.
 */
export function packViews(choice: () => PackChoice) {
	const fixed = { publication: () => true, grain: () => 'month' as const, toggle: () => {} };
	const overrides: Record<'quarter' | 'history', ContextOverride> = {
		quarter: { ...fixed, filters: () => choice().filters },
		history: { ...fixed, filters: () => choice().historyFilters }
	};
	// The summary's source typed, for its findings and headline cards; every source bound once.
	const overview = livePage(packSummaryPage, overrides[packSources.overview.period]);
	const views = Object.fromEntries(
		Object.entries(packSources).map(([id, source]) => [
			id,
			id === 'overview' ? overview : livePage(source.definition, overrides[source.period])
		])
	) as unknown as Record<PackSourceId, LivePage<Record<string, unknown>>>;
	const charts = $derived(
		Object.fromEntries(
			Object.entries(packCharts).map(([theme, list]) => [
				theme,
				list.map((chart): PackChart => ({
					spec: views[chart.source][chart.chart] as ChartSpec<object> | undefined,
					loading: views[chart.source][chart.loading] as boolean,
					...(chart.tall ? { tall: true } : {})
				}))
			])
		) as Record<PackThemeId, PackChart[]>
	);
	const loading = $derived(Object.values(views).some((view) => view.loading));
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
