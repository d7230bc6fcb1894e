import type { Filters } from '$lib/domain/filters';
import { episodeCounts } from '../../cubes';
import { type Keyed } from '../../keyed-count';
import { sql, type Sql } from '../../sql';
import { rateQuery, type RatePeriod } from '../districts/rate-query';

export interface DistrictEpisodeRateRow {
	district: string;
	/** Missing and away episodes starting in the period, any age. */
	episodes: number;
	/** Episodes of children aged 0–17 when they began: the rate's numerator. */
	episodes_0_17: number;
	/** Children aged 0–17 × years of the period they are counted for: the rate's denominator. */
	person_years_0_17: number;
}

/**
 * Missing and away episodes per district with the child population at risk, for a rate per 10,000
 * children a year, so a district is "largest" by its rate and not by how many children live there. The
 * denominator is the Districts page's person-years (`rateQuery`); the numerator counts episodes of children
 * aged 0 to 17 at the start, the ages the population covers. Every district appears; as on the Districts
 * page, the district filter and the age bands do not apply (the population is known only for 0–9 and 10–17).
 */
export function districtEpisodeRates(filters: Filters, period: RatePeriod): Sql {
	// From the episode cube (its whole months, and the part months' days from the facts), which answers
	// every filter episodes have: the period is the rate's, the districts and age bands do not apply.
	const counts = episodeCounts({ ...filters, from: period.from, to: period.to }, ['districts', 'ageBands']);
	const counted: [string, Keyed][] = [
		['episodes', counts.episodes()],
		['episodes_0_17', counts.episodes(sql`age_at_start BETWEEN 0 AND 17`)]
	];
	return rateQuery({
		period,
		source: { from: counts.from },
		where: counts.where,
		counted,
		exposure: [sql`sum(p.children * s.fraction) AS person_years_0_17`],
		exposureColumns: [sql`e.person_years_0_17`]
	}).publishing('person_years_0_17');
}
