import type { Filters } from '$lib/domain/filters';
import { riskCube, rowCounts } from '../../cubes';
import { financialYear } from '../../period-columns';
import { sql, type Sql } from '../../sql';
import { keyedAs } from '../../keyed-count';

export interface RiskLevelYear {
	/** Financial year, as the calendar year it starts in (2024 = 2024-25). */
	year: number;
	/** Overall risk level from the risk management tool (contract `riskLevels`). */
	risk_level: string;
	referrals: number;
}

/**
 * Referrals by overall risk level and financial year. The risk-level filter is left out: the chart
 * cross-filters by risk level, so it keeps every level and the page highlights the choice.
 */
export function riskLevelsByYear(filters: Filters): Sql {
	// From the risk cube unless a filter needs the facts; a month lies in one financial year.
	const counts = rowCounts(riskCube, filters, ['riskLevels']);
	return sql`SELECT ${financialYear('month')} AS year,
	COALESCE(CAST(risk_level AS VARCHAR), 'not_assessed') AS risk_level,
	${keyedAs('referrals', counts.rows())}
FROM ${counts.from}
WHERE ${counts.where}
GROUP BY ALL
ORDER BY year, risk_level`.publishing('year');
}
