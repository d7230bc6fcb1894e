import { tables, type Field, type TableName } from '$lib/contract';
import { columnLetter, type FileSummary, type HeaderMatch, type MappingProfile } from '$lib/ingest';
import { ageRule } from '$lib/ingest/age-rule';

/** The choice "one value for the whole file" in a column list (no heading can be this). */
export const wholeFile = '(one value for the whole file)';

/** A column by heading, or by letter when its heading repeats (a profile accepts "column G"). */
export function columnOptions(headers: readonly string[]): { value: string; label: string }[] {
	return headers.map((header, index) => {
		const letter = columnLetter(index);
		const repeated = headers.indexOf(header) !== headers.lastIndexOf(header);
		return { value: repeated ? `column ${letter}` : header, label: `${header} (column ${letter})` };
	});
}

/**
 * The contract fields no column was matched to yet: what the mapping step asks about. An age computed from a
 * matched date of birth is not asked for (a required choice left blank would block the form).
 */
export function unmappedFields(match: HeaderMatch): Field[] {
	const contract = tables[match.table];
	const matched = (name: string) => match.columns.some((column) => column.field === name);
	const rule = ageRule(contract);
	const ageFromBirth = rule !== null && matched(rule.dateOfBirth.name) ? rule.age.name : undefined;
	return [...contract.fields, ...contract.inputOnly].filter(
		(field) => !matched(field.name) && field.name !== ageFromBirth
	);
}

/**
 * The mapping step's answer: a column (by heading) per field, and a value typed for the whole file where
 * the user chose that instead of a column. A blank choice or blank value asks nothing.
 */
export function mappingAnswer(
	choices: Readonly<Record<string, string>>,
	constants: Readonly<Record<string, string>>
): { columns: Record<string, string>; values: Record<string, string> } {
	return {
		columns: Object.fromEntries(
			Object.entries(choices).filter(([, value]) => value !== '' && value !== wholeFile)
		),
		values: Object.fromEntries(
			Object.entries(choices)
				.filter(([field, value]) => value === wholeFile && (constants[field] ?? '').trim() !== '')
				.map(([field]) => [field, constants[field]!.trim()])
		)
	};
}

/** A loaded file's mapping as a profile to reuse next month: its columns and whole-file values. */
export function savedProfile(summary: FileSummary, table: TableName): MappingProfile {
	const { mapping, constants, derived } = summary;
	return {
		name: summary.name,
		table,
		columns: Object.fromEntries(
			Object.entries(mapping).filter(([field]) => !(field in constants) && !derived.includes(field))
		),
		// Headings below title rows: next month's file has them on the same row.
		...(summary.headerRow !== null && summary.headerRow > 1 ? { headerRow: summary.headerRow } : {}),
		...(Object.keys(constants).length > 0 ? { constants: { ...constants } } : {})
	};
}

/** A whole percentage for a progress bar; 0 of nothing is 0. */
export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);
