/**
 * Native load, for extracts too large for a browser: `npm run native -- --referrals R.csv|.parquet
 * [--missing M.csv|.parquet] --out sightline.duckdb [--today yyyy-mm-dd] [--secret TEXT] [--page overview]
 * [--publication] [--report REPORT.csv] [--memory-limit 6GB] [--threads N]`. Loads files in the contract's own layout with native DuckDB
 * (`@duckdb/node-api`), checks them with the Data page's rules and parsers (`engine/load-staged.ts`), accounts
 * for every row, builds the app's facts and cubes with the app's SQL, and writes them to a DuckDB database
 * file any DuckDB client can open. `--page overview` prints the Overview's query answers as CSV, through
 * the same publication seam as the app (`--publication` for publication mode). DuckDB holds at most
 * `--memory-limit` (default: half the memory available at start) and spills the rest to `DATABASE.tmp`
 * beside the database, deleted when the command ends; it runs on `--threads` (default: one per core DuckDB
 * may use).
 * Exit codes: 0 every row loaded; 1 some rows rejected; 2 a file or an argument cannot be used.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { TableName } from '../lib/contract';
import { loadPopulation } from '../lib/engine/load-reference';
import { loadStaged, StagedFileError, type StagedLoad } from '../lib/engine/load-staged';
import { createSchema, refreshFacts } from '../lib/engine/load-tables';
import { createNativeEngine, defaultMemoryLimit } from '../lib/engine/native-engine';
import { reportToCsv } from '../lib/ingest/report-to-csv';
import { sql } from '../lib/sql/sql';
import { z } from 'zod';
import { isoDay, memoryAmount, parseArguments, UsageError } from './arguments';
import { pageCsv } from './page-csv';

const usage =
	'Usage: npm run native -- --referrals FILE [--missing FILE] --out DATABASE.duckdb [--today yyyy-mm-dd] [--secret TEXT] [--page overview] [--publication] [--report REPORT.csv] [--memory-limit 6GB] [--threads N]';

const schema = z.object({
	files: z
		.array(z.string())
		.max(0, { message: 'Give each file with its flag: --referrals FILE, --missing FILE.' }),
	referrals: z.string({ message: 'Give the referrals file (--referrals).' }),
	missing: z.string().optional(),
	out: z.string({ message: 'Give the database file to write (--out).' }),
	today: isoDay.default(() => new Date().toISOString().slice(0, 10)),
	secret: z.string().optional(),
	page: z.literal('overview', { message: '--page: only overview for now.' }).optional(),
	publication: z.boolean().default(false),
	report: z.string().optional(),
	'memory-limit': memoryAmount.optional(),
	threads: z.coerce
		.number({ message: '--threads: give a whole number of threads, 1 or more.' })
		.int({ message: '--threads: give a whole number of threads, 1 or more.' })
		.min(1, { message: '--threads: give a whole number of threads, 1 or more.' })
		.optional()
});
type Arguments = z.infer<typeof schema>;

const flags = {
	referrals: 'value',
	missing: 'value',
	out: 'value',
	today: 'value',
	secret: 'value',
	page: 'value',
	publication: 'switch',
	report: 'value',
	'memory-limit': 'value',
	threads: 'value'
} as const;

function formatOf(path: string): 'csv' | 'parquet' {
	const extension = extname(path).toLowerCase();
	if (extension === '.parquet') return 'parquet';
	if (extension === '.csv') return 'csv';
	throw new UsageError(`${path}: give a .csv or .parquet file in the contract's layout.`);
}

const count = (n: number) => n.toLocaleString('en-GB');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function printLoad(load: StagedLoad): void {
	console.log(`${load.table}: ${load.file}`);
	console.log(
		`  Rows: read ${count(load.read)}, loaded ${count(load.loaded)}, rejected ${count(load.rejectedRows)}, out of scope ${count(load.outOfScope)}, warnings ${count(load.warningCount)}${load.blankRows > 0 ? ` (blank rows skipped: ${count(load.blankRows)})` : ''}`
	);
	if (load.dateRange) console.log(`  Dates: ${load.dateRange.min} to ${load.dateRange.max}`);
	if (load.ignored.length > 0) console.log(`  Ignored columns: ${load.ignored.join(', ')}`);
	console.log(
		`  Time: read ${seconds(load.phases.read)}, check ${seconds(load.phases.check)}, insert ${seconds(load.phases.insert)}`
	);
	const shown = (issues: StagedLoad['rejected'], total: number, title: string) => {
		if (total === 0) return;
		console.log(
			`  ${title} (${count(total)}${issues.length < total ? `, first ${count(issues.length)}` : ''}):`
		);
		for (const issue of issues.slice(0, 20))
			console.log(
				`    data row ${issue.row}, column "${issue.column}"${issue.value ? `, value "${issue.value}"` : ''}: ${issue.reason}`
			);
		if (issues.length > 20) console.log(`    … (all of them in --report)`);
	};
	shown(load.rejected, load.rejectedIssues, 'Rejected');
	shown(load.warnings, load.warningCount, 'Warnings, rows kept');
}

async function main(argv: readonly string[]): Promise<number> {
	let args: Arguments;
	const files: { table: TableName; path: string; format: 'csv' | 'parquet' }[] = [];
	try {
		args = parseArguments(argv, flags, schema);
		files.push({ table: 'referrals', path: args.referrals, format: formatOf(args.referrals) });
		if (args.missing)
			files.push({ table: 'missing_episodes', path: args.missing, format: formatOf(args.missing) });
		for (const file of files) if (!existsSync(file.path)) throw new UsageError(`${file.path}: no such file.`);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		if (error.message) console.error(error.message);
		console.error(usage);
		return 2;
	}

	// A fresh database each time: the file holds exactly this load.
	for (const path of [args.out, `${args.out}.wal`, `${args.out}.tmp`])
		rmSync(path, { recursive: true, force: true });
	const memoryLimit = args['memory-limit'] ?? defaultMemoryLimit();
	const engine = await createNativeEngine(args.out, {
		memoryLimit,
		tempDirectory: `${args.out}.tmp`,
		...(args.threads ? { threads: args.threads } : {})
	});
	const [settings] = await engine.query<{ threads: number }>(
		sql`SELECT current_setting('threads') AS threads`
	);
	console.log(
		`DuckDB memory limit ${memoryLimit}, ${settings?.threads} threads, spilling to ${args.out}.tmp`
	);
	try {
		const started = performance.now();
		// Without --secret, record keys are keyed by a fresh random secret, as a new browser profile's are.
		await createSchema(engine, args.secret ?? randomBytes(32).toString('hex'));
		await loadPopulation(engine, readFileSync('data/reference/district-population.csv', 'utf8'));
		const loads: StagedLoad[] = [];
		for (const file of files) {
			const load = await loadStaged(engine, file.table, file, { today: args.today, listLimit: 10_000 });
			printLoad(load);
			loads.push(load);
		}
		const factsStart = performance.now();
		await refreshFacts(engine);
		console.log(`Facts and cubes: ${seconds(performance.now() - factsStart)}`);
		console.log(`Total: ${seconds(performance.now() - started)}; written to ${args.out}`);
		if (args.report) {
			await writeFile(args.report, reportToCsv(asReport(loads)), 'utf8');
			console.log(`Report written to ${args.report}`);
		}
		if (args.page) process.stdout.write(await pageCsv(engine, args.page, args.publication));
		return loads.some((load) => load.rejectedRows > 0) ? 1 : 0;
	} catch (error) {
		if (error instanceof StagedFileError) {
			console.error(error.message);
			return 2;
		}
		throw error;
	} finally {
		await engine.close();
	}
}

/**
 * The report CSV the validate command and the Data page write: a summary row per file, then its listed
 * rejections and warnings (at most 10,000 of each per file; the summary's counts are complete).
 */
function asReport(loads: readonly StagedLoad[]): Parameters<typeof reportToCsv>[0] {
	const files = loads.map((load) => ({
		name: load.file,
		read: load.read,
		loaded: load.loaded,
		rejectedRows: load.rejectedRows,
		outOfScope: load.outOfScope
	}));
	return {
		// reportToCsv reads only these counts of a file; the rest of the browser's file record has no native equivalent.
		files: files as unknown as Parameters<typeof reportToCsv>[0]['files'],
		rejected: loads.flatMap((load) => load.rejected),
		warnings: loads.flatMap((load) => load.warnings)
	};
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
