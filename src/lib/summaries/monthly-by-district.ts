import { formatMonth } from '$lib/format/date';
import { formatCount, formatPercent } from '$lib/format/number';

interface Point {
	month: string;
	districtLabel: string;
	/** Null when suppressed in publication mode. */
	referrals: number | null;
}

/** One-sentence text alternative for the monthly referrals-by-district chart, generated from its data. */
export function summariseMonthlyByDistrict(points: readonly Point[]): string {
	if (points.length === 0) return 'No referrals match the current filters.';
	const months = [...new Set(points.map((point) => point.month))].sort();
	const totals = new Map<string, number>();
	for (const point of points)
		totals.set(point.districtLabel, (totals.get(point.districtLabel) ?? 0) + (point.referrals ?? 0));
	// In publication mode a sum over published cells is a lower bound; say so rather than imply a total.
	const atLeast = points.some((point) => point.referrals === null) ? 'at least ' : '';
	const total = [...totals.values()].reduce((sum, value) => sum + value, 0);
	const [topDistrict, topCount] = [...totals.entries()].sort((a, b) => b[1] - a[1])[0]!;
	const period = `between ${formatMonth(months[0]!)} and ${formatMonth(months.at(-1)!)}`;
	const share = total > 0 ? ` (${formatPercent(topCount / total)})` : '';
	return `${atLeast}${formatCount(total)} referrals across ${totals.size} district${totals.size === 1 ? '' : 's'} ${period}; ${topDistrict} had the most, ${atLeast}${formatCount(topCount)}${atLeast ? '' : share}${atLeast ? ' (small counts suppressed)' : ''}.`;
}
