import { tables, type Field, type IntegerField } from '../contract';
import { ageRule } from './age-rule';
import { CellProblem } from './cell-problem';
import { dateOrderRules } from './date-order-rules';
import { fieldParser, type FieldValue, type ParsedCell } from './field-parser';
import { cellText, type Issue } from './issue';
import { keyField } from './key-field';
import type { MappingProfile } from './mapping-profile';
import type { ColumnMatch, HeaderMatch } from './match-headers';
import { isBlankRow, type RawCell, type RawRow, type RawTable } from './raw-table';
import { ageResolver } from './resolve-age';
import { ColumnBuilder } from './column-builder';
import type { LoadedColumn } from './loaded-column';

/** Loaded values by contract field name, in contract order. */
export type Columns = Readonly<Record<string, LoadedColumn>>;

/** Identifiers already loaded (from earlier files): a map gives where each came from, for the message. */
export type KnownIds = ReadonlyMap<string, string> | ReadonlySet<string>;

export interface IngestProgress {
	readonly rowsRead: number;
	readonly bytesRead: number;
	readonly totalBytes: number;
}

export interface DateRange {
	/** The table's main date: its first required date field (referral date, episode start). */
	readonly field: string;
	readonly min: string;
	readonly max: string;
}

export interface ValidateOptions {
	readonly fileName: string;
	/** Today as yyyy-mm-dd, injected so "in the future" is deterministic in tests. */
	readonly today: string;
	readonly knownIds?: KnownIds;
	/** A mapping profile's value maps, by field. */
	readonly values?: MappingProfile['values'];
	readonly onProgress?: (progress: IngestProgress) => void;
	readonly signal?: AbortSignal;
	/**
	 * How many loaded rows are re-checked against the contract's zod schema: 'sample' (the first 1,000 and
	 * every 1,000th) keeps a 1M-row load fast; 'all' is for tests. A failure is a bug in ingest, so it throws.
	 */
	readonly contractCheck?: 'all' | 'sample';
}

export interface ValidatedRows {
	readonly columns: Columns;
	/** Rows read (blank rows excluded): read = loaded + rejectedRows. */
	readonly read: number;
	readonly loaded: number;
	readonly rejectedRows: number;
	/** Completely empty rows, skipped and not counted as read. */
	readonly blankRows: number;
	/** Why rows were rejected: at least one issue per rejected row, in row order. */
	readonly rejected: Issue[];
	/** Suspicious values in loaded rows, kept as they are or as the field's fallback. */
	readonly warnings: Issue[];
	readonly dateRange: DateRange | null;
	readonly notes: string[];
}

const wholeRow = '(whole row)';
const delimiterNames: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
const lowerFirst = (label: string) => label.replace(/^[A-Z](?=[a-z])/, (letter) => letter.toLowerCase());

interface Plan {
	readonly field: Field;
	readonly index: number;
	readonly column: ColumnMatch;
	readonly parse: (cell: RawCell) => ParsedCell;
}

/** Time between yields to the event loop, so a worker can post progress and receive a cancel. */
const yieldEveryMs = 50;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Turns raw rows into contract columns. Each row is loaded or rejected, never dropped: a required field
 * missing or unreadable rejects the row with one issue per problem (row, column, value, plain-English
 * reason); an optional field that cannot be read becomes its fallback code (or blank) with a warning. Also
 * warned: values above a field's `warnAbove` (ages 18–24), dates after `today`, dates out of order. A date
 * of birth becomes the age on the table's main date and is then dropped. Duplicate identifiers are
 * rejected after the first. Ends by asserting read = loaded + rejected.
 */
