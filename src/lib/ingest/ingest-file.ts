import { cambridgeshireAndPeterborough, tables, type AreaReference, type TableName } from '../contract';
import type { TextEncodingName } from './decode-text';
import type { Delimiter } from './detect-delimiter';
import { completeMatch } from './complete-match';
import { detectTable } from './detect-table';
import { enrichEpisodes, type Enrichment } from './enrich-episodes';
import type { Issue } from './issue';
import type { MappingProfile } from './mapping-profile';
import { matchHeaders, type HeaderMatch } from './match-headers';
import type { TabularFormat } from './raw-table';
import { populationAreas, type AreaList } from './area-list';
import { readAreaList, recogniseAreaList } from './read-area-list';
import type { HeadingRows } from './find-header-row';
import { readPopulation, type PopulationReference } from './read-population';
import { readSsda903Reference, type Ssda903Reference } from './read-ssda903-reference';
import { readTable, type ReadTableOptions } from './read-table';
import { sha256Hex } from './sha256-hex';
import { recogniseHeadings, recogniseWorkbook, type RecognisedFormat } from './statutory-format';
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
	/** CSV and XLSX: the line or sheet row of the headings, 1-based (else a profile's, else found). */
	readonly headerRow?: number;
	readonly profile?: MappingProfile;
	/** Today as yyyy-mm-dd (default: the local date), for "in the future" warnings. */
	readonly today?: string;
	/** Identifiers loaded from earlier files: rows repeating one are rejected as duplicates. */
	readonly knownIds?: KnownIds;
	readonly onProgress?: (progress: IngestProgress) => void;
	readonly signal?: AbortSignal;
	readonly contractCheck?: ValidateOptions['contractCheck'];
	/**
	 * One value per field for the whole file, as cell text (`{ district: 'Fenland' }`; the CLI's `--set`).
	 * Applied after the profile's constants and the format's own (a return's children are looked after).
	 */
	readonly constants?: Readonly<Record<string, string>>;
	/**
	 * A statutory file that names no area the reference knows: 'load' (the default, for the CLI) loads its rows
	 * as "area not recorded" and says how to set District; 'ask' (the Data page) opens the mapping step,
	 * which offers one value for the whole file.
	 */
	readonly areaNotRecorded?: 'load' | 'ask';
	/** The areas a district cell may name (default: the bundled Cambridgeshire and Peterborough list). */
	readonly areas?: AreaReference;
	/**
	 * SSDA903 Header and Episodes tables read earlier (`status: 'reference'`): a file of missing episodes is
	 * enriched from them (sex, age, looked after, area) as it loads.
	 */
	readonly references?: readonly Ssda903Reference[];
}

/** What the pipeline did with one file: for the banner, the report and next month's profile. */
export interface FileSummary {
	readonly name: string;
	readonly format: TabularFormat;
	readonly encoding: TextEncodingName | null;
	readonly delimiter: Delimiter | null;
	readonly sheet: string | null;
	/** The line or sheet row the headings were read from (CSV, XLSX), for a saved profile. */
	readonly headerRow: number | null;
	readonly bytes: number;
	readonly sha256: string;
	readonly read: number;
	readonly loaded: number;
	readonly rejectedRows: number;
	/** Records read but outside Sightline's scope (CIN referrals with no exploitation factor). */
	readonly outOfScope: number;
	readonly blankRows: number;
	/** The statutory format recognised ("SSDA903 Missing table"), or null for an ordinary extract. */
	readonly recognised: string | null;
	/** Contract field → heading in the file it was read from (or what stands in for it: a constant, a derivation). */
	readonly mapping: Readonly<Record<string, string>>;
	/** Fields given one value for the whole file, as the cell text given (for a saved profile). */
	readonly constants: Readonly<Record<string, string>>;
	/** Fields derived from other columns (an episode ID from child + start date). */
	readonly derived: readonly string[];
	readonly ignoredColumns: readonly string[];
	readonly notes: readonly string[];
}

/** Loaded data of one table from one or more files, with the full account of every row. */
export interface IngestResult {
	readonly table: TableName;
	/** In load order; the columns hold each file's loaded rows in this order. */
	readonly files: readonly FileSummary[];
	readonly columns: Columns;
	/** read = loaded + rejectedRows + outOfScope, always. */
	readonly read: number;
	readonly loaded: number;
	readonly rejectedRows: number;
	/** Records read but not in Sightline's scope, counted so that nothing read goes unaccounted. */
	readonly outOfScope: number;
	readonly blankRows: number;
	readonly rejected: readonly Issue[];
	readonly warnings: readonly Issue[];
	readonly dateRange: DateRange | null;
	/** Missing episodes only: what each SSDA903 reference table filled, in the order applied. */
	readonly enrichments?: readonly Enrichment[];
}

