import { z } from 'zod';
import type { Enumeration } from './enumeration';

/** How a field is stored. Each kind has one DuckDB type and one parser in ingest. */
export type FieldKind = 'text' | 'integer' | 'date' | 'time' | 'boolean' | 'enum';

interface FieldBase<Name extends string, Required extends boolean> {
	readonly name: Name;
	readonly label: string;
	readonly description: string;
	readonly required: Required;
	/** Header spellings seen in extracts; matched case-, space- and punctuation-insensitively. */
	readonly aliases: readonly string[];
}
export interface TextField<N extends string = string, R extends boolean = boolean> extends FieldBase<N, R> {
	readonly kind: 'text';
	readonly maxLength: number;
}
export interface IntegerField<N extends string = string, R extends boolean = boolean> extends FieldBase<
	N,
	R
> {
	readonly kind: 'integer';
	readonly min: number;
	readonly max: number;
	/** Values above this (up to max) are kept with a warning, e.g. ages 18–24. */
	readonly warnAbove?: number;
}
export interface DateField<N extends string = string, R extends boolean = boolean> extends FieldBase<N, R> {
	readonly kind: 'date';
	/**
	 * The earliest plausible date (yyyy-mm-dd). An earlier date is treated like an unreadable one (a required
	 * field rejects the row, an optional one is left blank with a warning): it is almost always an empty or
	 * zero cell formatted as a date (Excel's serial 0, 1 or 60, the non-existent 29 February 1900) or a typo.
	 */
	readonly plausibleFrom?: string;
}
/**
 * A clock time (hh:mm) that goes with a date field of the same row, loaded as minutes after midnight
 * (0–1439) and read as UTC, so elapsed time is plain arithmetic: no time zone or daylight-saving rule is
 * applied, in TypeScript or in DuckDB (whose time-zone functions need an extension that cannot load offline).
 */
export interface TimeField<N extends string = string, R extends boolean = boolean> extends FieldBase<N, R> {
	readonly kind: 'time';
	/** The date field this time belongs to. */
	readonly dateField: string;
}
export interface BooleanField<N extends string = string, R extends boolean = boolean> extends FieldBase<
	N,
	R
> {
	readonly kind: 'boolean';
}
export interface EnumField<
	N extends string = string,
	R extends boolean = boolean,
	C extends string = string
> extends FieldBase<N, R> {
	readonly kind: 'enum';
	readonly values: Enumeration<C>;
	/** The code an unrecognised value in an optional field becomes (kept with a warning). */
	readonly fallback?: C;
}
export type Field = TextField | IntegerField | DateField | TimeField | BooleanField | EnumField;

type Definition<F> = Omit<F, 'kind' | 'name'>;

export const textField = <const N extends string, const R extends boolean>(
	name: N,
	definition: Definition<TextField<N, R>>
): TextField<N, R> => ({ kind: 'text', name, ...definition });

export const integerField = <const N extends string, const R extends boolean>(
	name: N,
	definition: Definition<IntegerField<N, R>>
): IntegerField<N, R> => ({ kind: 'integer', name, ...definition });

export const dateField = <const N extends string, const R extends boolean>(
	name: N,
	definition: Definition<DateField<N, R>>
): DateField<N, R> => ({ kind: 'date', name, ...definition });

export const timeField = <const N extends string, const R extends boolean>(
	name: N,
	definition: Definition<TimeField<N, R>>
): TimeField<N, R> => ({ kind: 'time', name, ...definition });

export const booleanField = <const N extends string, const R extends boolean>(
	name: N,
	definition: Definition<BooleanField<N, R>>
): BooleanField<N, R> => ({ kind: 'boolean', name, ...definition });

export const enumField = <const N extends string, const R extends boolean, C extends string>(
	name: N,
	definition: Definition<EnumField<N, R, C>>
): EnumField<N, R, C> => ({ kind: 'enum', name, ...definition });

/** The TypeScript type of one field's loaded value. */
type ValueOf<F> =
	F extends EnumField<string, boolean, infer C>
		? C
		: F extends IntegerField | TimeField
			? number
			: F extends BooleanField
				? boolean
				: string;

/** The row type of a table, derived from its field list: optional fields may be null. */
export type RowOf<Fields extends readonly Field[]> = {
	-readonly [F in Fields[number] as F['name']]: F['required'] extends true ? ValueOf<F> : ValueOf<F> | null;
};

/** A time field's values run from 0 (00:00) to 1439 (23:59). */
export const minutesPerDay = 1440;

/** ISO calendar date (yyyy-mm-dd), the only date form the loaded tables hold. */
export const isoDate = z.iso.date();

/** The zod schema of one field's loaded value, derived from its definition. */
export function fieldSchema(field: Field): z.ZodType {
	const base = (() => {
		switch (field.kind) {
			case 'text':
				return z.string().min(1).max(field.maxLength);
			case 'integer':
				return z.number().int().min(field.min).max(field.max);
			case 'date': {
				const from = field.plausibleFrom;
				return from === undefined
					? isoDate
					: isoDate.refine((date) => date >= from, `${field.label} is before ${from}`);
			}
			case 'time':
				return z
					.number()
					.int()
					.min(0)
					.max(minutesPerDay - 1);
			case 'boolean':
				return z.boolean();
			case 'enum':
				return field.values.schema;
		}
	})();
	return field.required ? base : base.nullable();
}

/** A table of the contract: its fields in column order and the zod schema of one loaded row. */
export interface TableContract<Fields extends readonly Field[] = readonly Field[]> {
	readonly name: string;
	readonly label: string;
	readonly description: string;
	readonly fields: Fields;
	/** Fields accepted on input but never stored (a date of birth becomes an age and is discarded). */
	readonly inputOnly: readonly Field[];
	readonly schema: z.ZodType<RowOf<Fields>>;
	/** The field with this name; throws for a name the contract does not define. */
	field(name: string): Field;
}

export function tableContract<const Fields extends readonly Field[]>(definition: {
	name: string;
	label: string;
	description: string;
	fields: Fields;
	inputOnly?: readonly Field[];
}): TableContract<Fields> {
	const byName = new Map<string, Field>(definition.fields.map((field) => [field.name, field]));
	const shape = Object.fromEntries(definition.fields.map((field) => [field.name, fieldSchema(field)]));
	return {
		...definition,
		inputOnly: definition.inputOnly ?? [],
		schema: z.strictObject(shape) as unknown as z.ZodType<RowOf<Fields>>,
		field(name) {
			const field = byName.get(name);
			if (!field) throw new Error(`No field "${name}" in table ${definition.name}`);
			return field;
		}
	};
}

/**
 * The input-only date of birth: accepted so that age can be computed at `event` (the referral, the start of
 * an episode), then discarded and never stored.
 */
export const dateOfBirthField = (event: string) =>
	dateField('date_of_birth', {
		label: 'Date of birth',
		description: `Used only to compute age at ${event}, then discarded; never stored.`,
		required: false,
		aliases: ['DOB', 'Date of Birth', 'PersonBirthDate', 'Birth Date']
	});
