import { indicatorColumns, type IndicatorColumn } from '$lib/contract';
import { indicatorCount, presentFlag } from '../../derived';
import { join, literal, sql, Sql } from '../../sql';

/**
 * SQL fragments over the contract's 12 indicators, read from the facts' bitmasks. Every indicator query is
 * generated from `indicators` in the contract, so a change there (a renamed or added indicator) reaches
 * every metric.
 */

/** TRUE when the indicator is present at any level (low, medium, high or present); never NULL. */
export function isPresent(column: IndicatorColumn): Sql {
	return sql`${presentFlag(column)} = 1`;
}

/** A DuckDB list of the 12 indicator columns' names, in the contract's order (indexed from 1). */
export function indicatorList(): Sql {
	return new Sql(`[${indicatorColumns.map((column) => literal(column).text).join(', ')}]`);
}

/** How many of the 12 indicators are present on a referral (0–12). */
export function presentCount(): Sql {
	return indicatorCount;
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
