import * as aq from 'arquero';

/** Which column's values become the new columns, and which column fills them. */
export interface PivotOptions {
	names: string;
	values: string;
}

/** A reshaped result: its columns in order, and its rows. */
export interface Reshaped {
	columns: string[];
	rows: Record<string, unknown>[];
}

/**
 * A long result made wide: one row per combination of the other columns, one column per value of `names`
 * (sorted), holding that row's `values` (the first, where a combination repeats); a combination with no row
 * for a name is null. Arquero's `pivot` compiles code with `Function`, which the page's policy refuses, so
 * this runs in the reshape worker (`reshape.worker.ts`) and in Node, never in the page.
 */
export function pivotWider(rows: readonly object[], { names, values }: PivotOptions): Reshaped {
	const table = aq.from(rows as object[]);
	const present = table.columnNames();
	for (const name of [names, values])
		if (!present.includes(name)) throw new RangeError(`The result has no column ${name}.`);
	if (names === values) throw new RangeError('Choose different columns for the names and the values.');
	const keys = present.filter((name) => name !== names && name !== values);
	const wide = (keys.length > 0 ? table.groupby(keys) : table).pivot(names, values);
	const columns = wide.columnNames();
	// Arquero leaves an absent cell undefined; a result says null, as DuckDB does.
	const out = (wide.objects() as Record<string, unknown>[]).map((row) => {
		for (const column of columns) row[column] ??= null;
		return row;
	});
	return { columns, rows: out };
}
