import { ident, sql, type Sql } from './sql';

/** First day of the calendar quarter of a date column, as yyyy-mm-dd text (2024-04-01 for April to June). */
export function quarterStart(column: string): Sql {
	return sql`CAST(CAST(date_trunc('quarter', ${ident(column)}) AS DATE) AS VARCHAR)`;
}

/**
 * The UK financial year (1 April to 31 March) of a date column, as the calendar year it starts in: 2024
 * for 2024-25, so 15 March 2025 is in 2024.
 */
export function financialYear(column: string): Sql {
	const date = ident(column);
	return sql`CAST(year(${date}) - CASE WHEN month(${date}) < 4 THEN 1 ELSE 0 END AS INTEGER)`;
}
