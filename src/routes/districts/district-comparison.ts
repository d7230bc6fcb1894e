import type { DisclosureSymbol } from '$lib/publication/withheld';
import { cambridgeshireAndPeterborough, type AreaReference } from '$lib/contract';
import type { DistrictRateRow } from '$lib/sql/metrics/districts/district-rates';
import { rateFunnelSignificance, rateWithInterval, type FunnelLabel } from '$lib/stats';
import type { Published } from '$lib/publication/withheld';

/** One district compared with the partnership: counts, rates per 10,000 children a year, significance. */
export interface DistrictStat {
	district: string;
	districtLabel: string;
	referrals: number | null;
	children: number | null;
	referrals_0_17: number | null;
	referrals_10_17: number | null;
	person_years_0_17: number;
	person_years_10_17: number;
	rate_0_17: number | null;
	lower_0_17: number | null;
	upper_0_17: number | null;
	rate_10_17: number | null;
	lower_10_17: number | null;
	upper_10_17: number | null;
	/** PHE funnel label against the partnership rate for the same ages; null when there is no population. */
	significance_0_17: FunnelLabel | null;
	significance_10_17: FunnelLabel | null;
	repeat_referrals: number | null;
	repeat_share: number | null;
	looked_after: number | null;
	looked_after_known: number | null;
	looked_after_share: number | null;
	/** In the district filter (highlighted, not filtered out: the page compares every district). */
	selected: boolean;
	ons_years: string | null;
	suppressed?: Record<string, DisclosureSymbol>;
}

export interface DistrictComparison {
	/** Partnership rates per 10,000 children a year (Σ referrals / Σ person-years); null when suppressed or none. */
	baseline_0_17: number | null;
	baseline_10_17: number | null;
	/** Partnership numerators, as published. */
	total_0_17: number | null;
	total_10_17: number | null;
	rows: Published<DistrictStat>[];
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * Rates per 10,000 children a year with 95% intervals (exact Poisson under 10, Byar from 10), and each
 * district's funnel significance against the partnership rate (PHE: the district's 95% and 99.8% intervals
 * against the baseline), from the counts as shown (in publication mode perturbed at the seam).
 */
export function compareDistricts(
	rows: readonly DistrictRateRow[],
	{
		selected,
		areas = cambridgeshireAndPeterborough
	}: {
		selected?: readonly string[];
		/** The loaded area reference, for the districts' names. */
		areas?: AreaReference;
	}
): DistrictComparison {
	const significance0 = rateFunnelSignificance(
		rows.map((row) => ({ count: row.referrals_0_17, population: row.person_years_0_17 }))
	);
	const significance10 = rateFunnelSignificance(
		rows.map((row) => ({ count: row.referrals_10_17, population: row.person_years_10_17 }))
	);
	const stats: DistrictStat[] = rows.map((row, index) => {
		const rate0 = rateWithInterval(row.referrals_0_17, row.person_years_0_17);
		const rate10 = rateWithInterval(row.referrals_10_17, row.person_years_10_17);
		return {
			district: row.district,
			districtLabel: areas.label(row.district),
			referrals: row.referrals,
			children: row.children,
			referrals_0_17: row.referrals_0_17,
			referrals_10_17: row.referrals_10_17,
			person_years_0_17: row.person_years_0_17,
			person_years_10_17: row.person_years_10_17,
			rate_0_17: rate0.value,
			lower_0_17: rate0.lower,
			upper_0_17: rate0.upper,
			rate_10_17: rate10.value,
			lower_10_17: rate10.lower,
			upper_10_17: rate10.upper,
			significance_0_17: significance0.units[index]?.label ?? null,
			significance_10_17: significance10.units[index]?.label ?? null,
			repeat_referrals: row.repeat_referrals,
			repeat_share: share(row.repeat_referrals, row.referrals),
			looked_after: row.looked_after,
			looked_after_known: row.looked_after_known,
			looked_after_share: share(row.looked_after, row.looked_after_known),
			selected: selected?.includes(row.district) ?? false,
			ons_years: row.ons_years
		};
	});
	const total0 = rows.reduce((sum, row) => sum + row.referrals_0_17, 0);
	const total10 = rows.reduce((sum, row) => sum + row.referrals_10_17, 0);
	return {
		baseline_0_17: significance0.baseline,
		baseline_10_17: significance10.baseline,
		total_0_17: total0,
		total_10_17: total10,
		rows: stats
	};
}
