import { notRecordedArea, tables, type Field } from '../contract';
import { fieldParser } from './field-parser';
import { keyField } from './key-field';
import type { ColumnMatch, HeaderMatch } from './match-headers';
import type { RawCell } from './raw-table';
import { UnreadableFileError } from './unreadable-file-error';

const cellOf = (column: ColumnMatch) => (cells: readonly RawCell[]) =>
	column.derive ? column.derive(cells) : (cells[column.index] ?? null);

/**
 * Completes a heading match with what the file does not hold as a column, so a mapping can always finish:
 * - a **constant** per field for the whole file (`District = "Fenland"`), which replaces any column;
 * - a **derived identifier** when the table's key has no column: child ID + main date (an SSDA903 Missing
 *   table has no episode ID; a CIN return or an Annex A list has no referral ID). Rows whose child or date
 *   is unreadable get no identifier and are rejected for that, with the child or date problem beside it;
 * - for a statutory return that names no area it can be matched to, District **not recorded**: the rows
 *   load as "area not recorded" (in every total, under no district), and a note says how to set it once,
 *   rather than a mapping step that has no column to offer.
 * Required fields still without a source stay in `missingRequired`.
 */
export function completeMatch(
	match: HeaderMatch,
	constants: Readonly<Record<string, string>>,
	areaNotRecorded: boolean
): HeaderMatch {
	const table = tables[match.table];
	const fields: readonly Field[] = [...table.fields, ...table.inputOnly];
	const byField = new Map(match.columns.map((column) => [column.field, column]));
	const notes = [...match.notes];

	for (const [name, value] of Object.entries(constants)) {
		if (!fields.some((field) => field.name === name)) {
			throw new UnreadableFileError(
				`${table.label} has no field "${name}" to set; its fields are ${table.fields.map((field) => field.name).join(', ')}.`
			);
		}
		if (byField.has(name) && byField.get(name)!.index !== -1) {
			notes.push(
				`${table.field(name).label} is set to "${value}" for the whole file, instead of column "${byField.get(name)!.header}".`
			);
		}
		byField.set(name, {
			field: name,
			index: -1,
			header: `${value} (set for the whole file)`,
			how: 'constant',
			derive: () => value
		});
	}

	const key = keyField(table);
	const mainDate = table.fields.find((field) => field.kind === 'date' && field.required);
	const child = byField.get('child_id');
	const date = mainDate ? byField.get(mainDate.name) : undefined;
	if (!byField.has(key.name) && child && date && mainDate) {
		const childCell = cellOf(child);
		const dateCell = cellOf(date);
		const parseChild = fieldParser(table.field('child_id'));
		const parseDate = fieldParser(mainDate);
		byField.set(key.name, {
			field: key.name,
			index: -1,
			header: `${table.field('child_id').label.replace(/ \(.*\)$/, '')} + ${mainDate.label.toLowerCase()} (derived)`,
			how: 'derived',
			missingReason: `${key.label} is derived from the child ID and the ${mainDate.label.toLowerCase()}, and one of them is missing or unreadable`,
			derive: (cells) => {
				const id = parseChild(childCell(cells));
				const day = parseDate(dateCell(cells));
				return typeof id === 'string' && typeof day === 'string' ? `${id}-${day}` : null;
			}
		});
	}

	const district = fields.find((field) => field.name === 'district');
	if (areaNotRecorded && district?.required && !byField.has('district')) {
		byField.set('district', {
			field: 'district',
			index: -1,
			header: `${notRecordedArea.label} (the file does not say which area it covers)`,
			how: 'derived',
			derive: () => notRecordedArea.code
		});
		notes.push(
			`The file does not record which area (district) it covers: its rows load as "${notRecordedArea.label.toLowerCase()}", counted in every total and under no district. Set District once for the whole file to name it (a constant in the mapping step or profile; on the command line --set district=NAME).`
		);
	}

	const columns = fields.flatMap((field) => {
		const column = byField.get(field.name);
		return column ? [column] : [];
	});
	const present = new Set(columns.map((column) => column.field));
	return {
		...match,
		columns,
		missingRequired: match.missingRequired.filter((name) => !present.has(name)),
		ambiguous: match.ambiguous.filter((entry) => !present.has(entry.field)),
		notes
	};
}
