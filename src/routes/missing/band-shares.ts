import { wilsonInterval, type DisclosureSymbol } from '$lib/stats';
import { publishCounts, type Published } from '$lib/transform/publish-counts';

export interface BandShare {
	band: string;
	label: string;
	count: number | null;
	/** Share of the total across bands, with its 95% Wilson interval. */
	share: number | null;
	lower: number | null;
	upper: number | null;
	suppressed?: Record<string, DisclosureSymbol>;
}

/**
 * Counts by band in a fixed order (bands with no rows are real zeros) with each band's share of the total
 * and its Wilson interval. In publication mode the counts go through disclosure control as a list with its
 * total, and a suppressed count's share and interval are suppressed with it.
 */
export function bandShares<Row extends object>(
	rows: readonly Row[],
	{
		bands,
		labels,
		band,
		count,
		publication
	}: {
		bands: readonly string[];
		labels: Readonly<Record<string, string>>;
		band: keyof Row & string;
		count: keyof Row & string;
		publication: boolean;
	}
): { rows: Published<BandShare>[]; total: number } {
	const counts = new Map(rows.map((row) => [String(row[band]), Number(row[count])]));
	const total = [...counts.values()].reduce((sum, value) => sum + value, 0);
	const shares: BandShare[] = bands.map((key) => {
		const value = counts.get(key) ?? 0;
		const interval = total > 0 ? wilsonInterval(value, total) : null;
		return {
			band: key,
			label: labels[key] ?? key,
			count: value,
			share: total > 0 ? value / total : null,
			lower: interval?.lower ?? null,
			upper: interval?.upper ?? null
		};
	});
	return {
		rows: publication
			? publishCounts(shares, { count: 'count', derived: ['share', 'lower', 'upper'] })
			: shares,
		total
	};
}