export type IngestOutcome =
	| { readonly status: 'loaded'; readonly result: IngestResult; readonly match: HeaderMatch }
	| {
			readonly status: 'needs-mapping';
			readonly fileName: string;
			readonly reason: string;
			readonly headers: readonly string[];
			readonly match: HeaderMatch;
			/** Where the headings were taken from, and the rows the user may choose instead. */
			readonly headings: HeadingRows | null;
	  }
	| {
			readonly status: 'unreadable';
			readonly fileName: string;
			readonly reason: string;
			/** No recognisable columns in a sheet or CSV: the heading row taken, so another can be chosen. */
			readonly headings?: HeadingRows;
	  }
	| {
			/** Recognised, but not loaded as referrals or episodes: the reason says what it is and what to do. */
			readonly status: 'recognised';
			readonly fileName: string;
			readonly format: RecognisedFormat;
			readonly reason: string;
			/** Workbook sheets to choose from, when the choice is what is needed. */
			readonly sheets: readonly string[] | null;
	  }
	| {
			/**
			 * An SSDA903 Header or Episodes table: reference data for the missing episodes of the same children,
			 * not rows of its own. Give it back in `references` (with, before or after the Missing table).
			 */
			readonly status: 'reference';
			readonly fileName: string;
			readonly format: RecognisedFormat;
			/** What it is and how many rows were read, in one or two sentences. */
			readonly reason: string;
			readonly reference: Ssda903Reference;
	  }
	| {
			readonly status: 'population';
			readonly fileName: string;
			readonly format: RecognisedFormat;
			/** What was read, in one sentence (the population reference is not loaded into the dataset here). */
			readonly reason: string;
			readonly population: PopulationReference;
			/** The file's areas and their children: loaded, they become the area reference. */
			readonly areas: AreaList;
	  }
	| {
			/** A simple areas file (code, name[, population]): loaded, it becomes the area reference. */
			readonly status: 'areas';
			readonly fileName: string;
			readonly reason: string;
			readonly areas: AreaList;
	  };

const pad = (n: number) => String(n).padStart(2, '0');
/** Today as yyyy-mm-dd in the local time zone (the default `today` of a load). */
export const localToday = () => {
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
	// Why an earlier choice did not take (a column the file does not have), so a repeated step says so.
	parts.push(...match.notes.filter((note) => note.startsWith('The mapping profile')));
	parts.push(
		'Choose the columns in the mapping step (or one value for the whole file), or pass a mapping profile.'
	);
	return parts.join(' ');
}

/**
 * The district values a file names that are not areas of the reference, in one note (count and names), so
 * another partnership's areas are reported together rather than only row by row.
 */
export function unknownAreas(rejected: readonly Issue[], areas: AreaReference): string[] {
	const byName = new Map<string, number>();
	for (const issue of rejected) {
		if (issue.field !== 'district' || issue.value.trim() === '') continue;
		byName.set(issue.value.trim(), (byName.get(issue.value.trim()) ?? 0) + 1);
	}
	if (byName.size === 0) return [];
	const rows = [...byName.values()].reduce((sum, n) => sum + n, 0);
	const names = [...byName.entries()].map(([name, n]) => `"${name}" (${n} row${n === 1 ? '' : 's'})`);
	return [
		`${byName.size} area${byName.size === 1 ? ' is' : 's are'} not in the area reference (${areas.title}), so ${rows} row${rows === 1 ? ' was' : 's were'} rejected: ${listedNames(names)}. Load an area reference that lists ${byName.size === 1 ? 'it' : 'them'} (an ONS mid-year estimate file or an areas file) or map the spelling in a profile.`
	];
}

const listedNames = (names: readonly string[]) =>
	names.length <= 12 ? names.join(', ') : `${names.slice(0, 12).join(', ')} and ${names.length - 12} more`;

/**
 * The whole pipeline for one file: sniff, decode, read, recognise the table (or the statutory format),
 * match headings, add constants and derived identifiers, validate every row. Returns `unreadable` (one
 * message; nothing loaded), `recognised` (a statutory file that is not loaded as referrals or episodes,
 * with what it is and what to do), `population` (a population reference), `needs-mapping` (a required field
 * has no column or two columns claim one) or `loaded` with the columns and the account of every row.
 */
