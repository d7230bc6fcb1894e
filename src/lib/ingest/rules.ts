import type {
	BooleanField,
	DateField,
	EnumField,
	Field,
	IntegerField,
	TableContract,
	TableName,
	TextField
} from '../contract';
import { ageRule, type AgeRule } from './age-rule';
import { dateOrderRules } from './date-order-rules';
import { keyField } from './key-field';

/**
 * One validation rule of a table, as data. Every rule is derived from the contract (a field's kind,
 * `required`, allowed values, `maxLength`, `min`/`max`, `warnAbove`, `plausibleFrom`) or from a declared
 * domain rule (date order, the age rule, the key); none is written by hand in the validator. `reason` says
 * what the rule checks, in plain English, for the README and for tests; the messages a user sees are built
 * where the rule is applied (`check-columns.ts`), one builder per `check`.
 *
 * Cell rules (`invisible` to `window`) look at one field's column only and are applied column by column;
 * row rules (`age` to `order`) look at several fields of a row; `unique` depends on which earlier rows were
 * loaded, so it is applied last, in row order.
 */
export type Rule =
	/** Zero-width characters and byte-order marks are removed, non-breaking spaces become spaces. */
	| { readonly check: 'invisible'; readonly field: TextField; readonly reason: string }
	/** The cell must read as the field's kind (text within `maxLength`, integer, date, yes/no, code). */
	| { readonly check: 'parse'; readonly field: Field; readonly reason: string }
	/** Integers within the contract's `min`–`max`. */
	| {
			readonly check: 'range';
			readonly field: IntegerField;
			readonly min: number;
			readonly max: number;
			readonly reason: string;
	  }
	/** Coded fields: a code, label or alias of the contract's vocabulary. */
	| {
			readonly check: 'allowed';
			readonly field: EnumField | BooleanField;
			readonly codes: readonly string[];
			readonly reason: string;
	  }
	| { readonly check: 'required'; readonly field: Field; readonly reason: string }
	/** Dates on or after the contract's `plausibleFrom`. */
	| { readonly check: 'window'; readonly field: DateField; readonly from: string; readonly reason: string }
	| { readonly check: 'age'; readonly rule: AgeRule; readonly reason: string }
	| {
			readonly check: 'warnAbove';
			readonly field: IntegerField;
			readonly above: number;
			readonly reason: string;
	  }
	| { readonly check: 'future'; readonly field: DateField; readonly reason: string }
	| {
			readonly check: 'order';
			readonly earlier: DateField;
			readonly later: DateField;
			readonly message: string;
			readonly reason: string;
	  }
	| { readonly check: 'unique'; readonly field: TextField; readonly reason: string };

export type Check = Rule['check'];

function cellRules(field: Field): Rule[] {
	const rules: Rule[] = [];
	if (field.kind === 'text') {
		rules.push({
			check: 'invisible',
			field,
			reason: `${field.label}: zero-width characters and byte-order marks are removed, non-breaking spaces become spaces`
		});
	}
	const kindReason: Record<Field['kind'], string> = {
		text: `at most ${'maxLength' in field ? field.maxLength : 0} characters`,
		integer: 'a whole number',
		date: 'a day-first or ISO date, or an Excel serial date',
		time: 'a time of day (hh:mm, 24-hour or am/pm, or an Excel time)',
		boolean: 'a yes/no value',
		enum: 'a recognised code'
	};
	rules.push({ check: 'parse', field, reason: `${field.label} must be ${kindReason[field.kind]}` });
	if (field.kind === 'integer') {
		rules.push({
			check: 'range',
			field,
			min: field.min,
			max: field.max,
			reason: `${field.label} from ${field.min} to ${field.max}`
		});
	}
	if (field.kind === 'enum') {
		rules.push({
			check: 'allowed',
			field,
			codes: field.values.codes,
			reason: `${field.label} is one of ${field.values.codes.join(', ')}${field.fallback ? ` (else ${field.fallback}, with a warning)` : ''}`
		});
	}
	if (field.kind === 'boolean') {
		rules.push({ check: 'allowed', field, codes: ['true', 'false'], reason: `${field.label} is yes or no` });
	}
	if (field.required) {
		rules.push({
			check: 'required',
			field,
			reason: `${field.label} is required: a row without it is rejected`
		});
	}
	if (field.kind === 'date' && field.plausibleFrom !== undefined) {
		rules.push({
			check: 'window',
			field,
			from: field.plausibleFrom,
			reason: `${field.label} not before ${field.plausibleFrom}`
		});
	}
	return rules;
}

/**
 * Every rule of a table, derived from the contract alone: cell rules by field in contract order, then the
 * row rules, which is the order of a row's issues in the report. A new field gets its parse and required
 * rules, and a change to a field's vocabulary or window changes its rules, with no edit here or in the
 * validator.
 */
export function rulesFor(table: TableContract): Rule[] {
	const age = ageRule(table);
	const rules: Rule[] = table.fields.filter((field) => field !== age?.age).flatMap(cellRules);
	if (age) {
		rules.push({
			check: 'age',
			rule: age,
			reason: `${age.age.label} from the date of birth on the ${age.on.label.toLowerCase()}, else from the age column`
		});
	}
	for (const field of table.fields) {
		if (field.kind === 'integer' && field.warnAbove !== undefined) {
			rules.push({
				check: 'warnAbove',
				field,
				above: field.warnAbove,
				reason: `${field.label} over ${field.warnAbove} is kept with a warning`
			});
		}
	}
	for (const field of table.fields) {
		if (field.kind === 'date') {
			rules.push({ check: 'future', field, reason: `${field.label} after today is kept with a warning` });
		}
	}
	for (const order of dateOrderRules[table.name as TableName] ?? []) {
		const earlier = table.field(order.earlier) as DateField;
		const later = table.field(order.later) as DateField;
		rules.push({
			check: 'order',
			earlier,
			later,
			message: order.message,
			reason: `${later.label} on or after ${earlier.label.toLowerCase()}, else a warning`
		});
	}
	const key = keyField(table);
	rules.push({
		check: 'unique',
		field: key,
		reason: `${key.label} is unique within the load and against data already loaded`
	});
	return rules;
}
