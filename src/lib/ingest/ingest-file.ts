import { tables, type TableName } from '../contract';
import type { TextEncodingName } from './decode-text';
import type { Delimiter } from './detect-delimiter';
import { detectTable } from './detect-table';
import type { Issue } from './issue';
import type { MappingProfile } from './mapping-profile';
import { matchHeaders, type HeaderMatch } from './match-headers';
import type { TabularFormat } from './raw-table';
import { readTable, type ReadTableOptions } from './read-table';
import { sha256Hex } from './sha256-hex';
import { UnreadableFileError } from './unreadable-file-error';
import {
	validateRows,
	type Columns,
	type DateRange,
	type IngestProgress,
	type KnownIds,
	type ValidateOptions
} from './validate-rows';

/** A file as the user picked it. */
export interface SourceFile {
	readonly name: string;
	readonly bytes: Uint8Array;
}

export interface IngestOptions extends ReadTableOptions {
	/** Which table the file holds; by default recognised from the headings (a profile's table comes next). */
	readonly table?: TableName;
	/** A saved mapping: its columns are used first, its value maps before the contract's aliases. */
	readonly profile?: MappingProfile;
	/** Today as yyyy-mm-dd (default: the local date), for "in the future" warnings. */
	readonly today?: string;
	/** Identifiers loaded from earlier files: rows repeating one are rejected as duplicates. */
	readonly knownIds?: KnownIds;
	readonly onProgress?: (progress: IngestProgress) => void;
	readonly signal?: AbortSignal;
	readonly contractCheck?: ValidateOptions['contractCheck'];
}

/** What the pipeline did with one file: for the banner, the report and next month's profile. */
export interface FileSummary {
	readonly name: string;
	readonly format: TabularFormat;
	readonly encoding: TextEncodingName | null;
	readonly delimiter: Delimiter | null;
	readonly sheet: string | null;
	readonly bytes: number;
	readonly sha256: string;
	readonly read: number;
	readonly loaded: number;
	readonly rejectedRows: number;
	readonly blankRows: number;
	/** Contract field → heading in the file it was read from. */
	readonly mapping: Readonly<Record<string, string>>;
	readonly ignoredColumns: readonly string[];
	readonly notes: readonly string[];
}

/** Loaded data of one table from one or more files, with the full account of every row. */
export interface IngestResult {
	readonly table: TableName;
	/** In load order; the columns hold each file's loaded rows in this order. */
	readonly files: readonly FileSummary[];
	readonly columns: Columns;
	/** read = loaded + rejectedRows, always. */
	readonly read: number;
	readonly loaded: number;
	readonly rejectedRows: number;
	readonly blankRows: number;
	readonly rejected: readonly Issue[];
	readonly warnings: readonly Issue[];
	readonly dateRange: DateRange | null;
}

export type IngestOutcome =
	| { readonly status: 'loaded'; readonly result: IngestResult; readonly match: HeaderMatch }
	| {
			readonly status: 'needs-mapping';
			readonly fileName: string;
			readonly reason: string;
			readonly headers: readonly string[];
			readonly match: HeaderMatch;
	  }
	| { readonly status: 'unreadable'; readonly fileName: string; readonly reason: string };

const pad = (n: number) => String(n).padStart(2, '0');
const localToday = () => {
	const now = new Date();
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

const listed = (items: readonly string[]) =>
	items.length <= 8
		? items.map((item) => `"${item}"`).join(', ')
		: `${items
				.slice(0, 8)
				.map((item) => `"${item}"`)
				.join(', ')} and ${items.length - 8} more`;

/** Why a mapping step is needed, in one message. */
function mappingReason(match: HeaderMatch): string {
	const table = tables[match.table];
	const parts: string[] = [];
	if (match.missingRequired.length > 0) {
		const labels = match.missingRequired.map((name) => table.field(name).label);
		parts.push(
			`No column was recognised as ${labels.join(', ')} (required for ${table.label.toLowerCase()}).`
		);
	}
	for (const { field, headers } of match.ambiguous) {
		const label = [...table.fields, ...table.inputOnly].find((f) => f.name === field)?.label ?? field;
		parts.push(`Several columns could be ${label}: ${headers.join(', ')}.`);
	}
	parts.push('Choose the columns in the mapping step, or pass a mapping profile.');
	return parts.join(' ');
}

/**
 * The whole pipeline for one file: sniff, decode, read, recognise the table, match headings, validate every
 * row. Returns `unreadable` (one message; nothing loaded), `needs-mapping` (a required field has no column
 * or two columns claim one) or `loaded` with the columns and the account of every row.
 */
export async function ingestFile(file: SourceFile, options: IngestOptions = {}): Promise<IngestOutcome> {
	const digest = sha256Hex(file.bytes);
	// Hashed while the rows are read; an unreadable file never awaits it, so it must not fail unhandled.
	digest.catch(() => undefined);
	try {
		const raw = await readTable(file.bytes, file.name, options);
		const tableName = options.table ?? options.profile?.table ?? detectTable(raw.headers).table;
		if (tableName === null) {
			throw new UnreadableFileError(
				`No recognisable columns: none of the headings (${listed(raw.headers)}) match a column of the referrals or missing-episodes tables.`
			);
		}
		const match = matchHeaders(raw.headers, tableName, options.profile);
		if (match.missingRequired.length > 0 || match.ambiguous.length > 0) {
			return {
				status: 'needs-mapping',
				fileName: file.name,
				reason: mappingReason(match),
				headers: raw.headers,
				match
			};
		}
		const validated = await validateRows(raw, match, {
			fileName: file.name,
			today: options.today ?? localToday(),
			knownIds: options.knownIds,
			values: options.profile?.values,
			onProgress: options.onProgress,
			signal: options.signal,
			contractCheck: options.contractCheck
		});
		if (validated.read === 0) throw new UnreadableFileError('The file has a heading row but no data rows.');
		const summary: FileSummary = {
			name: file.name,
			format: raw.format,
			encoding: raw.encoding,
			delimiter: raw.delimiter,
			sheet: raw.sheet,
			bytes: file.bytes.length,
			sha256: await digest,
			read: validated.read,
			loaded: validated.loaded,
			rejectedRows: validated.rejectedRows,
			blankRows: validated.blankRows,
			mapping: Object.fromEntries(match.columns.map((column) => [column.field, column.header])),
			ignoredColumns: match.ignored,
			notes: [...raw.notes, ...match.notes, ...validated.notes]
		};
		const { columns, read, loaded, rejectedRows, blankRows, rejected, warnings, dateRange } = validated;
		return {
			status: 'loaded',
			match,
			result: {
				table: tableName,
				files: [summary],
				columns,
				read,
				loaded,
				rejectedRows,
				blankRows,
				rejected,
				warnings,
				dateRange
			}
		};
	} catch (error) {
		if (error instanceof UnreadableFileError)
			return { status: 'unreadable', fileName: file.name, reason: error.message };
		throw error;
	}
}
