import { tables, type TableName } from '$lib/contract';
import type { Filters } from '$lib/domain/filters';
import { episodeFacts, referralFacts } from '../../derived';
import { episodeColumns, filterPredicate, referralColumns } from '../../filters';
import { ident, join, sql, type Sql } from '../../sql';

const source = {
	referrals: { facts: referralFacts, columns: referralColumns, order: ['referral_date', 'referral_id'] },
	missing_episodes: { facts: episodeFacts, columns: episodeColumns, order: ['start_date', 'episode_id'] }
} as const;

/**
 * Every row of a contract table that the current filters select, in the contract's columns and order and
 * nothing else (no analysis column, no child key), codes and dates as text: the rows behind the view, as a
 * file Sightline could load again. Missing episodes honour only the filters an episode has (period,
 * district, age, looked after); the page says which it ignored.
 */
export function filteredRows(filters: Filters, table: TableName): Sql {
	const { facts, columns, order } = source[table];
	const select = tables[table].fields.map((field) =>
		field.kind === 'enum' || field.kind === 'date'
			? sql`CAST(${ident(field.name)} AS VARCHAR) AS ${ident(field.name)}`
			: ident(field.name)
	);
	return sql`SELECT ${join(select)}
FROM ${facts}
WHERE ${filterPredicate(filters, columns)}
ORDER BY ${join(order.map((name) => ident(name)))}`;
}
