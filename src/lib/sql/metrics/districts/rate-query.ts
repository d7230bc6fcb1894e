import { referralFacts } from '../../derived';
import {
	childCountsBy,
	conditionCells,
	keyedAs,
	keyedThrough,
	summedCount,
	type Keyed
} from '../../keyed-count';
import { ident, join, sql, type Sql } from '../../sql';

/** The period a rate is measured over: both ends inclusive, yyyy-mm-dd. */
export interface RatePeriod {
	from: string;
	to: string;
}

/**
 * The CTEs `span` (each calendar year the period touches, with the fraction of it the period covers) and
 * `known` (the first and last year of the population table), from which a rate's person-years are summed:
 * `JOIN population p ON p.year = least(greatest(s.year, k.first_year), k.last_year)`, so years outside the
 * table use the nearest year's estimate.
 */
function exposureYears(period: RatePeriod): Sql {
	return sql`span AS (
	SELECT y AS year,
		greatest(0, least(CAST(${period.to} AS DATE), make_date(y, 12, 31))
			- greatest(CAST(${period.from} AS DATE), make_date(y, 1, 1)) + 1)
			/ (make_date(y, 12, 31) - make_date(y, 1, 1) + 1) AS fraction
	FROM range(year(CAST(${period.from} AS DATE)), year(CAST(${period.to} AS DATE)) + 1) AS years(y)
),
known AS (SELECT min(year) AS first_year, max(year) AS last_year FROM ${ident('population')})`;
}

/**
 * The records a rate counts: their table and the date that places each in the period, or no date when the
 * table holds the period's records only (a cube's cells over the period: `episodeCounts`).
 */
export interface RateSource {
	from: Sql;
	date?: string;
}

/** Referrals, placed by their referral date: what a rate counts unless told otherwise. */
export const referralSource: RateSource = { from: referralFacts, date: 'referral_date' };

/** In a rate query's `counted`: the distinct children of the counted records (the facts' `solo_all`). */
export const distinctChildren = 'distinct children';

/** What a per-district rate query counts and which population it sets the counts against. */
export interface RateQuery {
	period: RatePeriod;
	/** The records counted (referrals unless given). */
	source?: RateSource;
	/** The filters on those records, less the period (applied here) and the district (every district is shown). */
	where: Sql;
	/**
	 * Counts of records in the period per district, by output name: a keyed count, or `distinctChildren`
	 * for the children among them (counted beside the others: `childCountsBy`).
	 */
	counted: readonly (readonly [string, Keyed | typeof distinctChildren])[];
	/**
	 * Aggregates of the population rows `p` weighted by the period's coverage `s.fraction` (person-years),
	 * each with its alias, e.g. `sum(p.children * s.fraction) AS person_years`.
	 */
	exposure: readonly Sql[];
	/** How each exposure column is selected from the CTE `e` in the answer (e.g. `coalesce(…, 0) AS …`). */
	exposureColumns: readonly Sql[];
}

/**
 * Counts and person-years per district for rates per 10,000 children a year, shared by the Districts page
 * (`districtRates`), the cohort's matching rates (`matchingRates`) and the Missing page
 * (`districtEpisodeRates`): the population side (`exposure`) weighs each mid-year estimate by the share of
 * its year the period covers; the count side (`counts`) counts the filtered records (referrals unless
 * `source` says otherwise) in the period. Every district of the population appears, with
 * zero counts where no referral matched. Person-years are not counts of records (`publishing`).
 */
export function rateQuery(query: RateQuery): Sql {
	const source = query.source ?? referralSource;
	const inPeriod =
		source.date === undefined
			? sql`TRUE`
			: sql`${ident(source.date)} BETWEEN CAST(${query.period.from} AS DATE) AND CAST(${query.period.to} AS DATE)`;
	const rows = query.counted.flatMap(([name, keyed]) =>
		keyed === distinctChildren ? [] : [[name, keyed] as const]
	);
	// Facts rows are counted from their cells by district and condition (conditionCells), a cube's as they are.
	const byCondition = conditionCells(rows);
	const counts = byCondition?.counts ?? rows;
	const counted = byCondition
		? sql`(SELECT district, ${byCondition.cells} FROM ${source.from} WHERE ${inPeriod} AND (${query.where}) GROUP BY ALL)`
		: sql`${source.from} WHERE ${inPeriod} AND (${query.where})`;
	const children = query.counted.flatMap(([name, keyed]) =>
		keyed === distinctChildren
			? [
					sql`${ident(name)} AS (SELECT district, ${keyedAs(name, summedCount(ident(name), ident(`${name}:key_sum`)))} FROM ${childCountsBy(source.from, sql`${inPeriod} AND (${query.where})`, [['district']], name)} GROUP BY district)`
				]
			: []
	);
	const through = ([name, keyed]: readonly [string, Keyed | typeof distinctChildren]) =>
		keyedThrough(name, keyed === distinctChildren ? name : 'c');
	return sql`WITH ${exposureYears(query.period)},
exposure AS (
	SELECT p.district,
		${join(query.exposure)}
	FROM span s
	CROSS JOIN known k
	JOIN ${ident('population')} p ON p.year = least(greatest(s.year, k.first_year), k.last_year)
	GROUP BY 1
),
counts AS (
	SELECT district,
		${join(counts.map(([name, keyed]) => keyedAs(name, keyed)))}
	FROM ${counted}
	GROUP BY 1
)${join(
		children.map((one) => sql`,\n${one}`),
		''
	)}
SELECT CAST(e.district AS VARCHAR) AS district,
	${join(query.counted.map(through))},
	${join(query.exposureColumns)}
FROM exposure e
LEFT JOIN counts c USING (district)${join(
		query.counted.flatMap(([name, keyed]) =>
			keyed === distinctChildren ? [sql`\nLEFT JOIN ${ident(name)} USING (district)`] : []
		),
		''
	)}
ORDER BY e.district`;
}
