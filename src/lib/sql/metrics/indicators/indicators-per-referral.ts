import type { Filters } from '$lib/domain/filters';
import { indicatorCountCube, rowCounts } from '../../cubes';
import { sql, type Sql } from '../../sql';
import { presentCount } from './indicator-sql';
import { keyedAs } from '../../keyed-count';

export interface IndicatorsPerReferral {
	/** How many of the 12 indicators are present (0–12). */
	indicators: number;
	referrals: number;
}

/** The distribution of the number of indicators present per referral. Counts with no referrals are absent. */
export function indicatorsPerReferral(filters: Filters): Sql {
	// From the indicator-count cube unless a filter needs the facts.
	const counts = rowCounts(indicatorCountCube, filters);
	return sql`SELECT ${presentCount()} AS indicators, ${keyedAs('referrals', counts.rows())}
FROM ${counts.from}
WHERE ${counts.where}
GROUP BY ALL
ORDER BY indicators`.publishing('indicators');
}
