import { tables, type AreaReference, type TableName } from '$lib/contract';
import { completeMatch } from '$lib/ingest/complete-match';
import { csvPieceBytes, csvPieces } from '$lib/ingest/csv-pieces';
import { decodeWindows1252 } from '$lib/ingest/decode-windows-1252';
import { detectDelimiter } from '$lib/ingest/detect-delimiter';
import { detectTable } from '$lib/ingest/detect-table';
import { unknownAreas, type FileSummary, type IngestResult } from '$lib/ingest/ingest-file';
import { matchHeaders, type HeaderMatch } from '$lib/ingest/match-headers';
import { recogniseAreaList } from '$lib/ingest/read-area-list';
import { chosenHeadingNote } from '$lib/ingest/read-csv';
import type { ParquetGroups } from '$lib/ingest/read-parquet';
import { sha256File } from '$lib/ingest/sha256-file';
import { recogniseHeadings } from '$lib/ingest/statutory-format';
import { windows1252FileToUtf8 } from '$lib/ingest/windows-1252-file';
import { ident, join, sql, type Sql } from '$lib/sql/sql';
import { readerRejects, readerScans } from '$lib/sql/staging';
import type { Engine } from './engine';
import { checkStaged, readStaged, readStagedPieces, type Staged, type StagedCheck } from './load-staged';
import { readAhead } from './read-ahead';

/** The one name a chosen file is registered under (the engine's lock-down allows it and nothing else). */
export const uploadFile = 'sightline-upload.csv';

/** A file checked in DuckDB and not yet inserted: the Data page's account of it, and the way to finish. */
export interface StagedIngest {
	readonly result: Omit<IngestResult, 'columns'>;
	readonly match: HeaderMatch;
	/** Milliseconds reading and checking. */
	readonly phases: StagedCheck['phases'];
	/** Insert the loaded rows into the contract table (inside the caller's transaction). */
	insert(): Promise<void>;
	/** Drop the staging tables and the registered file. */
	discard(): Promise<void>;
}

export interface StagedIngestOptions {
	readonly today: string;
	readonly areas: AreaReference;
	/** The table the user said the file holds; by default recognised from the headings. */
	readonly table?: TableName;
	/** Called as the phases start: reading the file, then checking it. */
	readonly onPhase?: (phase: 'read' | 'decode' | 'validate') => void;
	/** Parquet to Arrow IPC streams by row group: a Parquet file is staged only when given (else the worker reads it). */
	readonly parquet?: ParquetGroups;
	/** The line of a CSV the user chose as the headings (by default line 1; title rows go to the worker). */
	readonly headerRow?: number;
	/** A Windows-1252 CSV as UTF-8 for DuckDB's reader (by default in a worker, in pieces). */
	readonly toUtf8?: (file: Blob) => Promise<Blob>;
	/** A CSV larger than this is read in pieces of about this many bytes (`csvPieces`; tests use tiny ones). */
	readonly csvPieceBytes?: number;
	/** The file is appended to the loaded rows: a row whose key is already loaded is rejected (`checkStaged`). */
	readonly appending?: boolean;
}

const headLength = 1 << 16;

/** The name of a table's main date (its first required date), whose range the banner shows. */
const mainDateField = (table: TableName): string =>
	tables[table].fields.find((field) => field.kind === 'date' && field.required)!.name;

/** What the first 64 KB of a CSV say about it, when the staged path can take it. */
interface PlainHead {
	readonly headers: string[];
	/** UTF-8 (with or without a BOM), or Windows-1252: converted to UTF-8 before DuckDB reads it. */
	readonly encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252';
	/** The line the headings are on: 1, or the line the user chose. */
	readonly headingLine: number;
	/** The file's one kind of line ending. */
	readonly lineBreak: '\n' | '\r\n' | '\r';
}

/**
 * The first 64 KB of a file as text, as the worker would decode the whole file: UTF-8 when they are valid
 * UTF-8 (a file invalid further on fails DuckDB's reader and goes to the worker), else Windows-1252 (bytes
 * that are not UTF-8 here are not UTF-8 in the whole file either). Undefined for a BOM before bytes that are
 * not UTF-8 (left to the worker).
 */
function headText(
	head: Uint8Array,
	more: boolean
): { text: string; encoding: PlainHead['encoding'] } | undefined {
	const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
	try {
		const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
			head.subarray(bom ? 3 : 0),
			{
				stream: more
			}
		);
		return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
	} catch {
		return bom ? undefined : { text: decodeWindows1252(head), encoding: 'windows-1252' };
	}
}

