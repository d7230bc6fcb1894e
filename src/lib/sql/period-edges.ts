import { addDays, periodEnd, periodStart, type Grain } from '$lib/domain/calendar';

/** An inclusive range of days. */
export interface DayRange {
	from: string;
	to: string;
}

/**
 * A filter period split for a table kept by whole months or quarters (a cube, a child cube): the whole
 * periods it covers, whose rows the table holds (`wholeFrom` ≤ period start < `wholeUntil`; an open end has no
 * bound), and the part periods at its ends (`edges`), whose rows only the facts can give. The two never
 * overlap, and together they are the period: a period within one month or quarter is all edge.
 */
export interface PeriodEdges {
	/** The first day of the first whole period covered; absent when the filter has no start. */
	wholeFrom?: string | undefined;
	/** The first day after the last whole period covered; absent when the filter has no end. */
	wholeUntil?: string | undefined;
	/** The part periods at either end, in date order: none, one or two. */
	edges: readonly DayRange[];
}

/** Split the period `from`..`to` (either may be open) into whole periods of `grain` and the part ones. */
export function periodEdges(from: string | undefined, to: string | undefined, grain: Grain): PeriodEdges {
	const nextStart = (day: string) => addDays(periodEnd(periodStart(day, grain), grain), 1);
	const wholeFrom = from === undefined || periodStart(from, grain) === from ? from : nextStart(from);
	const wholeUntil =
		to === undefined ? undefined : nextStart(to) === addDays(to, 1) ? addDays(to, 1) : periodStart(to, grain);
	if (from !== undefined && to !== undefined) {
		if (from > to) return { wholeFrom, wholeUntil, edges: [] };
		// Within one period: all edge (the whole periods, from after it to its start, are none).
		if (periodStart(from, grain) === periodStart(to, grain) && wholeFrom! >= wholeUntil!)
			return { wholeFrom, wholeUntil, edges: [{ from, to }] };
	}
	const edges: DayRange[] = [];
	if (from !== undefined && from < wholeFrom!) edges.push({ from, to: addDays(wholeFrom!, -1) });
	if (to !== undefined && wholeUntil! <= to) edges.push({ from: wholeUntil!, to });
	return { wholeFrom, wholeUntil, edges };
}
