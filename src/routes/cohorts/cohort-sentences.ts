import { countNoun } from '$lib/format/count-noun';
import { formatCount, formatDecimal, formatPercent } from '$lib/format/number';
import type { MatchingPopulation } from '$lib/domain/matching-population';
import type { CohortDistrictRate } from './cohort-rates';

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

/** "aged 14–17", "aged 17", "aged 10–12 and 15–16": single years as runs. */
function agesText(ages: readonly number[]): string {
	const runs: [number, number][] = [];
	for (const age of ages) {
		const last = runs.at(-1);
		if (last && age === last[1] + 1) last[1] = age;
		else runs.push([age, age]);
	}
	const words = runs.map(([first, last]) => (first === last ? String(first) : `${first}–${last}`));
	return `aged ${words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '0–17')}`;
}

/** Who a cohort's rates are per: "boys aged 14–17", "children aged 10–17". */
export function populationWords(population: MatchingPopulation): string {
	const noun = population.sex === 'male' ? 'boys' : population.sex === 'female' ? 'girls' : 'children';
	return `${noun} ${agesText(population.ages)}`;
}

/** Why the population is wider than the cohort, e.g. "no population by sex was loaded"; undefined if it is not. */
export function widerWords(population: MatchingPopulation): string | undefined {
	const by = [
		...(population.wider.includes('sex') ? ['sex'] : []),
		...(population.wider.includes('age') ? ['single year of age'] : [])
	];
	const parts = [
		...(population.wider.includes('no-children')
			? ['the cohort has no children aged 0 to 17, and the population reference counts children only']
			: []),
		...(by.length > 0 ? [`no population by ${by.join(' or ')} was loaded`] : [])
	];
	return parts.length > 0 ? parts.join('; ') : undefined;
}

/** "per 10,000 boys aged 14–17", or "per 10,000 children aged 10–17: no population by sex was loaded". */
export function rateBasis(population: MatchingPopulation): string {
	const wider = widerWords(population);
	return `per 10,000 ${populationWords(population)}${wider ? `: ${wider}` : ''}`;
}

const ranked = (rows: readonly CohortDistrictRate[]) =>
	rows
		.filter((row): row is CohortDistrictRate & { rate: number } => row.rate !== null)
		.sort((a, b) => b.rate - a.rate);

/** Active title of the district chart: where the cohort's rate is highest, per whom. */
export function districtRatesTitle(
	rows: readonly CohortDistrictRate[],
	population: MatchingPopulation
): string {
	const [top] = ranked(rows);
	if (!top) return 'The cohort by district';
	return `${top.districtLabel} has the cohort's highest rate: ${formatDecimal(top.rate)} referrals a year per 10,000 ${populationWords(population)}`;
}

/** One sentence: the cohort's referrals in every district, with each rate and its interval. */
export function summariseDistrictRates(
	rows: readonly CohortDistrictRate[],
	population: MatchingPopulation
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
		total !== undefined ? `${countNoun(total, 'referral')} by district: ` : 'Referrals by district: ';
	const words = populationWords(population);
	const wider = widerWords(population);
	return `${lead}${parts.join('; ')}. Rates are referrals of ${words} a year per 10,000 ${words}${wider ? ` (a wider population than the cohort: ${wider})` : ''}.`;
}
