import { ageBandRanges, ageBands } from '$lib/contract';
import { ident, join, literal, sql, Sql } from './sql';

/** The derived-facts table every referral metric reads: the contract's columns plus analysis columns. */
export const referralFacts = ident('referral_facts');
export const episodeFacts = ident('episode_facts');

function ageBandCase(age: Sql): Sql {
	const whens = ageBands.codes.map((code) => {
		const [low, high] = ageBandRanges[code];
		return sql`WHEN ${age} BETWEEN ${low} AND ${high} THEN ${literal(code)}`;
	});
	return sql`CAST(CASE ${join(whens, ' ')} END AS ${ident('age_band_t')})`;
}

/**
 * Build the facts tables after every load. A referral is a repeat referral when the same child had a
 * previous referral in the 12 months before it (DfE re-referral definition), looking across all loaded data
 * so that filters never change whether a referral counts as a repeat. Rows are sorted by date, which lets
 * DuckDB skip row groups for period filters.
 */
export function buildFacts(): Sql[] {
	const bands = join(ageBands.codes.map((code) => literal(code)));
	return [
		sql`CREATE TYPE IF NOT EXISTS ${ident('age_band_t')} AS ENUM (${bands})`,
		sql`CREATE OR REPLACE TABLE ${referralFacts} AS
SELECT r.*,
	CAST(date_trunc('month', r.referral_date) AS DATE) AS month,
	${ageBandCase(sql`r.age_at_referral`)} AS age_band,
	COALESCE(
		lag(r.referral_date) OVER (PARTITION BY r.child_id ORDER BY r.referral_date, r.referral_id)
			>= r.referral_date - INTERVAL 12 MONTH,
		FALSE
	) AS is_repeat
FROM referrals r
ORDER BY r.referral_date, r.referral_id`,
		sql`CREATE OR REPLACE TABLE ${episodeFacts} AS
SELECT e.*,
	CAST(date_trunc('month', e.start_date) AS DATE) AS month,
	${ageBandCase(sql`e.age_at_start`)} AS age_band,
	e.end_date - e.start_date AS duration_days
FROM missing_episodes e
ORDER BY e.start_date, e.episode_id`
	];
}
