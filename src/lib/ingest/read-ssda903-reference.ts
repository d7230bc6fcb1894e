import { missingEpisodes, type Gender } from '../contract';
import { CellProblem } from './cell-problem';
import { fieldParser } from './field-parser';
import { cellText, withheld, type Issue } from './issue';
import { normaliseKey } from './normalise-key';
import { parseDate } from './parse-date';
import type { RawCell, RawRow, RawTable } from './raw-table';
import { isBlankRow } from './raw-table';
import { withoutInvisibles } from './without-invisibles';

/** Where a reference row sits in its file, for warnings that point at it. */
interface Located {
	readonly child: string;
	/** Data row, 1-based, and line (null when the format has none), as in `Issue`. */
	readonly row: number;
	readonly line: number | null;
	/** The row's local authority (an `LA` column), as written, when the file has one. */
	readonly area: string | null;
}

/** One child of an SSDA903 Header table: sex and date of birth (ISO; never shown in a message). */
export interface HeaderChild extends Located {
	readonly sex: Gender | null;
	/** The SEX cell as written, for a warning that quotes it. */
	readonly sexText: string;
	readonly dateOfBirth: string | null;
}

/** One period of care of an SSDA903 Episodes table: DECOM to DEC (null while it goes on), both ISO. */
export interface CarePeriod extends Located {
	readonly start: string;
	readonly end: string | null;
}

/**
 * An SSDA903 Header or Episodes table read as reference data: not episodes themselves, but what they say
 * about the children of the missing episodes. Plain data, so it crosses `postMessage` and is kept for the
 * session until a Missing table comes.
 */
export type Ssda903Reference = {
	readonly fileName: string;
	/** Data rows read (blank rows skipped). */
	readonly read: number;
	/** Cells that could not be read (a date of birth that is not a date), each a warning; the row's other cells are used. */
	readonly issues: readonly Issue[];
} & (
	| { readonly kind: 'header'; readonly children: readonly HeaderChild[] }
	| { readonly kind: 'episodes'; readonly periods: readonly CarePeriod[] }
);

/** The normalised headings of each column, by the DfE SSDA903 guide's names. */
const columnNames = {
	child: ['child', 'childid'],
	sex: ['sex'],
	dob: ['dob'],
	decom: ['decom'],
	dec: ['dec'],
	area: ['la', 'lacode', 'lea', 'localauthority']
} as const;

const parseSex = fieldParser(missingEpisodes.field('sex'));

/**
 * Reads an SSDA903 Header table (CHILD, SEX, DOB, …) or Episodes table (CHILD, DECOM, DEC, …) into reference
 * data. Each row is accounted for: a row with no CHILD, or an Episodes row with no readable DECOM, cannot be
 * used and is a warning; an unreadable DOB or DEC is a warning and the rest of the row is used.
 */
export async function readSsda903Reference(
	raw: RawTable,
	kind: 'header' | 'episodes',
	fileName: string
): Promise<Ssda903Reference> {
	const rows: RawRow[] = [];
	for await (const batch of raw.batches) rows.push(...batch.rows);
	return ssda903Reference(kind, fileName, raw.headers, rows);
}

/** The same from rows already in hand (the XML return builds its header and episode rows itself). */
export function ssda903Reference(
	kind: 'header' | 'episodes',
	fileName: string,
	headers: readonly string[],
	rawRows: readonly RawRow[]
): Ssda903Reference {
	const keys = headers.map(normaliseKey);
	const find = (names: readonly string[]) => keys.findIndex((key) => names.includes(key));
	const column = Object.fromEntries(
		Object.entries(columnNames).map(([name, names]) => [name, find(names)])
	) as Record<keyof typeof columnNames, number>;
	const heading = (index: number) => headers[index] ?? '';
	const children: HeaderChild[] = [];
	const periods: CarePeriod[] = [];
	const issues: Issue[] = [];
	let read = 0;
	const text = (cells: readonly RawCell[], index: number) =>
		index < 0 ? '' : withoutInvisibles(cellText(cells[index] ?? null)).trim();
	for (const { cells, row, line } of rawRows) {
		if (isBlankRow(cells)) continue;
		read++;
		const issue = (index: number, value: string, reason: string) =>
			issues.push({ file: fileName, row, line, column: heading(index), field: null, value, reason });
		const child = text(cells, column.child);
		if (child === '') {
			issue(column.child, '', 'no CHILD: the row cannot be matched to an episode, so it is not used');
			continue;
		}
		const area = column.area >= 0 && text(cells, column.area) !== '' ? text(cells, column.area) : null;
		/** An ISO date, or null with a warning; a date of birth is never echoed back, not even in the reason. */
		const date = (index: number, name: string, birth = false) => {
			const value = text(cells, index);
			if (value === '') return null;
			const parsed = parseDate(value);
			if (parsed instanceof CellProblem) {
				if (birth)
					issue(index, withheld, `${name} is not a valid date (use dd/mm/yyyy or yyyy-mm-dd): not used`);
				else issue(index, value, `${name}: ${parsed.reason}: not used`);
				return null;
			}
			return parsed;
		};
		if (kind === 'header') {
			const sexText = text(cells, column.sex);
			const sex = parseSex(sexText);
			if (sex instanceof CellProblem) issue(column.sex, sexText, `${sex.reason}: not used`);
			children.push({
				child,
				row,
				line,
				area,
				sex: typeof sex === 'string' ? (sex as Gender) : null,
				sexText,
				dateOfBirth: date(column.dob, 'the date of birth', true)
			});
		} else {
			const start = date(column.decom, 'DECOM');
			if (start === null) {
				if (text(cells, column.decom) === '')
					issue(column.decom, '', 'no DECOM: the period of care has no start, so it is not used');
				continue;
			}
			periods.push({ child, row, line, area, start, end: date(column.dec, 'DEC') });
		}
	}
	return kind === 'header'
		? { kind, fileName, read, issues, children }
		: { kind, fileName, read, issues, periods };
}