export async function ingestFile(file: SourceFile, options: IngestOptions = {}): Promise<IngestOutcome> {
	const digest = sha256Hex(file.bytes);
	// Hashed while the rows are read; an unreadable file never awaits it, so it must not fail unhandled.
	digest.catch(() => undefined);
	const areas = options.areas ?? cambridgeshireAndPeterborough;
	try {
		const raw = await readTable(file.bytes, file.name, {
			...options,
			headerRow: options.headerRow ?? options.profile?.headerRow
		});
		const explicitTable = options.table ?? options.profile?.table;
		const workbook = raw.sheets ? recogniseWorkbook(raw.sheets) : null;
		const format =
			raw.recognised ?? (options.sheet === undefined ? workbook : null) ?? recogniseHeadings(raw.headers);
		if (format && explicitTable === undefined) {
			if (format.loadsAs === null) {
				return {
					status: 'recognised',
					fileName: file.name,
					format,
					reason: `Recognised as: ${format.label}. ${format.use}`,
					sheets: format.id === 'annex-a-workbook' ? (raw.sheets ?? null) : null
				};
			}
			if (format.loadsAs === 'reference') {
				const kind = format.id === 'ssda903-header' ? 'header' : 'episodes';
				const reference = await readSsda903Reference(raw, kind, file.name);
				if (reference.read === 0)
					throw new UnreadableFileError('The file has a heading row but no data rows.');
				const rows = kind === 'header' ? 'children' : 'periods of care';
				const used = reference.kind === 'header' ? reference.children.length : reference.periods.length;
				return {
					status: 'reference',
					fileName: file.name,
					format,
					reason: `Recognised as: ${format.label}, a reference table. ${format.use} Read ${reference.read.toLocaleString('en-GB')} rows: ${used.toLocaleString('en-GB')} ${rows}${used < reference.read ? ` (${(reference.read - used).toLocaleString('en-GB')} ${reference.read - used === 1 ? 'row' : 'rows'} cannot be used: see the warnings)` : ''}.`,
					reference
				};
			}
			if (format.loadsAs === 'population') {
				const population = await readPopulation(raw, `${format.label}: ${file.name}`, areas).catch(
					(error: unknown) => {
						throw new UnreadableFileError(error instanceof Error ? error.message : String(error));
					}
				);
				// The notes say what was used (by sex or not, which mid-year) and what was left out, and why.
				return {
					status: 'population',
					fileName: file.name,
					format,
					reason: `Recognised as: ${format.label}. ${format.use} Read ${population.read} rows: ${population.areas.length} area${population.areas.length === 1 ? '' : 's'}, mid-${population.year}. ${population.notes.join(' ')}`,
					population,
					areas: populationAreas(population, `${file.name.replace(/\.[a-z]+$/i, '')} (ONS)`)
				};
			}
		}
		if (!format && explicitTable === undefined && recogniseAreaList(raw.headers)) {
			const { list, read, notes } = await readAreaList(raw, file.name);
			if (list.areas.length === 0)
				throw new UnreadableFileError(`An areas file with no areas. ${notes.join(' ')}`);
			return {
				status: 'areas',
				fileName: file.name,
				reason: `Recognised as: an areas file (code, name and optionally the children aged 0 to 17), ${read} rows. ${notes.join(' ')}`,
				areas: list
			};
		}
		const tableName =
			explicitTable ??
			(format?.loadsAs !== 'population' && format?.loadsAs !== 'reference' ? format?.loadsAs : undefined) ??
			detectTable(raw.headers).table;
		if (!tableName) {
			throw new UnreadableFileError(
				`No recognisable columns: none of the headings (${listed(raw.headers)}) match a column of the referrals or missing-episodes tables.${raw.headings ? ` The headings were taken from row ${raw.headings.row}; if they are on another row, choose it.` : ''}`,
				raw.headings
			);
		}
		const table = tables[tableName];
		// The format's constants only when the file is loaded as the format's own table; its own area (a CIN
		// census's local authority) when the area reference knows it.
		const ownFormat = format?.loadsAs === tableName ? format : undefined;
		const fileArea = ownFormat?.area;
		const knownArea = fileArea !== undefined && areas.resolve(fileArea) !== undefined;
		const constants: Record<string, string> = {
			...ownFormat?.constants,
			...(knownArea ? { district: fileArea } : {}),
			...options.profile?.constants,
			...options.constants
		};
		// An Annex A list names no area either (the workbook is one local authority's).
		const noArea = ownFormat?.areaNotRecorded === true || workbook !== null;
		const areaNotes =
			fileArea !== undefined && !knownArea && constants.district === undefined
				? [
						`The file is local authority ${fileArea}'s, which is not one of the ${areas.areas.length} areas of the area reference (${areas.title}).`
					]
				: [];
		const match = completeMatch(
			matchHeaders(raw.headers, tableName, options.profile),
			constants,
			noArea && options.areaNotRecorded !== 'ask'
		);
		if (match.missingRequired.length > 0 || match.ambiguous.length > 0) {
			const askArea = noArea && match.missingRequired.includes('district');
			return {
				status: 'needs-mapping',
				fileName: file.name,
				reason: `${askArea ? 'The file does not say which area it covers: give District one value for the whole file. ' : ''}${mappingReason(match)}`,
				headers: raw.headers,
				match,
				headings: raw.headings ?? null
			};
		}
		const validated = await validateRows(raw, match, {
			fileName: file.name,
			today: options.today ?? localToday(),
			knownIds: options.knownIds,
			values: options.profile?.values,
			onProgress: options.onProgress,
			signal: options.signal,
			contractCheck: options.contractCheck,
			areas
		});
		const outOfScope = raw.outOfScope?.count ?? 0;
		if (validated.read === 0 && outOfScope === 0)
			throw new UnreadableFileError('The file has a heading row but no data rows.');
		const derivedNotes = match.columns.flatMap((column) =>
			column.how === 'derived' && column.index === -1 && column.field !== 'district'
				? [
						`${table.field(column.field).label} was derived from ${column.header.replace(/ \(derived\)$/, '')}: the file has none.`
					]
				: column.how === 'constant'
					? [`${table.field(column.field).label} is ${column.header}.`]
					: []
		);
		const notes = [
			...(format ? [`Recognised as: ${format.label}. ${format.use}`] : []),
			...raw.notes,
			...areaNotes,
			...match.notes,
			...unknownAreas(validated.rejected, areas),
			...derivedNotes,
			...(outOfScope > 0
				? [`Out of scope: ${outOfScope} (${raw.outOfScope!.reason}); counted, not loaded.`]
				: []),
			...validated.notes
		];
		const summary: FileSummary = {
			name: file.name,
			format: raw.format,
			encoding: raw.encoding,
			delimiter: raw.delimiter,
			sheet: raw.sheet,
			headerRow: raw.headings?.row ?? null,
			bytes: file.bytes.length,
			sha256: await digest,
			read: validated.read + outOfScope,
			loaded: validated.loaded,
			rejectedRows: validated.rejectedRows,
			outOfScope,
			blankRows: validated.blankRows,
			recognised: format?.label ?? null,
			mapping: Object.fromEntries(match.columns.map((column) => [column.field, column.header])),
			constants: Object.fromEntries(
				match.columns.flatMap((column) =>
					column.how === 'constant' && column.field in constants
						? [[column.field, constants[column.field]!]]
						: []
				)
			),
			derived: match.columns.filter((column) => column.how === 'derived').map((column) => column.field),
			ignoredColumns: match.ignored,
			notes
		};
		const { columns, loaded, rejectedRows, blankRows, rejected, warnings, dateRange } = validated;
		const result: IngestResult = {
			table: tableName,
			files: [summary],
			columns,
			read: summary.read,
			loaded,
			rejectedRows,
			outOfScope,
			blankRows,
			rejected,
			warnings,
			dateRange
		};
		// The file's own reference tables (an XML return's) first, then those loaded as separate files.
		const own = (raw.references ?? []).map((reference) => ({
			...reference,
			fileName: `${file.name} ${reference.fileName}`
		}));
		const references = [...own, ...(options.references ?? [])];
		return {
			status: 'loaded',
			match,
			result:
				tableName === 'missing_episodes' && references.length > 0 && loaded > 0
					? enrichEpisodes(result, references, areas)
					: result
		};
	} catch (error) {
		if (error instanceof UnreadableFileError)
			return {
				status: 'unreadable',
				fileName: file.name,
				reason: error.message,
				...(error.headings ? { headings: error.headings } : {})
			};
		throw error;
	}
}
