import { periodStart } from '$lib/domain/calendar';
import type { FilterKey, Filters } from '$lib/domain/filters';
import { episodeFacts, episodeSexGroup } from './derived';
import { filterApplies, episodeColumns, filterPredicate, type FilterColumns } from './filters';
import { childCellHash } from './record-keys';
import { periodEdges } from './period-edges';
import { and, ident, join, sql, type Sql } from './sql';

/**
 * Distinct children of missing episodes over a period, any days (issue 14: the Missing page's headline and
 * its children by episode type and by sex under a period, which sent them to the episode facts). A child is
 * in a period once, by their first episode in it: the one in it whose previous episode (the facts'
 * `previous_start`, among the same type's or sex's for those counts) starts before the period, or that has
 * none. So a count of children is a count of first episodes, which adds up across months, unlike a count of
 * distinct children. For a child whose episodes all lie in one district × looked-after cell (`one_cell`: all
 * but 17,144 of 420,005 children at 1M) a district or looked-after filter keeps all of their episodes or
 * none, so the first episode among the filtered ones is the first of all. This table counts such episodes
 * per month × the month of the previous episode × district × looked-after, for each kind of count (`kind`:
 * every episode, by type, by sex). A period's first episodes are then
 * - in its whole months: the cells whose previous month is before the period's first month, plus the
 *   episodes after one that starts in that first month before the period (when the period starts mid-month,
 *   found from those days' facts rows by their `next_start`), and
 * - in its part months: those days' facts rows whose `previous_start` is before the period,
 * and the other children are counted distinct from the period's facts rows, as the facts path does.
 */
export const episodeFirstsTable = ident('episode_firsts');

/** The counts the table holds, with the facts columns that place an episode among its child's of that kind. */
const kinds = {
	all: { code: 0, column: undefined, previous: 'previous_start', next: 'next_start', value: undefined },
	episode_type: {
		code: 1,
		column: 'episode_type',
		previous: 'previous_type_start',
		next: 'next_type_start',
		value: ident('episode_type')
	},
	sex: {
		code: 2,
		column: 'sex',
		previous: 'previous_sex_start',
		next: 'next_sex_start',
		value: episodeSexGroup
	}
} as const;

/** What the children are counted by: all of them, or by the episode's type or the child's sex. */
export type FirstsKind = keyof typeof kinds;

/** The filters the table answers besides the period, as its columns (no date: the period is split here). */
const columns: FilterColumns = { date: 'month', district: 'district', lookedAfter: 'looked_after' };
const answered: readonly FilterKey[] = ['from', 'to', 'districts', 'lookedAfter'];

/** Whether the table answers these filters: a period, and no filter on episodes but district and looked-after. */
export function episodeFirstsAnswer(filters: Filters): boolean {
	return (
		(filters.from !== undefined || filters.to !== undefined) &&
		(Object.keys(filters) as FilterKey[]).every(
			(key) => filters[key] === undefined || !filterApplies(episodeColumns, key) || answered.includes(key)
		)
	);
}

/** The code columns of every kind: NULL where a kind has none, so the kinds share one table. */
function codeColumns(kind: FirstsKind): Sql {
	const { column, value } = kinds[kind];
	return join(
		(['episode_type', 'sex'] as const).map((name) =>
			column === name ? sql`${value} AS ${ident(name)}` : sql`NULL AS ${ident(name)}`
		)
	);
}

/** Build the table from the episode facts (their neighbour columns); run after the facts are built. */
export function buildEpisodeFirsts(): Sql {
	const ofKind = (kind: FirstsKind) => {
		const { code, previous } = kinds[kind];
		return sql`SELECT ${code} AS kind, ${codeColumns(kind)}, month,
		CAST(date_trunc('month', ${ident(previous)}) AS DATE) AS previous_month, district, looked_after, ${childCellHash}
	FROM ${episodeFacts}
	WHERE one_cell`;
	};
	return sql`CREATE OR REPLACE TABLE ${episodeFirstsTable} AS
SELECT CAST(kind AS TINYINT) AS kind, episode_type, sex, month, previous_month, district, looked_after,
	CAST(count(*) AS INTEGER) AS children, CAST(sum(${childCellHash}) AS HUGEINT) AS child_key_sum
FROM (
	${join((Object.keys(kinds) as FirstsKind[]).map(ofKind), '\n\tUNION ALL\n\t')}
)
GROUP BY ALL
ORDER BY district, month`;
}

