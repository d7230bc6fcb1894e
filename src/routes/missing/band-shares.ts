import type { DisclosureSymbol } from '$lib/publication/withheld';
import { wilsonInterval } from '$lib/stats';
import { shareWithheld } from '$lib/publication/share-base';
import type { Published } from '$lib/publication/withheld';

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
 * and its Wilson interval. In publication mode the counts arrive perturbed (publication/) and the total is
 * their sum; the shares are withheld ("c") when that total is too small to mean anything. Before the answer
 * (`rows` undefined) there are no bands at all, so the chart says "Loading…" rather than drawing zeros.
 */
export function bandShares<Row extends object>(
	rows: readonly Row[] | undefined,
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
	if (rows === undefined) return { rows: [], total: 0 };
	const counts = new Map(rows.map((row) => [String(row[band]), Number(row[count])]));
	const total = [...counts.values()].reduce((sum, value) => sum + value, 0);
	const shares: BandShare[] = bands.map((key) => {
		const value = counts.get(key) ?? 0;
		const interval = total > 0 ? wilsonInterval(Math.min(value, total), total) : null;
		return {
			band: key,
			label: labels[key] ?? key,
			count: value,
			share: total > 0 ? value / total : null,
			lower: interval?.lower ?? null,
			upper: interval?.upper ?? null
		};
	});
	if (!shareWithheld(total, publication)) return { rows: shares, total };
	return {
		rows: shares.map((row) => ({
			...row,
			share: null,
			lower: null,
			upper: null,
			suppressed: { share: 'c', lower: 'c', upper: 'c' }
		})),
		total
	};
}