/**
 * Why the first 64 KB of a file rule out the staged path, or undefined: only a CSV in UTF-8 or Windows-1252
 * in the contract's layout goes to DuckDB's reader (comma-delimited, the heading on line 1 or on the line the
 * user chose with no quote above it, no `sep=` line, no quote in the heading, one kind of line ending);
 * everything else keeps the ingest worker, which reads it exactly.
 */
function plainHead(head: Uint8Array, more: boolean, headerRow: number | undefined): PlainHead | undefined {
	const decoded = headText(head, more);
	if (!decoded) return undefined;
	const { text, encoding } = decoded;
	if (text.includes('\0') || /^sep=/i.test(text)) return undefined;
	const firstBreak = text.search(/[\r\n]/);
	if (firstBreak < 0) return undefined;
	const crlf = text[firstBreak] === '\r' && text[firstBreak + 1] === '\n';
	// One kind of line ending: mixed endings are read differently by the two readers.
	if (crlf ? /\r(?!\n)|(?<!\r)\n/.test(text) : text.includes('\r')) return undefined;
	const headingLine = headerRow ?? 1;
	const lineBreak = crlf ? '\r\n' : text[firstBreak] === '\r' ? '\r' : '\n';
	// The lines above a chosen heading are skipped by line (DuckDB's `skip`, the worker's line numbers): a
	// quote there could open a cell across lines, which the two would count differently.
	let start = 0;
	for (let line = 1; line < headingLine; line++) {
		const next = text.indexOf(lineBreak, start);
		if (next < 0) return undefined;
		start = next + lineBreak.length;
	}
	if (text.slice(0, start).includes('"')) return undefined;
	const rest = text.slice(start);
	// A blank first line: the worker looks below it for the headings.
	if (headerRow === undefined && /^[\s,]*[\r\n]/.test(rest)) return undefined;
	const end = rest.indexOf(lineBreak);
	if (end <= 0) return undefined;
	const heading = rest.slice(0, end);
	if (heading.includes('"') || detectDelimiter(text) !== ',') return undefined;
	const headers = heading.split(',');
	if (headers.some((header) => header !== header.trim() || header === '')) return undefined;
	return { headers, encoding, headingLine, lineBreak };
}

/**
 * Column types of a Parquet file (as DuckDB names them after the Arrow insert) whose cells, as DuckDB writes
 * them as text, the ingest parsers read as the worker reads the same Arrow values: text and dictionary codes,
 * dates (yyyy-mm-dd), yes/no (true/false) and whole numbers. Anything else (a float, a timestamp, a decimal,
 * a nested type) keeps the worker path.
 */
const stageableType = /^(VARCHAR|DATE|BOOLEAN|U?(TINYINT|SMALLINT|INTEGER|BIGINT)|ENUM\(.*\))$/s;

/** Headings the staged path can take: none blank or padded (the worker would read them otherwise). */
const plainHeadings = (headers: readonly string[]) =>
	headers.length > 0 && headers.every((header) => header === header.trim() && header !== '');

/**
 * The table and column match for headings in the contract's own layout, or undefined: a statutory or areas
 * file, or headings that need the mapping step (a missing or doubtful column, a constant, a derived field or
 * a date of birth) keep the worker path.
 */
function contractLayout(
	headers: readonly string[],
	chosen: TableName | undefined
): { table: TableName; match: HeaderMatch } | undefined {
	if (recogniseHeadings([...headers]) || recogniseAreaList([...headers])) return undefined;
	const table = chosen ?? detectTable([...headers]).table;
	if (!table) return undefined;
	const match = completeMatch(matchHeaders([...headers], table), {}, false);
	if (
		match.missingRequired.length > 0 ||
		match.ambiguous.length > 0 ||
		match.columns.some((column) => column.how === 'constant' || column.how === 'derived' || column.index < 0)
	)
		return undefined;
	return { table, match };
}

/** The Arrow table each row group of a Parquet file is inserted into before it is appended to the stage. */
const arrowStage = 'stage_upload_arrow';

/**
 * Stage a Parquet file row group by row group: parquet-wasm decodes one group to Arrow, DuckDB inserts it as
 * it is (no cell passes through JavaScript), its columns are appended to the staging table in file order
 * (a file with no dictionary column: the group itself is appended), and the group is dropped before the
 * next is inserted. The next group is decoded while DuckDB inserts this one (`readAhead`: parquet-wasm runs
 * on this thread, DuckDB in its worker, and they took turns), so at most two row groups are held at once, one
 * in JavaScript and one in DuckDB (issue 14: the whole file's Arrow did not fit beside the tables). Text columns
 * (and dictionary codes, as text) are staged as text; dates, yes/no and whole numbers as they are, typed
 * (`Staged.types`), and judged as the text DuckDB writes for them: casting every typed cell to text here
 * was a third of a Parquet load. Undefined when a column's type is one the parsers would read differently
 * from the worker's Arrow values, or the file holds no row group.
 */
