import { join, literal, sql, Sql } from './sql';

/** A part's columns in the merged answer: its own names after `<part>.`. */
const prefix = (part: string) => `${part}.`;

/**
 * Several queries of one page as one (issue 14): one round trip to the engine instead of one each, and the
 * `shared` CTEs (e.g. counts that several parts read) computed once for all. Each part's rows keep their
 * order (`part_row`, numbered over its ordered query) and their columns under `<part>.`, the others NULL;
 * `mergedRows` takes one part's rows back out. Publication is row by row, so each row is published as its
 * own query's would be. A part must be one query that can stand as a subquery (no CTE of its own).
 */
export function mergedQueries(parts: Readonly<Record<string, Sql>>, shared?: Sql): Sql {
	const names = Object.keys(parts);
	const selects = names.map(
		(
			part
		) => sql`SELECT ${part} AS part, row_number() OVER () AS part_row, COLUMNS(*) AS ${literal(`${prefix(part)}\\0`)}
	FROM (${parts[part]!})`
	);
	return new Sql(
		sql`${shared ? sql`WITH ${shared}\n` : sql``}SELECT * EXCLUDE (part_row) FROM (
	${join(selects, '\n\tUNION ALL BY NAME\n\t')}
)
ORDER BY part, part_row`.text,
		names.flatMap((part) => parts[part]!.dimensions.map((name) => prefix(part) + name))
	);
}

/** One part's rows of a `mergedQueries` answer, as its own query gives them; undefined while none. */
export function mergedRows<Row extends object>(
	rows: readonly object[] | undefined,
	part: string
): Row[] | undefined {
	if (!rows) return undefined;
	// Every row of the answer has every part's columns: the part's own are found once, not row by row.
	const columns = Object.keys(rows[0] ?? {})
		.filter((name) => name.startsWith(prefix(part)))
		.map((name) => [name, name.slice(prefix(part).length)] as const);
	return rows
		.filter((row) => (row as { part?: unknown }).part === part)
		.map((row) => {
			const own: Record<string, unknown> = {};
			for (const [name, short] of columns) own[short] = (row as Record<string, unknown>)[name];
			return own as Row;
		});
}
