import type { Filters } from './filters';

/** The days a page shows: the filter's dates where set, else the first and last day of the loaded data. */
export function shownPeriod(
	filters: Pick<Filters, 'from' | 'to'>,
	dataFirst: string | null | undefined,
	dataLast: string | null | undefined
): { first: string; last: string } | undefined {
	const first = filters.from ?? dataFirst ?? undefined;
	const last = filters.to ?? dataLast ?? undefined;
	return first && last ? { first, last } : undefined;
}
