import type { Filters } from '$lib/domain/filters';
import { leftToCells, pathwayStageCells, referralCounts } from '../../cubes';
import { stageCubes } from './pathway-funnel';
import { sql, type Sql } from '../../sql';
import { keyedAs } from '../../keyed-count';

export interface NrmRow {
	/** Calendar quarter start (yyyy-mm-dd), or '' for the whole period. */
	quarter: string;
	/** Referrals that led to a National Referral Mechanism referral. */
	nrm: number;
	/** Referrals with the NRM field recorded (yes or no): the denominator. */
	recorded: number;
}

/**
 * NRM referrals among exploitation referrals, per calendar quarter of referral, or overall: from the pathway
 * cube, or under a single-year age the cohort cube, unless a filter needs the facts; `fromCells`, from
 * `pathwayStageCells`, which the query must define (`pathwayCounts`).
 */
export function nrmReferrals(
	filters: Filters,
	{ byQuarter, fromCells = false }: { byQuarter: boolean; fromCells?: boolean }
): Sql {
	const quarter = byQuarter ? sql`CAST(CAST(date_trunc('quarter', month) AS DATE) AS VARCHAR)` : sql`''`;
	const counts = fromCells
		? referralCounts(leftToCells(filters), [], [pathwayStageCells])
		: referralCounts(filters, [], stageCubes);
	return sql`SELECT ${quarter} AS quarter,
	${keyedAs('nrm', counts.nrmReferrals())},
	${keyedAs('recorded', counts.nrmRecorded())}
FROM ${counts.from}
WHERE ${counts.where}
GROUP BY ALL
ORDER BY 1`;
}
