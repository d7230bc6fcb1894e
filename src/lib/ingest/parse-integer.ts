import type { IntegerField } from '../contract';
import { CellProblem, quoted } from './cell-problem';

const wholeNumber = /^[+-]?\d+(?:\.0+)?$/;

/**
 * A whole number within the field's range, with `z.number().int().finite()` semantics: "15" and 15.0 are
 * 15; "15.5", "abc" and a date are refused rather than rounded or coerced to null.
 */
export function parseInteger(
	cell: string | number | boolean | Date,
	field: IntegerField
): number | CellProblem {
	let value: number;
	if (typeof cell === 'number') {
		value = cell;
	} else if (typeof cell === 'string' && wholeNumber.test(cell.trim())) {
		value = Number(cell.trim());
	} else {
		const shown =
			cell instanceof Date
				? cell.toISOString().slice(0, 10)
				: typeof cell === 'boolean'
					? String(cell).toUpperCase()
					: String(cell);
		return new CellProblem(`${quoted(shown)} is not a whole number`);
	}
	if (!Number.isFinite(value) || !Number.isInteger(value)) {
		return new CellProblem(`${quoted(String(cell))} is not a whole number`);
	}
	if (value < field.min || value > field.max) {
		return new CellProblem(
			`${value} is outside the allowed range for ${field.label} (${field.min}–${field.max})`
		);
	}
	return value;
}
