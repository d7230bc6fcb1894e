import type { FieldValue } from './field-parser';

/**
 * The loaded values of one field, stored compactly by kind: a million rows of codes, dates, numbers and
 * flags as typed arrays rather than 29 million array slots, which the garbage collector would otherwise
 * re-scan throughout a big load. Plain data (no methods), so it survives `postMessage` from a worker.
 * Only text is kept as strings. `length` is the number of loaded rows.
 */
export type LoadedColumn =
	| { readonly kind: 'text'; readonly length: number; readonly values: readonly (string | null)[] }
	/** `indexes[i]` is 0 for blank, else 1 + the position of the code in `codes` (the contract's order). */
	| {
			readonly kind: 'enum';
			readonly length: number;
			readonly codes: readonly string[];
			readonly indexes: Uint8Array;
	  }
	/** `valid[i]` is 1 where there is a value. */
	| {
			readonly kind: 'integer';
			readonly length: number;
			readonly values: Int32Array;
			readonly valid: Uint8Array;
	  }
	/** 0 blank, 1 false, 2 true. */
	| { readonly kind: 'boolean'; readonly length: number; readonly values: Uint8Array }
	/** Days since 1970-01-01 (the Arrow Date32 unit); `valid[i]` is 1 where there is a date. */
	| { readonly kind: 'date'; readonly length: number; readonly days: Int32Array; readonly valid: Uint8Array };

const dayMs = 86_400_000;

/** ISO yyyy-mm-dd of a day number. */
export const isoOfDay = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);

/** Day number of an ISO yyyy-mm-dd date. */
export const dayOfIso = (iso: string) =>
	Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / dayMs;

/** One loaded value as the contract types it (dates as ISO strings), or null. */
export function columnValue(column: LoadedColumn, index: number): FieldValue | null {
	switch (column.kind) {
		case 'text':
			return column.values[index] ?? null;
		case 'enum': {
			const code = column.indexes[index]!;
			return code === 0 ? null : column.codes[code - 1]!;
		}
		case 'integer':
			return column.valid[index] ? column.values[index]! : null;
		case 'boolean':
			return column.values[index] === 0 ? null : column.values[index] === 2;
		case 'date':
			return column.valid[index] ? isoOfDay(column.days[index]!) : null;
	}
}

/** All loaded values of a column as a plain array (for reports, tests and small data). */
export function columnValues(column: LoadedColumn): (FieldValue | null)[] {
	return Array.from({ length: column.length }, (_, index) => columnValue(column, index));
}

function joinTyped<T extends Uint8Array | Int32Array>(a: T, b: T, make: (length: number) => T): T {
	const joined = make(a.length + b.length);
	joined.set(a);
	joined.set(b, a.length);
	return joined;
}

/** A column of `first`'s rows followed by `second`'s (appending a monthly extract). */
export function concatColumns(first: LoadedColumn, second: LoadedColumn): LoadedColumn {
	const length = first.length + second.length;
	if (first.kind === 'text' && second.kind === 'text') {
		return { kind: 'text', length, values: first.values.concat(second.values) };
	}
	if (first.kind === 'enum' && second.kind === 'enum') {
		return { ...first, length, indexes: joinTyped(first.indexes, second.indexes, (n) => new Uint8Array(n)) };
	}
	if (first.kind === 'integer' && second.kind === 'integer') {
		return {
			kind: 'integer',
			length,
			values: joinTyped(first.values, second.values, (n) => new Int32Array(n)),
			valid: joinTyped(first.valid, second.valid, (n) => new Uint8Array(n))
		};
	}
	if (first.kind === 'boolean' && second.kind === 'boolean') {
		return {
			kind: 'boolean',
			length,
			values: joinTyped(first.values, second.values, (n) => new Uint8Array(n))
		};
	}
	if (first.kind === 'date' && second.kind === 'date') {
		return {
			kind: 'date',
			length,
			days: joinTyped(first.days, second.days, (n) => new Int32Array(n)),
			valid: joinTyped(first.valid, second.valid, (n) => new Uint8Array(n))
		};
	}
	throw new Error(`Cannot join columns of different kinds (${first.kind}, ${second.kind})`);
}
