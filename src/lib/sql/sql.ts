/**
 * A tiny SQL builder in the style of mosaic-sql and postgres.js tagged templates: interpolated values are
 * escaped as literals, interpolated `Sql` fragments are inlined. Escaping lives here and nowhere else, so a
 * filter value can never become SQL text, and an undefined predicate produces no clause.
 */
export class Sql {
	/**
	 * @param dimensions numeric columns of the answer that publication mode passes as they are (see
	 *   `publication/publish-rows.ts`): a table's dimensions (age, year) and reference values that count no
	 *   child. Every other numeric column is a keyed count (perturbed) or withheld.
	 */
	constructor(
		readonly text: string,
		readonly dimensions: readonly string[] = []
	) {}
	toString(): string {
		return this.text;
	}
	/** The same query, declaring numeric columns that are published as they are. */
	publishing(...dimensions: readonly string[]): Sql {
		return new Sql(this.text, [...this.dimensions, ...dimensions]);
	}
}

export type SqlPrimitive = string | number | boolean | null | Date;
export type SqlValue = SqlPrimitive | Sql | readonly SqlPrimitive[];

/** A string literal: single quotes doubled. DuckDB string literals have no backslash escapes. */
function quoteString(value: string): string {
	return `'${value.replaceAll("'", "''")}'`;
}

/** An escaped SQL literal for a JavaScript value. Non-finite numbers are refused rather than becoming NULL. */
export function literal(value: SqlPrimitive): Sql {
	if (value === null) return new Sql('NULL');
	if (typeof value === 'boolean') return new Sql(value ? 'TRUE' : 'FALSE');
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new RangeError(`Cannot use ${value} in SQL`);
		return new Sql(String(value));
	}
	if (value instanceof Date) return new Sql(`DATE ${quoteString(value.toISOString().slice(0, 10))}`);
	return new Sql(quoteString(value));
}

/** A quoted identifier (table or column name). */
export function ident(name: string): Sql {
	return new Sql(`"${name.replaceAll('"', '""')}"`);
}

function fragment(value: SqlValue): string {
	if (value instanceof Sql) return value.text;
	if (Array.isArray(value)) {
		if (value.length === 0) throw new RangeError('Cannot use an empty list in SQL');
		return `(${value.map((item: SqlPrimitive) => literal(item).text).join(', ')})`;
	}
	return literal(value as SqlPrimitive).text;
}

/** Tagged template: `sql\`SELECT * FROM t WHERE district = ${value}\`` escapes `value`. */
export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): Sql {
	let text = strings[0] ?? '';
	values.forEach((value, index) => {
		text += fragment(value) + (strings[index + 1] ?? '');
	});
	return new Sql(text);
}

/** Join fragments with a separator (default ', '). */
export function join(parts: readonly Sql[], separator = ', '): Sql {
	return new Sql(parts.map((part) => part.text).join(separator));
}

/** AND of the defined predicates; TRUE when there are none, so a query never ends in a dangling WHERE. */
export function and(...predicates: readonly (Sql | undefined)[]): Sql {
	const defined = predicates.filter((predicate): predicate is Sql => predicate !== undefined);
	if (defined.length === 0) return new Sql('TRUE');
	if (defined.length === 1) return defined[0]!;
	return new Sql(defined.map((predicate) => `(${predicate.text})`).join(' AND '));
}

/** `column IN (values)`, or no predicate when the list is undefined. An empty list matches nothing. */
export function isIn(column: Sql, values: readonly SqlPrimitive[] | undefined): Sql | undefined {
	if (values === undefined) return undefined;
	if (values.length === 0) return new Sql('FALSE');
	return sql`${column} IN ${values}`;
}

/** `sum(value)`, optionally only over rows where `where` holds: a BIGINT, 0 (never NULL) over no rows. */
export function total(value: Sql, where?: Sql): Sql {
	const filter = where ? sql` FILTER (WHERE ${where})` : sql``;
	return sql`CAST(COALESCE(sum(${value})${filter}, 0) AS BIGINT)`;
}