export async function validateRows(
	raw: RawTable,
	match: HeaderMatch,
	options: ValidateOptions
): Promise<ValidatedRows> {
	const table = tables[match.table];
	const fields: readonly Field[] = table.fields;
	const { fileName, today } = options;
	const matched = new Map(match.columns.map((column) => [column.field, column]));
	const rule = ageRule(table);
	const key = keyField(table);
	const keyIndex = fields.indexOf(key);
	const parserFor = (field: Field) => fieldParser(field, options.values?.[field.name]);

	const plans: Plan[] = fields.flatMap((field, index) => {
		const column = matched.get(field.name);
		if (!column || field.name === rule?.age.name) return [];
		return [{ field, index, column, parse: parserFor(field) }];
	});
	const age = rule
		? {
				field: rule.age,
				index: fields.indexOf(rule.age),
				onIndex: fields.indexOf(rule.on),
				resolve: ageResolver(
					rule,
					{ age: matched.get(rule.age.name) ?? null, birth: matched.get(rule.dateOfBirth.name) ?? null },
					parserFor
				)
			}
		: null;
	const integerWarnings = fields.flatMap((field, index) =>
		field.kind === 'integer' && field.warnAbove !== undefined ? [{ field: field as IntegerField, index }] : []
	);
	const dateIndexes = fields.flatMap((field, index) => (field.kind === 'date' ? [index] : []));
	const orderRules = dateOrderRules[match.table].map((rule) => ({
		...rule,
		earlier: fields.findIndex((field) => field.name === rule.earlier),
		later: fields.findIndex((field) => field.name === rule.later)
	}));
	const mainDate = fields.findIndex((field) => field.kind === 'date' && field.required);
	const duplicateOf = `duplicate ${lowerFirst(key.label)}`;
	const headerOf = (index: number) => matched.get(fields[index]!.name)?.header ?? fields[index]!.label;

	const columns = fields.map((field) => new ColumnBuilder(field));
	const rejected: Issue[] = [];
	const warnings: Issue[] = [];
	// Identifier → data row where it was loaded; lines by row in a plain array (numbers, not objects).
	const seen = new Map<string, number>();
	const lineOfRow: number[] = [];
	let read = 0;
	let loaded = 0;
	let rejectedRows = 0;
	let blankRows = 0;
	let rowsSeen = 0;
	let minDate: string | null = null;
	let maxDate: string | null = null;
	let monthFirst: { count: number; example: string } | null = null;
	const sampleAll = options.contractCheck === 'all';
	// Reused for every row: a million rows should not mean millions of short-lived arrays.
	const problems: Issue[] = [];
	const rowWarnings: Issue[] = [];
	const values: (FieldValue | null)[] = new Array<FieldValue | null>(fields.length).fill(null);
	let current: RawRow | null = null;
	const issue = (column: string, field: string | null, value: string, reason: string): Issue => ({
		file: fileName,
		row: current!.row,
		line: current!.line,
		column,
		field,
		value,
		reason
	});
	let lastYield = performance.now();

	for await (const batch of raw.batches) {
		options.signal?.throwIfAborted();
		for (const row of batch.rows) {
			rowsSeen++;
			const { cells } = row;
			if (row.problem === null && isBlankRow(cells)) {
				blankRows++;
				continue;
			}
			read++;
			problems.length = 0;
			rowWarnings.length = 0;
			current = row;
			if (row.problem !== null) {
				// The reader could not split this row into cells: one issue, no field checks on garbage.
				rejectedRows++;
				rejected.push(issue(wholeRow, null, cells.length === 1 ? cellText(cells[0]) : '', row.problem));
				continue;
			}
			if (cells.length > raw.headers.length && !isBlankRow(cells.slice(raw.headers.length))) {
				const splitter = raw.delimiter ? `an unquoted ${delimiterNames[raw.delimiter]}` : 'an extra cell';
				problems.push(
					issue(
						wholeRow,
						null,
						'',
						`the row has ${cells.length} cells but the heading row has ${raw.headers.length}: a value probably contains ${splitter}`
					)
				);
			} else if (raw.format === 'csv' && cells.length < raw.headers.length) {
				rowWarnings.push(
					issue(
						wholeRow,
						null,
						'',
						`the row has ${cells.length} cells but the heading row has ${raw.headers.length}; the missing cells were read as blank`
					)
				);
			}

			values.fill(null);
			for (const plan of plans) {
				const cell = plan.column.derive ? plan.column.derive(cells) : (cells[plan.column.index] ?? null);
				const parsed = plan.parse(cell);
				if (parsed instanceof CellProblem) {
					if (parsed.monthFirst) {
						monthFirst ??= { count: 0, example: `data row ${row.row}: "${cellText(cell)}"` };
						monthFirst.count++;
					}
					if (plan.field.required) {
						problems.push(issue(plan.column.header, plan.field.name, cellText(cell), parsed.reason));
					} else {
						const fallback = plan.field.kind === 'enum' ? (plan.field.fallback ?? null) : null;
						values[plan.index] = fallback;
						const kept =
							fallback !== null && plan.field.kind === 'enum'
								? `kept as ${plan.field.values.label(fallback)}`
								: 'left blank';
						rowWarnings.push(
							issue(plan.column.header, plan.field.name, cellText(cell), `${parsed.reason}; ${kept}`)
						);
					}
				} else if (parsed === null) {
					if (plan.field.required) {
						const shown = cellText(cell);
						problems.push(
							issue(
								plan.column.header,
								plan.field.name,
								shown,
								plan.column.missingReason ??
									`${plan.field.label} is required but the cell is ${shown.trim() === '' ? 'empty' : `"${shown}" (no value)`}`
							)
						);
					}
				} else {
					values[plan.index] = parsed;
				}
			}

			if (age) {
				const outcome = age.resolve(cells, values[age.onIndex] ?? null);
				const { problem, warning } = outcome;
				if (warning) rowWarnings.push(issue(warning.column, age.field.name, warning.value, warning.reason));
				if (problem && age.field.required) {
					problems.push(issue(problem.column, age.field.name, problem.value, problem.reason));
				} else if (problem) {
					rowWarnings.push(
						issue(problem.column, age.field.name, problem.value, `${problem.reason}; left blank`)
					);
				}
				values[age.index] = outcome.value;
			}

			for (const { field, index } of integerWarnings) {
				const value = values[index];
				if (typeof value === 'number' && value > field.warnAbove!) {
					rowWarnings.push(
						issue(
							headerOf(index),
							field.name,
							String(value),
							`${field.label} is ${value}, over ${field.warnAbove}: check it`
						)
					);
				}
			}
			for (const index of dateIndexes) {
				const value = values[index];
				if (typeof value === 'string' && value > today) {
					rowWarnings.push(
						issue(
							headerOf(index),
							fields[index]!.name,
							value,
							`${fields[index]!.label} ${value} is in the future (today is ${today})`
						)
					);
				}
			}
			for (const rule of orderRules) {
				const earlier = values[rule.earlier];
				const later = values[rule.later];
				if (typeof earlier === 'string' && typeof later === 'string' && later < earlier) {
					rowWarnings.push(
						issue(
							headerOf(rule.later),
							fields[rule.later]!.name,
							later,
							`${rule.message} (${later} is before ${earlier})`
						)
					);
				}
			}

			const id = values[keyIndex];
			if (typeof id === 'string') {
				const known = options.knownIds?.has(id) ? options.knownIds : null;
				const first = seen.get(id);
				if (known) {
					const origin = known instanceof Map ? known.get(id) : undefined;
					problems.push(
						issue(
							headerOf(keyIndex),
							key.name,
							id,
							`${duplicateOf} (already loaded${origin ? ` from ${origin}` : ''})`
						)
					);
				} else if (first !== undefined) {
					const line = lineOfRow[first];
					const where = `data row ${first}${line !== undefined ? `, line ${line}` : ''}`;
					problems.push(issue(headerOf(keyIndex), key.name, id, `${duplicateOf} (first seen on ${where})`));
				}
			}

			if (problems.length > 0) {
				rejectedRows++;
				for (const problem of problems) rejected.push(problem);
				continue;
			}
			loaded++;
			for (let index = 0; index < fields.length; index++) columns[index]!.push(values[index]!);
			for (const warning of rowWarnings) warnings.push(warning);
			if (typeof id === 'string') {
				seen.set(id, row.row);
				if (row.line !== null) lineOfRow[row.row] = row.line;
			}
			const main = values[mainDate];
			if (typeof main === 'string') {
				if (minDate === null || main < minDate) minDate = main;
				if (maxDate === null || main > maxDate) maxDate = main;
			}
			if (sampleAll || loaded <= 1000 || loaded % 1000 === 0) {
				const object = Object.fromEntries(fields.map((field, index) => [field.name, values[index]]));
				const checked = table.schema.safeParse(object);
				if (!checked.success) {
					throw new Error(
						`Internal error: data row ${row.row} of ${fileName} passed ingest but not the contract: ${checked.error.message}`
					);
				}
			}
		}
		options.onProgress?.({ rowsRead: rowsSeen, bytesRead: batch.bytesRead, totalBytes: raw.totalBytes });
		if (performance.now() - lastYield > yieldEveryMs) {
			await nextTask();
			lastYield = performance.now();
			options.signal?.throwIfAborted();
		}
	}

	if (read !== loaded + rejectedRows) {
		throw new Error(`Internal error: read ${read} rows but loaded ${loaded} and rejected ${rejectedRows}`);
	}
	const notes: string[] = [];
	if (monthFirst) {
		notes.push(
			`${monthFirst.count} date${monthFirst.count === 1 ? '' : 's'} (first on ${monthFirst.example}) can only be month-first, so this file may use US dates. Dates are always read day-first (dd/mm/yyyy): where both parts are 12 or less, such as 03/04/2024, check the extract.`
		);
	}
	return {
		columns: Object.fromEntries(fields.map((field, index) => [field.name, columns[index]!.build()])),
		read,
		loaded,
		rejectedRows,
		blankRows,
		rejected,
		warnings,
		dateRange:
			minDate !== null && maxDate !== null
				? { field: fields[mainDate]!.name, min: minDate, max: maxDate }
				: null,
		notes
	};
}
