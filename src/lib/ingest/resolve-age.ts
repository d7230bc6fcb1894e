import type { Field } from '../contract';
import { ageInYears } from './age-in-years';
import type { AgeRule } from './age-rule';
import { CellProblem } from './cell-problem';
import type { FieldValue, ParsedCell } from './field-parser';
import { cellText, withheld } from './issue';
import type { ColumnMatch } from './match-headers';
import type { RawCell } from './raw-table';

/** Something to report about a row's age: where, the value to show (never a date of birth), and why. */
export interface AgeFinding {
	readonly column: string;
	readonly value: string;
	readonly reason: string;
}

/** A row's age, or why there is none (`problem`), or a remark on how it was found (`warning`). */
export interface AgeOutcome {
	readonly value: number | null;
	readonly problem: AgeFinding | null;
	readonly warning: AgeFinding | null;
}

const lowerFirst = (label: string) => label.replace(/^[A-Z](?=[a-z])/, (letter) => letter.toLowerCase());

/**
 * Works out a row's age under the table's age rule: from the date of birth on the main date (referral date,
 * episode start) when both can be read, since an extract's Age column may have been computed on the extract
 * date; otherwise from the age column, with a warning when a date of birth was given but unreadable. The
 * date of birth itself is never returned or quoted.
 */
export function ageResolver(
	rule: AgeRule,
	columns: { readonly age: ColumnMatch | null; readonly birth: ColumnMatch | null },
	parserFor: (field: Field) => (cell: RawCell) => ParsedCell
): (cells: readonly RawCell[], on: FieldValue | null) => AgeOutcome {
	const parseAge = parserFor(rule.age);
	const parseBirth = parserFor(rule.dateOfBirth);
	const onLabel = lowerFirst(rule.on.label);
	const { age: ageColumn, birth: birthColumn } = columns;
	const { min, max, label } = rule.age;

	return (cells, on) => {
		let value: number | null = null;
		let problem: AgeFinding | null = null;
		let warning: AgeFinding | null = null;
		const birth = birthColumn ? parseBirth(cells[birthColumn.index] ?? null) : null;
		if (birthColumn && typeof birth === 'string' && typeof on === 'string') {
			const years = ageInYears(birth, on);
			if (years < 0) {
				problem = {
					column: birthColumn.header,
					value: withheld,
					reason: `the date of birth is after the ${onLabel}`
				};
			} else if (years < min || years > max) {
				problem = {
					column: birthColumn.header,
					value: withheld,
					reason: `the date of birth gives an age of ${years} on the ${onLabel}, outside ${min}–${max}`
				};
			} else {
				value = years;
			}
		} else if (birthColumn && birth instanceof CellProblem) {
			problem = {
				column: birthColumn.header,
				value: withheld,
				reason: 'the date of birth is not a valid date (use dd/mm/yyyy or yyyy-mm-dd)'
			};
		}
		if (value === null && ageColumn) {
			const cell = cells[ageColumn.index] ?? null;
			const fromColumn = parseAge(cell);
			if (typeof fromColumn === 'number') {
				value = fromColumn;
				if (problem) {
					warning = { ...problem, reason: `${problem.reason}; the age was taken from "${ageColumn.header}"` };
					problem = null;
				}
			} else if (fromColumn instanceof CellProblem && !problem) {
				problem = { column: ageColumn.header, value: cellText(cell), reason: fromColumn.reason };
			}
		}
		if (value === null && !problem && rule.age.required && typeof on === 'string') {
			const shown = ageColumn ? cellText(cells[ageColumn.index] ?? null) : '';
			problem = {
				column: ageColumn?.header ?? birthColumn?.header ?? label,
				value: shown,
				reason: birthColumn
					? `${label} is required but neither an age nor a date of birth is given`
					: `${label} is required but the cell is ${shown.trim() === '' ? 'empty' : `"${shown}" (no value)`}`
			};
		}
		return { value, problem, warning };
	};
}
