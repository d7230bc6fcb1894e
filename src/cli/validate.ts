/**
 * Headless validator: `npm run validate -- FILE... [--areas AREAS] [--mapping PROFILE.json] [--table
 * referrals|missing_episodes] [--today yyyy-mm-dd] [--sheet NAME] [--set FIELD=VALUE]... [--report REPORT.csv]`.
 * Runs the same ingest pipeline as the browser and prints the same report, for analysts who check an extract
 * before sharing it. Statutory files are recognised: SSDA903 and CIN census returns load as what they are, an
 * ONS population file or a simple areas file is reported as an area reference (`--areas` checks FILE's
 * districts against one instead of the bundled Cambridgeshire and Peterborough list), an SSDA903 Header or
 * Episodes table given with a Missing table (`missing.csv header.csv episodes.csv`, in any order) enriches its
 * episodes and says how, and an Annex A workbook without `--sheet` and `--table` says what it is and what to
 * do. The options apply to every file.
 * Exit codes: 0 every row loaded (or a reference read); 1 some rows rejected; 2 a file (or an argument)
 * cannot be used as it is. With several files, the highest.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { areaReference, cambridgeshireAndPeterborough, tables, type AreaReference } from '../lib/contract';
import {
	ingestFile,
	parseMappingProfile,
	reportToCsv,
	type IngestOutcome,
	type Issue,
	type MappingProfile
} from '../lib/ingest';
import type { AreaList } from '../lib/ingest/area-list';
import { enrichEpisodes } from '../lib/ingest/enrich-episodes';
import { constants, isoDay, parseArguments, tableName, UsageError } from './arguments';

const usage =
	'Usage: npm run validate -- FILE... [--areas AREAS.csv] [--mapping PROFILE.json] [--table referrals|missing_episodes] [--today yyyy-mm-dd] [--sheet NAME] [--set FIELD=VALUE]... [--report REPORT.csv]';

const schema = z.object({
	files: z.array(z.string()).min(1, { message: 'Give the file to check.' }),
	/** An ONS mid-year estimate file or a simple areas file: the areas the files' districts are checked against. */
	areas: z.string().optional(),
	mapping: z.string().optional(),
	table: tableName.optional(),
	today: isoDay.optional(),
	sheet: z.string().optional(),
	report: z.string().optional(),
	/** `--set district=Fenland`: one value for a field across the whole file. */
	set: constants
});
type Arguments = z.infer<typeof schema>;

const flags = {
	areas: 'value',
	mapping: 'value',
	table: 'value',
	today: 'value',
	sheet: 'value',
	report: 'value',
	set: 'values'
} as const;

/** Terminal-safe text: control characters in a hostile cell must not move the cursor or recolour the screen. */
const safe = (text: string) =>
	Array.from(text, (char) => {
		const code = char.charCodeAt(0);
		return (code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f)
			? '\uFFFD'
			: char;
	}).join('');

const count = (n: number) => n.toLocaleString('en-GB');

function describeIssue(issue: Issue): string {
	const where = `data row ${issue.row}${issue.line !== null ? ` (line ${issue.line})` : ''}`;
	const value = issue.value === '' ? '' : `, value "${safe(issue.value)}"`;
	return `  ${where}, column "${safe(issue.column)}"${value}: ${safe(issue.reason)}`;
}

/** The areas of an area list, one line each, with their child population where it has one. */
function printAreas(list: AreaList): void {
	for (const area of list.areas) {
		const children = list.population
			.filter((row) => row.district === area.code)
			.reduce((sum, row) => sum + row.children, 0);
		console.log(
			`Area ${safe(area.name)} (${safe(area.code)}${area.gss ? `, ${area.gss}` : ''})${children > 0 ? `: children aged 0–17 ${count(children)}` : ''}`
		);
	}
}