/**
 * The episodes of the other children (not `one_cell`: 134,286 of 1.58M episodes at 1M), in date order, with
 * the columns the filters and counts read: a period's are counted distinct by child without reading the facts.
 */
export const episodeMixedTable = ident('episode_mixed_cells');

/** Build the table of the other children's episodes from the episode facts. */
export function buildEpisodeMixed(): Sql {
	return sql`CREATE OR REPLACE TABLE ${episodeMixedTable} AS
SELECT start_date, district, looked_after, episode_type, sex, child_key, ${childCellHash}
FROM ${episodeFacts}
WHERE NOT one_cell
ORDER BY start_date`;
}

const date = (day: string) => sql`CAST(${day} AS DATE)`;

/**
 * The children under the filters (which the table must answer: `episodeFirstsAnswer`) as groups of
 * different children, each with `children` and `child_key_sum` (the sum of their hashes), and for a kind
 * other than `all` its code column (`episode_type` or `sex`): every count is a sum over the groups.
 */
export function episodeFirstGroups(filters: Filters, kind: FirstsKind): Sql {
	const { code, column, previous, next, value } = kinds[kind];
	const from = filters.from;
	const to = filters.to;
	const { wholeFrom, wholeUntil, edges } = periodEdges(from, to, 'month');
	const cells = filterPredicate(filters, columns, ['from', 'to']);
	const rows = filterPredicate(filters, episodeColumns, ['from', 'to']);
	// The cells hold each kind's code as it is counted by; the facts rows as recorded.
	const select = (children: Sql, keySum: Sql, code: 'cell' | 'row' = 'row') =>
		join([
			...(column === undefined ? [] : [code === 'cell' ? ident(column) : sql`${value} AS ${ident(column)}`]),
			sql`${children} AS children`,
			sql`CAST(${keySum} AS HUGEINT) AS child_key_sum`
		]);
	// Before the period: an episode whose previous one (of its kind) starts before it is its child's first.
	const firstMonth = from === undefined ? undefined : periodStart(from, 'month');
	const startsBefore = (value: Sql, day: string | undefined) =>
		day === undefined ? sql`${value} IS NULL` : sql`(${value} IS NULL OR ${value} < ${date(day)})`;
	const hasWhole = wholeFrom === undefined || wholeUntil === undefined || wholeFrom < wholeUntil;
	const inWhole = (value: Sql) =>
		and(
			wholeFrom === undefined ? undefined : sql`${value} >= ${date(wholeFrom)}`,
			wholeUntil === undefined ? undefined : sql`${value} < ${date(wholeUntil)}`
		);
	const parts: Sql[] = [];
	if (hasWhole)
		parts.push(sql`SELECT ${select(sql`children`, sql`child_key_sum`, 'cell')}
	FROM ${episodeFirstsTable}
	WHERE kind = ${code} AND ${inWhole(sql`month`)} AND ${startsBefore(sql`previous_month`, firstMonth)} AND ${cells}`);
	// One branch a part month: DuckDB skips the other row groups for a range, not for two ranges ORed.
	for (const edge of edges)
		parts.push(sql`SELECT ${select(sql`1`, childCellHash)}
	FROM ${episodeFacts}
	WHERE one_cell AND start_date BETWEEN ${date(edge.from)} AND ${date(edge.to)} AND ${startsBefore(ident(previous), from)} AND ${rows}`);
	// The period starts mid-month: the first episodes in its whole months whose previous one is in that month's
	// days before it (the cells hold them under that month), found as those days' episodes' next ones.
	if (hasWhole && from !== undefined && firstMonth !== from)
		parts.push(sql`SELECT ${select(sql`1`, childCellHash)}
	FROM ${episodeFacts}
	WHERE one_cell AND start_date >= ${date(firstMonth!)} AND start_date < ${date(from)} AND ${inWhole(ident(next))} AND ${rows}`);
	const inPeriod = and(
		from === undefined ? undefined : sql`start_date >= ${date(from)}`,
		to === undefined ? undefined : sql`start_date <= ${date(to)}`
	);
	parts.push(sql`SELECT ${select(sql`1`, sql`any_value(${childCellHash})`)}
	FROM ${episodeMixedTable}
	WHERE ${inPeriod} AND ${rows}
	GROUP BY ${join([...(value === undefined ? [] : [value]), ident('child_key')])}`);
	return sql`(${join(parts, '\n\tUNION ALL\n\t')})`;
}
