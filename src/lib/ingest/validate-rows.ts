import {
	cambridgeshireAndPeterborough,
	tables,
	withAreas,
	type AreaReference,
	type Field,
	type TableContract,
	type TextField
} from '../contract';
import { columnChecker } from './check-columns';
import { ColumnBuilder } from './column-builder';
import type { Issue } from './issue';
import type { LoadedColumn } from './loaded-column';
import type { MappingProfile } from './mapping-profile';
import type { HeaderMatch } from './match-headers';
import type { RawTable } from './raw-table';
import { rulesFor } from './rules';

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
	/** The areas a district may be (default: the bundled Cambridgeshire and Peterborough list). */
	readonly areas?: AreaReference;
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

const lowerFirst = (label: string) => label.replace(/^[A-Z](?=[a-z])/, (letter) => letter.toLowerCase());

/** Time between yields to the event loop, so a worker can post progress and receive a cancel. */
const yieldEveryMs = 50;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Turns raw rows into contract columns by applying the table's declared rules (`rulesFor`), batch by batch:
 * the cell and row rules column-wise (`columnChecker`), then, row by row, the one rule that depends on
 * which earlier rows were loaded: a duplicate identifier is rejected after the first loaded one. Each row is
 * loaded or rejected, never dropped: a required field missing or unreadable rejects the row with one issue
 * per problem (row, column, value, plain-English reason); an optional field that cannot be read becomes its
 * fallback code (or blank) with a warning, and warnings of loaded rows are kept. A date of birth becomes
 * the age on the table's main date and is then dropped. Ends by asserting read = loaded + rejected.
 */
export async function validateRows(
	raw: RawTable,
	match: HeaderMatch,
	options: ValidateOptions
): Promise<ValidatedRows> {
	const table = withAreas(
		tables[match.table] as TableContract,
		options.areas ?? cambridgeshireAndPeterborough
	);
	const fields: readonly Field[] = table.fields;
	const { fileName } = options;
	const rules = rulesFor(table);
	const checker = columnChecker(table, rules, match.columns, {
		fileName,
		today: options.today,
		values: options.values,
		headers: raw.headers,
		delimiter: raw.delimiter,
		format: raw.format
	});
	const unique = rules.find((rule) => rule.check === 'unique')!.field as TextField;
	const keyIndex = fields.indexOf(unique);
	const keyHeader = match.columns.find((column) => column.field === unique.name)?.header ?? unique.label;
	const duplicateOf = `duplicate ${lowerFirst(unique.label)}`;
	const mainDate = fields.findIndex((field) => field.kind === 'date' && field.required);

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
	const sampleAll = options.contractCheck === 'all';
	let lastYield = performance.now();

	for await (const batch of raw.batches) {
		options.signal?.throwIfAborted();
		rowsSeen += batch.rows.length;
		const checked = checker.check(batch.rows);
		const { rows, values, problems, warnings: found } = checked;
		blankRows += checked.blankRows;
		read += rows.length;
		let problem = 0;
		let warning = 0;
		for (let slot = 0; slot < rows.length; slot++) {
			const row = rows[slot]!;
			const firstProblem = problem;
			while (problem < problems.length && problems[problem]!.slot === slot) problem++;
			const firstWarning = warning;
			while (warning < found.length && found[warning]!.slot === slot) warning++;
			let duplicate: Issue | null = null;
			const id = row.problem === null ? values[keyIndex]![slot] : null;
			if (typeof id === 'string') {
				const known = options.knownIds?.has(id) ? options.knownIds : null;
				const first = seen.get(id);
				const reason = known
					? `${duplicateOf} (already loaded${known instanceof Map && known.get(id) ? ` from ${known.get(id)}` : ''})`
					: first !== undefined
						? `${duplicateOf} (first seen on data row ${first}${lineOfRow[first] !== undefined ? `, line ${lineOfRow[first]}` : ''})`
						: null;
				if (reason !== null) {
					duplicate = {
						file: fileName,
						row: row.row,
						line: row.line,
						column: keyHeader,
						field: unique.name,
						value: id,
						reason
					};
				}
			}
			if (problem > firstProblem || duplicate) {
				rejectedRows++;
				for (let at = firstProblem; at < problem; at++) rejected.push(problems[at]!.issue);
				if (duplicate) rejected.push(duplicate);
				continue;
			}
			loaded++;
			for (let index = 0; index < fields.length; index++) columns[index]!.push(values[index]![slot]!);
			for (let at = firstWarning; at < warning; at++) warnings.push(found[at]!.issue);
			if (typeof id === 'string') {
				seen.set(id, row.row);
				if (row.line !== null) lineOfRow[row.row] = row.line;
			}
			const main = values[mainDate]![slot];
			if (typeof main === 'string') {
				if (minDate === null || main < minDate) minDate = main;
				if (maxDate === null || main > maxDate) maxDate = main;
			}
			if (sampleAll || loaded <= 1000 || loaded % 1000 === 0) {
				const object = Object.fromEntries(fields.map((field, index) => [field.name, values[index]![slot]]));
				const result = table.schema.safeParse(object);
				if (!result.success) {
					throw new Error(
						`Internal error: data row ${row.row} of ${fileName} passed ingest but not the contract: ${result.error.message}`
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
	const monthFirst = checker.monthFirst();
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
