import { indicatorColumns, presentLevels, type IndicatorColumn } from '$lib/contract';
import { ident, join, literal, sql, Sql } from '../../sql';

/**
 * SQL fragments over the contract's 12 indicator columns. Every indicator query is generated from
 * `indicators` in the contract, so a change there (a renamed or added indicator) reaches every metric.
 */

/** TRUE when the indicator is present at any level (low, medium, high or present); never NULL. */
export function isPresent(column: IndicatorColumn): Sql {
	return sql`COALESCE(${ident(column)} IN ${presentLevels}, FALSE)`;
}

/** TRUE when the indicator was assessed (any level but not assessed); never NULL. */
export function isAssessed(column: IndicatorColumn): Sql {
	return sql`COALESCE(${ident(column)} <> 'not_assessed', FALSE)`;
}

/** How many of the 12 indicators are present on a referral (0–12). */
export function presentCount(): Sql {
	return join(
		indicatorColumns.map((column) => sql`CAST(${isPresent(column)} AS INTEGER)`),
		' + '
	);
}

/**
 * A DuckDB list with one struct per indicator, `{'indicator': column, <measure>: <aggregate>, …}`, to be
 * unnested into one row per indicator. One scan computes every indicator's aggregates (an UNPIVOT would
 * first multiply the rows by 12).
 */
export function perIndicatorList(measures: (column: IndicatorColumn) => Record<string, Sql>): Sql {
	const structs = indicatorColumns.map((column) => {
		const fields = Object.entries({ indicator: literal(column), ...measures(column) }).map(
			([name, value]) => sql`${literal(name)}: ${value}`
		);
		return sql`{${join(fields)}}`;
	});
	return new Sql(`[${join(structs).text}]`);
}
