import {
	completeQuarters,
	historyFiltersOf,
	packFilters,
	type PackQuarter
} from '../../src/routes/board-pack/board-pack';
import { packSources } from '../../src/routes/board-pack/pack-sources';
import type { DashboardPage } from './collect-page';
import type { ReaderView } from './reader-views';

/** The district the reader reads a district's pack for: the smallest, where small counts are most. */
export const packDistrict = 'east_cambridgeshire';

/** One pack the reader reads: a quarter and an area, and the views its sources run with. */
export interface PackReading {
	name: string;
	quarter: PackQuarter;
	area: string | undefined;
	/** The view of each period the pack's sources run with. */
	views: Record<'quarter' | 'history', ReaderView>;
}

/**
 * The packs the reader reads (issue 13): the latest complete quarter and the one before it, each for the
 * partnership and for one district. A pack's view that is already a reader view (the partnership's latest
 * quarter) takes that view's name, so the reader combines the pack's figures with the pages' figures of it.
 */
export function packReadings(
	extent: { first_referral: string | null; last_referral: string | null },
	readerViews: readonly ReaderView[]
): PackReading[] {
	const first = extent.first_referral ?? undefined;
	const quarters = completeQuarters(first, extent.last_referral ?? undefined).slice(0, 2);
	const named = (name: string, filters: ReaderView['filters']): ReaderView =>
		readerViews.find(
			(view) => view.grain === 'month' && JSON.stringify(view.filters) === JSON.stringify(filters)
		) ?? { name, filters, grain: 'month' };
	return quarters.flatMap((quarter) =>
		[undefined, packDistrict].map((area) => {
			const name = `pack:${quarter.start}:${area ?? 'all'}`;
			return {
				name,
				quarter,
				area,
				views: {
					quarter: named(name, packFilters(quarter, area)),
					history: named(`${name}@history`, historyFiltersOf(quarter, area, first))
				}
			};
		})
	);
}

/** The pack's sources as pages the reader collects: each with exactly the steps the pack prints. */
export function packPages(): (DashboardPage & { period: 'quarter' | 'history' })[] {
	return Object.entries(packSources).map(([id, source]) => ({
		name: `pack-${id}`,
		definition: source.definition,
		shown: [...source.shown],
		usesGrain: false,
		period: source.period
	}));
}