/** `--areas`: an ONS mid-year estimate file or a simple areas file, read as the area reference. */
async function readAreas(path: string): Promise<AreaReference> {
	const outcome = await ingestFile({ name: basename(path), bytes: new Uint8Array(await readFile(path)) });
	if (outcome.status !== 'population' && outcome.status !== 'areas')
		throw new Error(
			`--areas ${path}: not an ONS mid-year estimate file or an areas file (code, name[, population]).`
		);
	return areaReference(outcome.areas.title, outcome.areas.areas);
}

async function main(argv: readonly string[]): Promise<number> {
	let args: Arguments;
	try {
		args = parseArguments(argv, flags, schema);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		if (error.message) console.error(error.message);
		console.error(usage);
		return 2;
	}

	const files: { name: string; bytes: Uint8Array }[] = [];
	let profile: MappingProfile | undefined;
	let areas: AreaReference | undefined;
	try {
		for (const path of args.files)
			files.push({ name: basename(path), bytes: new Uint8Array(await readFile(path)) });
		if (args.mapping) profile = parseMappingProfile(await readFile(args.mapping, 'utf8'));
		if (args.areas) areas = await readAreas(args.areas);
	} catch (error) {
		console.error(error instanceof Error ? error.message : String(error));
		return 2;
	}

	const outcomes: IngestOutcome[] = [];
	for (const file of files) {
		outcomes.push(
			await ingestFile(file, {
				table: args.table,
				profile,
				today: args.today,
				sheet: args.sheet,
				constants: args.set,
				contractCheck: 'sample',
				areas
			})
		);
	}
	// Header and Episodes tables enrich the missing episodes of the same command, whichever order they came in.
	const references = outcomes.flatMap((outcome) =>
		outcome.status === 'reference' ? [outcome.reference] : []
	);
	const enriched = outcomes.map((outcome) =>
		outcome.status === 'loaded' && outcome.result.table === 'missing_episodes' && references.length > 0
			? {
					...outcome,
					result: enrichEpisodes(outcome.result, references, areas ?? cambridgeshireAndPeterborough)
				}
			: outcome
	);
	const loadedFiles = enriched.filter((outcome) => outcome.status === 'loaded');
	if (args.report && loadedFiles.length > 1) {
		console.error('--report writes the report of one loaded file: give the files one at a time.');
		return 2;
	}
	if (areas) console.log(`Areas: ${safe(areas.title)}, ${count(areas.areas.length)} areas (--areas)`);
	let code = 0;
	for (const [index, outcome] of enriched.entries()) {
		if (index > 0) console.log('');
		const missing = enriched.filter(
			(other) => other.status === 'loaded' && other.result.table === 'missing_episodes'
		);
		code = Math.max(code, await printOutcome(files[index]!.name, outcome, args, missing.length > 0));
	}
	return code;
}