async function stageParquet(
	engine: Engine,
	file: Blob,
	groups: ParquetGroups,
	stageName: string
): Promise<Staged | undefined> {
	const clock = performance.now();
	const stage = ident(stageName);
	let staged: { headers: string[]; types: Map<string, string>; select: Sql | undefined } | undefined;
	for await (const group of readAhead(groups(file))) {
		// With no dictionary column, every group after the first is appended to the stage as it is (no copy).
		if (staged && staged.select === undefined) {
			await engine.insertArrow(stageName, group, false);
			continue;
		}
		await engine.insertArrow(arrowStage, group, true);
		if (staged === undefined) {
			const columns = await engine.query<{ name: string; type: string }>(
				sql`SELECT column_name AS name, column_type AS type FROM (DESCRIBE ${ident(arrowStage)})`
			);
			if (!columns.every((column) => stageableType.test(column.type))) return undefined;
			const typed = columns.filter((column) => column.type !== 'VARCHAR' && !column.type.startsWith('ENUM'));
			const enums = columns.some((column) => column.type.startsWith('ENUM'));
			staged = {
				headers: columns.map((column) => column.name),
				types: new Map(typed.map((column) => [column.name, column.type])),
				// A dictionary column becomes a DuckDB ENUM of its row group's codes: copied as text, so groups append.
				select: enums
					? join(
							columns.map((column) =>
								column.type.startsWith('ENUM')
									? sql`CAST(${ident(column.name)} AS VARCHAR) AS ${ident(column.name)}`
									: ident(column.name)
							)
						)
					: undefined
			};
			await engine.exec(sql`DROP TABLE IF EXISTS ${stage}`);
			if (staged.select === undefined) {
				await engine.exec(sql`ALTER TABLE ${ident(arrowStage)} RENAME TO ${stage}`);
				continue;
			}
			await engine.exec(sql`CREATE TABLE ${stage} AS SELECT ${staged.select} FROM ${ident(arrowStage)}`);
		} else {
			// A later group is copied only when the first had a dictionary column (a select).
			await engine.exec(sql`INSERT INTO ${stage} SELECT ${staged.select!} FROM ${ident(arrowStage)}`);
		}
		await engine.exec(sql`DROP TABLE ${ident(arrowStage)}`);
	}
	return staged && { stage, headers: staged.headers, types: staged.types, read: performance.now() - clock };
}

/**
 * The Data page's load of a plain CSV, or a Parquet file, through DuckDB (issue 14): a CSV is registered
 * with the engine (read by DuckDB in pieces, never copied whole into JavaScript; one larger than
 * `csvPieceBytes` given to DuckDB's reader a piece at a time, each appended to the staging table before the
 * next, so the reader never holds the whole file's rows uncompressed; a Windows-1252 one first
 * converted to UTF-8 in pieces in a worker, and one whose headings are on a line the user chose read from
 * that line) and staged as text; a Parquet file is decoded to Arrow and inserted as it is, then staged as text; either is checked in
 * SQL by the ingest pipeline's own declared rules and parsers (`checkStaged`). Returns undefined, with
 * nothing left behind, for any file the worker would read differently (UTF-16 or another delimiter, title
 * rows above the headings the user did not choose, a statutory file, a heading that needs mapping or a date of birth, a line DuckDB cannot split, a short row,
 * a quoted newline, a blank row, a month-first date, a Parquet column that is not text, a date, yes/no or a
 * whole number): those keep the worker path, so one file never has two outcomes. The account (rows, issues
 * with their data row and line, notes) is the worker's, as the unit test shows on every bad-input fixture
 * this path takes.
 */
