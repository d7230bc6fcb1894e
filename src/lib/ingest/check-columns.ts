import type { DateField, Field, IntegerField, TableContract } from '../contract';
import { CellProblem } from './cell-problem';
import { fieldParser, type FieldValue, type ParsedCell } from './field-parser';
import { cellText, type Issue } from './issue';
import type { MappingProfile } from './mapping-profile';
import type { ColumnMatch } from './match-headers';
import { isBlankRow, type RawCell, type RawRow } from './raw-table';
import { ageResolver, type AgeOutcome } from './resolve-age';
import type { Rule } from './rules';
import { withoutInvisibles } from './without-invisibles';

/** An issue found in a batch, with the position of its row in the batch. */
export interface Finding {
	readonly slot: number;
	readonly issue: Issue;
}

/** What the per-batch rules found: values by field (index in contract order) and row, and issues. */
export interface CheckedBatch {
	/** The batch's rows that are read (blank rows left out), in file order. */
	readonly rows: readonly RawRow[];
	/** `values[field][slot]`; null for no value. Rows the reader could not split have no values. */
	readonly values: readonly (FieldValue | null)[][];
	/** Rejecting problems and warnings, each sorted by slot, and within a row in rule order. */
	readonly problems: Finding[];
	readonly warnings: Finding[];
	readonly blankRows: number;
}

const wholeRow = '(whole row)';
const delimiterNames: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** How a date of day-first-impossible form was first seen, for the "may use US dates" note. */
export interface MonthFirst {
	count: number;
	example: string;
	/** Where the example is (row, then field), so the note names the first one in file order. */
	row: number;
	field: number;
}

export interface ColumnCheckOptions {
	readonly fileName: string;
	readonly today: string;
	readonly values?: MappingProfile['values'];
	readonly headers: readonly string[];
	readonly delimiter: string | null;
	readonly format: string;
}

/**
 * Applies a table's cell and row rules (everything but `unique`) to one batch, column by column: each
 * field's cells are normalised, parsed and checked in one pass over the batch, then each row rule runs over
 * the parsed columns. Issues carry their row's slot; a stable sort by slot puts each row's issues in rule
 * order, which is the report's order.
 */
