import { ident, sql, type Sql } from '../../sql';

/** What the population reference is broken down by: see `PopulationDetail` in domain/matching-population. */
export interface PopulationDetailRow {
	by_sex: boolean;
	by_age: boolean;
	/** The reference's age bands, comma-separated in order ('0-9,10-17'); null when it has no rows. */
	bands: string | null;
}

/**
 * Whether every row of the population reference is for one sex, and for one single year of age, and which
 * bands it has. A reference that gives some rows by sex and others not is read as not by sex: the rows of a
 * band always add up to its children, so summing both sexes is right whatever the detail.
 */
export function populationDetail(): Sql {
	return sql`SELECT coalesce(bool_and(sex IS NOT NULL), false) AS by_sex,
	coalesce(bool_and(age IS NOT NULL), false) AS by_age,
	string_agg(DISTINCT age_band, ',' ORDER BY age_band) AS bands
FROM ${ident('population')}`;
}