export async function ingestStaged(
	engine: Engine,
	file: Blob & { readonly name: string },
	options: StagedIngestOptions
): Promise<StagedIngest | undefined> {
	const parquet = /\.parquet$/i.test(file.name) ? options.parquet : undefined;
	if ((!parquet && !/\.csv$/i.test(file.name)) || file.size === 0) return undefined;
	if (parquet && options.headerRow !== undefined) return undefined;
	let plain: PlainHead | undefined;
	if (!parquet) {
		const head = new Uint8Array(await file.slice(0, headLength).arrayBuffer());
		plain = plainHead(head, file.size > headLength, options.headerRow);
		if (!plain || !contractLayout(plain.headers, options.table)) return undefined;
	}

	options.onPhase?.('read');
	// Hashed in pieces beside DuckDB's read: never the whole file in memory (a 1.88 GB extract once failed
	// here, read whole for the digest, after DuckDB had checked it). A declined file never awaits it.
	const digest = sha256File(file);
	digest.catch(() => undefined);
	const source = parquet
		? ({ path: file.name, format: 'parquet' } as const)
		: ({ path: uploadFile, format: 'csv' } as const);
	let check: StagedCheck | undefined;
	const stageName = 'stage_upload';
	const stage = ident(stageName);
	const discard = async () => {
		await check?.discard();
		for (const table of [stage, ident(arrowStage), readerRejects, readerScans])
			await engine.exec(sql`DROP TABLE IF EXISTS ${table}`);
		if (!parquet) await engine.dropFile(uploadFile);
	};
	let layout: { table: TableName; match: HeaderMatch } | undefined;
	try {
		let staged: Staged | undefined;
		if (parquet) {
			staged = await stageParquet(engine, file, parquet, stageName);
			layout =
				staged && plainHeadings(staged.headers) ? contractLayout(staged.headers, options.table) : undefined;
		} else {
			let text: Blob = file;
			if (plain!.encoding === 'windows-1252') {
				options.onPhase?.('decode');
				text = await (options.toUtf8 ?? windows1252FileToUtf8)(file);
				options.onPhase?.('read');
			}
			const pieceBytes = options.csvPieceBytes ?? csvPieceBytes;
			if (text.size > pieceBytes) {
				const { headingLine, lineBreak } = plain!;
				const pieces = csvPieces(text, { pieceBytes, headingLine, lineBreak });
				staged = await readStagedPieces(engine, pieces, uploadFile, stage, false, headingLine - 1);
			} else {
				await engine.registerFile(uploadFile, text);
				staged = await readStaged(engine, source, stage, false, plain!.headingLine - 1);
			}
			layout =
				staged.headers.join('\u0000') === plain!.headers.join('\u0000')
					? contractLayout(staged.headers, options.table)
					: undefined;
		}
		if (!staged || !layout) {
			await discard();
			return undefined;
		}
		options.onPhase?.('validate');
		check = await checkStaged(engine, layout.table, source, staged, {
			today: options.today,
			areas: options.areas,
			listLimit: Number.MAX_SAFE_INTEGER,
			fileName: file.name,
			appending: options.appending,
			// A CSV's data rows are its lines after the heading (a quoted newline or a blank line is declined).
			...(plain ? { headingLine: plain.headingLine } : {})
		});
		if (
			check.read === 0 ||
			check.unreadableLines > 0 ||
			check.blankRows > 0 ||
			check.multiline ||
			check.monthFirst
		) {
			await discard();
			return undefined;
		}
	} catch {
		await discard().catch(() => undefined);
		return undefined;
	}
	const done = check;
	const { table, match } = layout;
	let sha256: string;
	try {
		sha256 = await digest;
	} catch (error) {
		await discard().catch(() => undefined);
		throw error;
	}
	const summary: FileSummary = {
		name: file.name,
		format: parquet ? 'parquet' : 'csv',
		encoding: plain?.encoding ?? null,
		delimiter: parquet ? null : ',',
		sheet: null,
		// Taken only when the headings are the first line or the chosen one (the worker finds title rows).
		headerRow: plain?.headingLine ?? null,
		bytes: file.size,
		sha256,
		read: done.read,
		loaded: done.loaded,
		rejectedRows: done.rejectedRows,
		outOfScope: 0,
		blankRows: 0,
		recognised: null,
		mapping: Object.fromEntries(match.columns.map((column) => [column.field, column.header])),
		constants: {},
		derived: [],
		ignoredColumns: match.ignored,
		notes: [
			...(options.headerRow !== undefined && plain ? [chosenHeadingNote(options.headerRow)] : []),
			...match.notes,
			...unknownAreas(done.rejected, options.areas)
		]
	};
	return {
		match,
		phases: done.phases,
		result: {
			table,
			files: [summary],
			read: done.read,
			loaded: done.loaded,
			rejectedRows: done.rejectedRows,
			outOfScope: 0,
			blankRows: 0,
			rejected: done.rejected,
			warnings: done.warnings,
			dateRange: done.dateRange ? { field: mainDateField(table), ...done.dateRange } : null
		},
		async insert() {
			await done.insert();
		},
		discard
	};
}
