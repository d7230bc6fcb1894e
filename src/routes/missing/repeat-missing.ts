import { countNoun } from '$lib/format/count-noun';
import { formatCount, formatPercent } from '$lib/format/number';
import type { BandShare } from './band-shares';
import { wilsonInterval } from '$lib/stats';

/** Children missing at least `from` times: the sum of the bands from that one on; null if any is suppressed. */
function atLeast(rows: readonly BandShare[], bands: readonly string[]): number | null {
	const parts = rows.filter((row) => bands.includes(row.band));
	return parts.some((row) => row.count === null) ? null : parts.reduce((sum, row) => sum + row.count!, 0);
}

export function repeatCounts(rows: readonly BandShare[], total: number) {
	const twice = atLeast(rows, ['2-4', '5-9', '10+']);
	const five = atLeast(rows, ['5-9', '10+']);
	return { total, twice, five };
}

/** Active title: the share of children missing twice or more. */
export function repeatMissingTitle(rows: readonly BandShare[], total: number): string {
	const { twice } = repeatCounts(rows, total);
	if (total === 0 || twice === null) return 'Children by number of missing episodes';
	return `${formatPercent(twice / total)} of children who went missing did so twice or more`;
}

/** One sentence: children missing 2+ and 5+ times with 95% intervals. */
export function summariseRepeatMissing(rows: readonly BandShare[], total: number): string {
	if (total === 0) return 'No missing episodes match the current filters.';
	const { twice, five } = repeatCounts(rows, total);
	const describe = (count: number | null, words: string) => {
		if (count === null) return `the number ${words} is suppressed (small numbers)`;
		const interval = wilsonInterval(Math.min(count, total), total)!;
		return `${formatCount(count)} (${formatPercent(count / total)}, 95% interval ${formatPercent(interval.lower)} to ${formatPercent(interval.upper)}) ${words}`;
	};
	return `Of ${countNoun(total, 'child', 'children')} who went missing or away in the period, ${describe(twice, 'went missing twice or more')} and ${describe(five, 'five times or more')}.`;
}
