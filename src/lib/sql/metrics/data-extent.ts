import { episodeFacts, referralFacts } from '../derived';
import { sql, type Sql } from '../sql';

export interface DataExtent {
	referrals: number;
	first_referral: string | null;
	last_referral: string | null;
	episodes: number;
}

/** What is loaded: row counts and the referral date range, unfiltered. */
export function dataExtent(): Sql {
	return sql`SELECT
	(SELECT count(*) FROM ${referralFacts}) AS referrals,
	(SELECT CAST(min(referral_date) AS VARCHAR) FROM ${referralFacts}) AS first_referral,
	(SELECT CAST(max(referral_date) AS VARCHAR) FROM ${referralFacts}) AS last_referral,
	(SELECT count(*) FROM ${episodeFacts}) AS episodes`;
}
