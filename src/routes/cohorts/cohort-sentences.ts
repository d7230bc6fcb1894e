import { formatCount, formatDecimal, formatPercent } from '$lib/format/number';
import type { CohortDistrictRate, RatePopulation } from './cohort-rates';

/** "12", or "c" for a count withheld in publication mode. */
export const countText = (value: number | null | undefined) =>
	value === null || value === undefined ? 'c' : formatCount(value);

/**
 * "45.5% (12 of 40)": a share with the counts behind it; "c" parts where publication mode withholds them,
 * and "none" when there is nothing to take a share of.
 */
export function shareWithCounts(share: number | null, part: number | null, whole: number | null): string {
	if (whole === 0) return 'none';
	return `${share === null ? 'c' : formatPercent(share)} (${countText(part)} of ${countText(whole)})`;
}

/** A label inside a sentence: lower case first letter, unless it starts with an acronym ("MASH referral"). */
export const inSentence = (label: string) =>
	/^[A-Z]{2}/.test(label) ? label : `${label.charAt(0).toLowerCase()}${label.slice(1)}`;

export const agesWords: Record<RatePopulation, string> = {
	'10_17': 'aged 10 to 17',
	'0_17': 'aged 0 to 17'
};

const ranked = (rows: readonly CohortDistrictRate[]) =>
	rows
		.filter((row): row is CohortDistrictRate & { rate: number } => row.rate !== null)
		.sort((a, b) => b.rate - a.rate);

/** Active title of the district chart: where the cohort's rate is highest. */
export function districtRatesTitle(rows: readonly CohortDistrictRate[], population: RatePopulation): string {
	const [top] = ranked(rows);
	if (!top) return 'The cohort by district';
	return `${top.districtLabel} has the cohort's highest rate: ${formatDecimal(top.rate)} referrals a year per 10,000 children ${agesWords[population]}`;
}

/** One sentence: the cohort's referrals in every district, with each rate and its interval. */
export function summariseDistrictRates(
	rows: readonly CohortDistrictRate[],
	population: RatePopulation
): string {
	if (rows.length === 0) return 'No district is chosen.';
	const total = rows.every((row) => row.referrals !== null)
		? rows.reduce((sum, row) => sum + row.referrals!, 0)
		: undefined;
	if (total === 0) return 'No referrals match the cohort in any district.';
	const parts = rows.map((row) => {
		const rate =
			row.rate === null
				? 'rate suppressed'
				: `${formatDecimal(row.rate)} per 10,000 (95% interval ${formatDecimal(row.lower!)} to ${formatDecimal(row.upper!)})`;
		return `${row.districtLabel} ${countText(row.referrals)} referrals, ${rate}`;
	});
	const lead =
		total !== undefined ? `${formatCount(total)} referrals by district: ` : 'Referrals by district: ';
	return `${lead}${parts.join('; ')}. Rates are referrals ${agesWords[population]} a year per 10,000 children of those ages.`;
}
