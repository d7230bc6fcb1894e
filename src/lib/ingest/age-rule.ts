import type { DateField, Field, IntegerField, TableContract } from '../contract';

/**
 * How a table's age is computed from a date of birth, derived from the contract: the input-only date of
 * birth, the integer field named `age_…`, and the first required date (the referral date, the episode
 * start), on which the age is taken. Null when the table takes no date of birth.
 */
export interface AgeRule {
	readonly dateOfBirth: DateField;
	readonly age: IntegerField;
	readonly on: DateField;
}

const isDate = (field: Field): field is DateField => field.kind === 'date';

export function ageRule(table: TableContract): AgeRule | null {
	const dateOfBirth = table.inputOnly.find(isDate);
	const age = table.fields.find(
		(field): field is IntegerField => field.kind === 'integer' && field.name.startsWith('age_')
	);
	const on = table.fields.find((field): field is DateField => isDate(field) && field.required);
	return dateOfBirth && age && on ? { dateOfBirth, age, on } : null;
}