/** One file's report; returns its exit code. `withEpisodes`: a Missing table came in the same command. */
async function printOutcome(
	name: string,
	outcome: IngestOutcome,
	args: Arguments,
	withEpisodes: boolean
): Promise<number> {
	console.log(`Sightline validation report: ${safe(name)}`);
	if (outcome.status === 'reference') {
		console.log(safe(outcome.reason));
		console.log(
			withEpisodes
				? 'Used to enrich the missing episodes of this command (see their report).'
				: 'No missing episodes were given with it: give the SSDA903 Missing table in the same command, e.g. npm run validate -- missing.csv header.csv episodes.csv'
		);
		const { issues } = outcome.reference;
		if (issues.length > 0) {
			console.log(`\nWarnings (${count(issues.length)}), rows not used:`);
			for (const issue of issues) console.log(describeIssue(issue));
		}
		return 0;
	}
	if (outcome.status === 'unreadable') {
		console.log(`Cannot read this file: ${safe(outcome.reason)}`);
		return 2;
	}
	if (outcome.status === 'recognised') {
		console.log(safe(outcome.reason));
		console.log('Nothing was loaded.');
		// A workbook waits for the user's choice of list; a table Sightline does not load is an answer.
		return outcome.sheets ? 2 : 0;
	}
	if (outcome.status === 'population') {
		const { population } = outcome;
		console.log(safe(outcome.reason));
		console.log(
			`Rows: read ${count(population.read)}, used ${count(population.used)}, skipped ${count(population.skipped)} (${population.layout} layout)`
		);
		for (const area of population.areas) {
			const rows = population.rows.filter((row) => row.district === area.code);
			const total = (band: string) =>
				rows.filter((row) => row.age_band === band).reduce((sum, row) => sum + row.children, 0);
			console.log(
				`Area ${safe(area.name)} (${safe(area.code)}${area.inReference ? '' : ', not in the bundled area reference'}): children aged 0–9 ${count(total('0-9'))}, 10–17 ${count(total('10-17'))}${new Set(rows.map((row) => row.year)).size > 1 ? ' (all years)' : ''}`
			);
		}
		// The notes are in the reason, printed above.
		return 0;
	}
	if (outcome.status === 'areas') {
		console.log(safe(outcome.reason));
		printAreas(outcome.areas);
		return 0;
	}
	if (outcome.status === 'needs-mapping') {
		console.log(`Table: ${outcome.match.table}`);
		console.log(`Cannot load this file yet: ${safe(outcome.reason)}`);
		console.log(`Headings found: ${outcome.headers.map((header) => `"${safe(header)}"`).join(', ')}`);
		return 2;
	}

	const { result, match } = outcome;
	const file = result.files[0]!;
	const format = [
		file.format.toUpperCase(),
		file.encoding,
		file.delimiter ? `delimiter ${JSON.stringify(file.delimiter)}` : null,
		file.sheet ? `sheet "${safe(file.sheet)}"` : null
	].filter(Boolean);
	console.log(`Format: ${format.join(', ')}; ${count(file.bytes)} bytes; SHA-256 ${file.sha256}`);
	console.log(`Table: ${result.table}${file.recognised ? ` (${safe(file.recognised)})` : ''}`);
	console.log(
		`Columns: ${match.columns.map((column) => `${column.field} ← "${safe(column.header)}"${column.how === 'close' || column.how === 'words' ? ' (close match)' : ''}`).join('; ')}`
	);
	if (match.ignored.length > 0)
		console.log(`Ignored columns: ${match.ignored.map((h) => `"${safe(h)}"`).join(', ')}`);
	console.log(
		`Rows: read ${count(result.read)}, loaded ${count(result.loaded)}, rejected ${count(result.rejectedRows)}${result.outOfScope > 0 ? `, out of scope ${count(result.outOfScope)}` : ''}, warnings ${count(result.warnings.length)}${result.blankRows > 0 ? ` (blank rows skipped: ${count(result.blankRows)})` : ''}`
	);
	if (result.dateRange) {
		const label = tables[result.table].field(result.dateRange.field).label;
		console.log(`${label} range: ${result.dateRange.min} to ${result.dateRange.max}`);
	}
	for (const note of file.notes) console.log(`Note: ${safe(note)}`);
	for (const enrichment of result.enrichments ?? []) console.log(`Enriched: ${safe(enrichment.message)}`);
	console.log(
		'Row numbers: data row 1 is the first row after the headings; line is the line (or sheet row) in the file.'
	);
	if (result.rejected.length > 0) {
		console.log(`\nRejected rows (${count(result.rejectedRows)}):`);
		for (const issue of result.rejected) console.log(describeIssue(issue));
	}
	if (result.warnings.length > 0) {
		console.log(`\nWarnings (${count(result.warnings.length)}), rows kept:`);
		for (const issue of result.warnings) console.log(describeIssue(issue));
	}
	if (args.report) {
		await writeFile(args.report, reportToCsv(result), 'utf8');
		console.log(`\nReport written to ${args.report}`);
	}
	return result.rejectedRows > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
		process.exitCode = 2;
	}
);