export function columnChecker(
	table: TableContract,
	rules: readonly Rule[],
	matchedColumns: readonly ColumnMatch[],
	options: ColumnCheckOptions
): { check: (batch: readonly RawRow[]) => CheckedBatch; monthFirst: () => MonthFirst | null } {
	const fields: readonly Field[] = table.fields;
	const indexOf = (field: Field) => fields.indexOf(field);
	const matched = new Map(matchedColumns.map((column) => [column.field, column]));
	const headerOf = (index: number) => matched.get(fields[index]!.name)?.header ?? fields[index]!.label;
	const parserFor = (field: Field) => fieldParser(field, options.values?.[field.name]);
	const { fileName, today, headers } = options;
	const has = (check: Rule['check'], field: Field) =>
		rules.some((rule) => rule.check === check && 'field' in rule && rule.field === field);

	/** One field's column pass: the cell rules that apply to it, gathered from the declared rules. */
	interface CellPlan {
		readonly field: Field;
		readonly index: number;
		readonly column: ColumnMatch;
		readonly invisible: boolean;
		readonly parse: (cell: RawCell) => ParsedCell;
		readonly required: boolean;
		readonly from: string | null;
	}
	const plans: CellPlan[] = fields.flatMap((field, index) => {
		const column = matched.get(field.name);
		if (!column || !has('parse', field)) return [];
		const window = rules.find((rule) => rule.check === 'window' && rule.field === field);
		return [
			{
				field,
				index,
				column,
				invisible: has('invisible', field),
				parse: parserFor(field),
				required: has('required', field),
				from: window?.check === 'window' ? window.from : null
			}
		];
	});
	const rowRules = rules.filter((rule) => rowChecks.has(rule.check));
	const ageRules = rowRules.flatMap((rule) =>
		rule.check === 'age'
			? [
					{
						rule: rule.rule,
						index: indexOf(rule.rule.age),
						on: indexOf(rule.rule.on),
						resolve: ageResolver(
							rule.rule,
							{
								age: matched.get(rule.rule.age.name) ?? null,
								birth: matched.get(rule.rule.dateOfBirth.name) ?? null
							},
							parserFor
						)
					}
				]
			: []
	);
	let monthFirst: MonthFirst | null = null;

	function check(batchRows: readonly RawRow[]): CheckedBatch {
		const rows: RawRow[] = [];
		let blankRows = 0;
		for (const row of batchRows) {
			if (row.problem === null && isBlankRow(row.cells)) blankRows++;
			else rows.push(row);
		}
		const count = rows.length;
		const values = fields.map(() => new Array<FieldValue | null>(count).fill(null));
		const problems: Finding[] = [];
		const warnings: Finding[] = [];
		const issue = (slot: number, column: string, field: string | null, value: string, reason: string) => ({
			slot,
			issue: {
				file: fileName,
				row: rows[slot]!.row,
				line: rows[slot]!.line,
				column,
				field,
				value,
				reason
			} satisfies Issue
		});
		// Rows the reader could not split are rejected with its reason alone: no field checks on garbage.
		const readable = new Uint8Array(count);
		for (let slot = 0; slot < count; slot++) {
			const { cells, problem } = rows[slot]!;
			if (problem !== null) {
				problems.push(issue(slot, wholeRow, null, cells.length === 1 ? cellText(cells[0]) : '', problem));
				continue;
			}
			readable[slot] = 1;
			if (cells.length > headers.length && !isBlankRow(cells.slice(headers.length))) {
				const splitter = options.delimiter
					? `an unquoted ${delimiterNames[options.delimiter]}`
					: 'an extra cell';
				problems.push(
					issue(
						slot,
						wholeRow,
						null,
						'',
						`the row has ${cells.length} cells but the heading row has ${headers.length}: a value probably contains ${splitter}`
					)
				);
			} else if (options.format === 'csv' && cells.length < headers.length) {
				warnings.push(
					issue(
						slot,
						wholeRow,
						null,
						'',
						`the row has ${cells.length} cells but the heading row has ${headers.length}; the missing cells were read as blank`
					)
				);
			}
		}

		// Cell rules, one column at a time.
		for (const plan of plans) {
			const { field, column } = plan;
			const out = values[plan.index]!;
			const fallback = field.kind === 'enum' ? (field.fallback ?? null) : null;
			const kept =
				fallback !== null && field.kind === 'enum' ? `kept as ${field.values.label(fallback)}` : 'left blank';
			for (let slot = 0; slot < count; slot++) {
				if (readable[slot] === 0) continue;
				const cells = rows[slot]!.cells;
				const cell = column.derive ? column.derive(cells) : (cells[column.index] ?? null);
				let parsed = plan.parse(plan.invisible && typeof cell === 'string' ? withoutInvisibles(cell) : cell);
				if (plan.from !== null && typeof parsed === 'string' && parsed < plan.from) {
					parsed = new CellProblem(
						`${field.label} ${parsed} is before ${plan.from}, the earliest plausible date`
					);
				}
				if (parsed instanceof CellProblem) {
					if (field.kind === 'date') parsed = withExcelHint(parsed, cell);
					if (parsed.monthFirst) noteMonthFirst(rows[slot]!.row, plan.index, cell);
					if (plan.required) {
						problems.push(issue(slot, column.header, field.name, cellText(cell), parsed.reason));
					} else {
						out[slot] = fallback;
						warnings.push(
							issue(slot, column.header, field.name, cellText(cell), `${parsed.reason}; ${kept}`)
						);
					}
				} else if (parsed === null) {
					if (plan.required) {
						const shown = cellText(cell);
						problems.push(
							issue(
								slot,
								column.header,
								field.name,
								shown,
								column.missingReason ??
									`${field.label} is required but the cell is ${shown.trim() === '' ? 'empty' : `"${shown}" (no value)`}`
							)
						);
					}
				} else {
					out[slot] = parsed;
				}
			}
		}

		// Row rules, each over the parsed columns.
		for (const rule of rowRules) {
			switch (rule.check) {
				case 'age': {
					const age = ageRules.find((candidate) => candidate.rule === rule.rule)!;
					const out = values[age.index]!;
					const on = values[age.on]!;
					const name = age.rule.age.name;
					for (let slot = 0; slot < count; slot++) {
						if (readable[slot] === 0) continue;
						const outcome: AgeOutcome = age.resolve(rows[slot]!.cells, on[slot] ?? null);
						const { problem, warning } = outcome;
						if (warning) warnings.push(issue(slot, warning.column, name, warning.value, warning.reason));
						if (problem && age.rule.age.required) {
							problems.push(issue(slot, problem.column, name, problem.value, problem.reason));
						} else if (problem) {
							warnings.push(
								issue(slot, problem.column, name, problem.value, `${problem.reason}; left blank`)
							);
						}
						out[slot] = outcome.value;
					}
					break;
				}
				case 'warnAbove': {
					const field: IntegerField = rule.field;
					const index = indexOf(field);
					const column = values[index]!;
					for (let slot = 0; slot < count; slot++) {
						const value = column[slot];
						if (typeof value === 'number' && value > rule.above) {
							warnings.push(
								issue(
									slot,
									headerOf(index),
									field.name,
									String(value),
									`${field.label} is ${value}, over ${rule.above}: check it`
								)
							);
						}
					}
					break;
				}
				case 'future': {
					const field: DateField = rule.field;
					const index = indexOf(field);
					const column = values[index]!;
					for (let slot = 0; slot < count; slot++) {
						const value = column[slot];
						if (typeof value === 'string' && value > today) {
							warnings.push(
								issue(
									slot,
									headerOf(index),
									field.name,
									value,
									`${field.label} ${value} is in the future (today is ${today})`
								)
							);
						}
					}
					break;
				}
				case 'order': {
					const later = indexOf(rule.later);
					const earlierValues = values[indexOf(rule.earlier)]!;
					const laterValues = values[later]!;
					for (let slot = 0; slot < count; slot++) {
						const before = earlierValues[slot];
						const after = laterValues[slot];
						if (typeof before === 'string' && typeof after === 'string' && after < before) {
							warnings.push(
								issue(
									slot,
									headerOf(later),
									rule.later.name,
									after,
									`${rule.message} (${after} is before ${before})`
								)
							);
						}
					}
					break;
				}
			}
		}

		const bySlot = (a: Finding, b: Finding) => a.slot - b.slot;
		problems.sort(bySlot);
		warnings.sort(bySlot);
		return { rows, values, problems, warnings, blankRows };
	}

	function noteMonthFirst(row: number, field: number, cell: RawCell) {
		if (monthFirst === null) {
			monthFirst = { count: 0, example: '', row: Infinity, field: Infinity };
		}
		monthFirst.count++;
		if (row < monthFirst.row || (row === monthFirst.row && field < monthFirst.field)) {
			monthFirst.row = row;
			monthFirst.field = field;
			monthFirst.example = `data row ${row}: "${cellText(cell)}"`;
		}
	}

	return { check, monthFirst: () => monthFirst };
}

const rowChecks = new Set<Rule['check']>(['age', 'warnAbove', 'future', 'order']);

/**
 * Dates an XLSX reader gives for Excel serials 0, 1 and 60 (it counts from 1899-12-30 with no leap-year
 * correction): what Excel showed instead, so the report names the cell as the user saw it.
 */
const excelShown: Readonly<Record<string, string>> = {
	'1899-12-30': 'Excel serial 0, shown by Excel as 00/01/1900: an empty or zero cell formatted as a date',
	'1899-12-31': 'Excel serial 1, shown by Excel as 01/01/1900: a cell holding 1 formatted as a date',
	'1900-02-28':
		"Excel serial 60, shown by Excel as 29/02/1900, a day that never existed (Excel's leap-year bug)"
};

/** A date cell's problem with what Excel showed, when the cell is one of Excel's impossible serials. */
function withExcelHint(problem: CellProblem, cell: RawCell): CellProblem {
	if (!(cell instanceof Date) || Number.isNaN(cell.getTime())) return problem;
	const shown = excelShown[cell.toISOString().slice(0, 10)];
	return shown ? new CellProblem(`${problem.reason} (${shown})`, problem.monthFirst) : problem;
}
