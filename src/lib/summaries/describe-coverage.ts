import type { CoverageJoin, DayRange } from '$lib/domain/extract-coverage';
import { formatDayRange } from '$lib/format/date';
import { formatCount } from '$lib/format/number';

const days = (n: number) => `${formatCount(n)} ${n === 1 ? 'day' : 'days'}`;

/** What an appended extract's gap or overlap with the data already loaded means, in a sentence or two. */
export function describeCoverageJoin(join: CoverageJoin, fileName: string): string {
	return join.kind === 'gap'
		? `Gap: nothing loaded covers ${formatDayRange(join.from, join.to)} (${days(join.days)}) between ${fileName} and the data already loaded. Is an extract missing? Months with days in the gap are marked incomplete and left out of the SPC limits.`
		: `Overlap: ${fileName} and the data already loaded both cover ${formatDayRange(join.from, join.to)} (${days(join.days)}). Records in both are counted once only when they have the same ID; check the two extracts were not taken differently.`;
}

/** The banner's line for runs of days no loaded extract covers. */
export function describeGaps(gaps: readonly DayRange[], what: string): string {
	const runs = gaps.map((gap) => formatDayRange(gap.from, gap.to)).join('; ');
	return `No ${what} loaded for ${runs}: a gap between your extracts. Months with days in it are marked incomplete.`;
}
