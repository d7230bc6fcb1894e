import { notRecordedArea, yesNo, type EnumField, type Field } from '../contract';
import { CellProblem, quoted } from './cell-problem';
import { isExcelError, isMissingToken } from './missing-value';
import { normaliseKey } from './normalise-key';
import { parseDate } from './parse-date';
import { parseInteger } from './parse-integer';
import { parseTime } from './parse-time';
import type { RawCell } from './raw-table';
import { valueResolver } from './value-resolver';

/** A loaded value: text and codes as strings, dates as ISO yyyy-mm-dd strings, integers, booleans. */
export type FieldValue = string | number | boolean;

/** What a cell became: a value, null (no value: blank, #N/A, NULL, -), or the reason it is not a value. */
export type ParsedCell = FieldValue | null | CellProblem;

/** Distinct cell texts remembered per field: codes and dates repeat, so most of a big file is a lookup. */
const cacheLimit = 20_000;

const yesNoResolver = valueResolver<boolean>([
	...yesNo.yes.map((spelling) => [spelling, true] as const),
	...yesNo.no.map((spelling) => [spelling, false] as const)
]);

function enumResolver(field: EnumField): (text: string) => string | undefined {
	return valueResolver<string>(
		field.values.values.flatMap((value) =>
			[value.code, value.label, ...(value.aliases ?? [])].map((spelling) => [spelling, value.code] as const)
		)
	);
}

function expected(field: EnumField): string {
	// "Area not recorded" is what a file without a district column loads as, not a value to type in a cell.
	const labels = field.values.values
		.filter((value) => field.name !== 'district' || value.code !== notRecordedArea.code)
		.map((value) => value.label);
	return labels.length <= 12 ? `expected ${labels.join(', ')}` : `expected one of ${labels.length} codes`;
}

const asText = (cell: string | number | boolean | Date): string =>
	cell instanceof Date
		? cell.toISOString().slice(0, 10)
		: typeof cell === 'boolean'
			? cell
				? 'TRUE'
				: 'FALSE'
			: String(cell);

/**
 * The parser of one contract field, derived from its kind: text (trimmed, length-limited), integer (range),
 * date (see `parseDate`), boolean (the contract's `yesNo` spellings) or enum (code, label and aliases).
 * `values` is a mapping profile's value map for this field ({ "PBoro": "peterborough" }), consulted first.
 * Coded fields look the cell up in their vocabulary before treating it as missing, so "NA" stays the
 * indicator level "not assessed" while a blank or "#N/A" is no value.
 */
export function fieldParser(
	field: Field,
	values?: Readonly<Record<string, string>>
): (cell: RawCell) => ParsedCell {
	const profileValues = new Map(
		Object.entries(values ?? {}).map(([source, code]) => [normaliseKey(source), code])
	);
	const fromProfile = (text: string): string | undefined =>
		profileValues.size === 0 ? undefined : profileValues.get(normaliseKey(text));

	const parseKnown = ((): ((cell: string | number | boolean | Date, text: string) => ParsedCell) => {
		switch (field.kind) {
			case 'text':
				return (_cell, text) =>
					text.length > field.maxLength
						? new CellProblem(
								`the value is ${text.length.toLocaleString('en-GB')} characters long; ${field.label} allows at most ${field.maxLength}`
							)
						: text;
			case 'integer':
				return (cell) => parseInteger(cell, field);
			case 'date':
				return (cell) => parseDate(cell);
			case 'time':
				return (cell) => parseTime(cell);
			case 'boolean':
				return (cell, text) => {
					if (typeof cell === 'boolean') return cell;
					const mapped = fromProfile(text);
					if (mapped !== undefined) return mapped === 'true';
					const value = yesNoResolver(text);
					if (value !== undefined) return value;
					return isMissingToken(text)
						? null
						: new CellProblem(
								`${quoted(text)} is not a yes/no value (expected Y/N, Yes/No, True/False or 1/0)`
							);
				};
			case 'enum': {
				const resolve = enumResolver(field);
				return (_cell, text) => {
					const value = fromProfile(text) ?? resolve(text);
					if (value !== undefined) return value;
					return isMissingToken(text)
						? null
						: new CellProblem(`${quoted(text)} is not a recognised ${field.label} (${expected(field)})`);
				};
			}
		}
	})();
	const coded = field.kind === 'enum' || field.kind === 'boolean';
	const cache = field.kind === 'text' ? null : new Map<string, ParsedCell>();

	return (cell) => {
		if (cell === null) return null;
		if (typeof cell === 'string') {
			const cached = cache?.get(cell);
			if (cached !== undefined) return cached;
			const text = cell.trim();
			let parsed: ParsedCell;
			if (text.charCodeAt(0) === 0x23) {
				// Excel's #N/A is a failed lookup, never the code "N/A" (not assessed): no value, even in coded fields.
				parsed =
					text.toLowerCase() === '#n/a'
						? null
						: isExcelError(text)
							? new CellProblem(`${quoted(text)} is an Excel error, not a value`)
							: parseKnown(text, text);
			} else {
				parsed = !coded && isMissingToken(text) ? null : parseKnown(text, text);
			}
			if (cache && cache.size < cacheLimit) cache.set(cell, parsed);
			return parsed;
		}
		return parseKnown(cell, asText(cell));
	};
}
