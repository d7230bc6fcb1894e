import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Browser } from 'playwright-core';
import { loadPopulation } from '../../src/lib/engine/load-reference';
import { loadStaged } from '../../src/lib/engine/load-staged';
import { createSchema, refreshFacts } from '../../src/lib/engine/load-tables';
import { createNativeEngine } from '../../src/lib/engine/native-engine';
import { sql, Sql } from '../../src/lib/sql/sql';
import { launchChromium } from '../helpers/chromium';
import { dataPageLoad, extract, loadPhaseNames, phaseMedianCells } from './load-extract';
import { median, startPreview } from './preview-server';
import { startStaticServer } from './static-server';

type Format = 'csv' | 'parquet';
const formats = (process.env.BENCH_FORMATS?.split(',') ?? ['csv', 'parquet']) as readonly Format[];
const today = '2026-12-07';
const port = Number(process.env.BENCH_PORT ?? 4471);
/** Native DuckDB's memory limit in every native run (the machine is shared: it spills beyond this). */
const memoryLimit = process.env.BENCH_MEMORY_LIMIT ?? '6GB';
/** An earlier `build/` to load beside today's, run after run in turn in one browser (runs minutes apart differ). */
const before = process.env.BENCH_BEFORE;

/** The largest resident memory of this process while `run` runs, sampled every 200 ms, in GB. */
async function withPeakRss<T>(run: () => Promise<T>): Promise<{ result: T; peakGb: number }> {
	let peak = process.memoryUsage.rss();
	const timer = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage.rss());
	}, 200);
	try {
		const result = await run();
		peak = Math.max(peak, process.memoryUsage.rss());
		return { result, peakGb: peak / 1e9 };
	} finally {
		clearInterval(timer);
	}
}

/**
 * Load baselines (issue 14), in one run: per size and format, the Data page's load in headless Chromium,
 * the in-browser floor in the same browser (DuckDB-WASM's own `read_csv`, all VARCHAR, for CSV;
 * parquet-wasm → Arrow → insert for Parquet), native DuckDB reading the same file (`@duckdb/node-api`, the
 * same DuckDB build), and the native command's whole load (`npm run native`: stage, check with the Data
 * page's rules, insert, facts and cubes), as medians of BENCH_RUNS runs (default 3) with their ratios.
 * Parquet is written by native DuckDB from the generator's CSV. 100k and 1M always; BENCH_10M=1 adds 10M
 * rows natively (the 1M extract ten times over with suffixed IDs, written by native DuckDB as Parquet and
 * CSV in a temporary folder, deleted afterwards) and BENCH_100M=1 a single native command run at 100M from
 * Parquet, likewise. BENCH_SIZES=100k,1M picks sizes; BENCH_NATIVE_ONLY=1 skips the browser. Native runs
 * hold at most BENCH_MEMORY_LIMIT (default 6GB) and spill beyond it; each prints its peak resident memory.
 * BENCH_BEFORE=dir (a copy of an earlier `build/`) loads each file on that build too, on BENCH_PORT + 1, in
 * turn with today's build in the same browser, each build served alike by a plain static server: the table
 * then has a row per build, named before / after, and a table of each build's phase medians follows
 * (`sightline:load:<phase>`); the native runs, the same for both builds, are skipped. The floor is served on BENCH_FLOOR_PORT (default the port after the builds').
 */
export async function loadBaselines(runs = Number(process.env.BENCH_RUNS ?? 3)): Promise<void> {
	const onlySizes = process.env.BENCH_SIZES?.split(',');
	const nativeOnly = process.env.BENCH_NATIVE_ONLY === '1';
	const table = [
		'| rows | format | file (MB) | Data page (s) | DuckDB-WASM floor (s) | native read (s) | native command (s) | page ÷ floor | floor ÷ native | command ÷ native read |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |'
	];
	const builds = nativeOnly
		? []
		: before
			? [
					{ name: 'after', ...(await startStaticServer(port, false)) },
					{ name: 'before', ...(await startStaticServer(port + 1, false, {}, before)) }
				]
			: [{ name: undefined, ...(await startPreview(port)) }];
	const floorPort = Number(process.env.BENCH_FLOOR_PORT ?? port + builds.length);
	const floor = nativeOnly ? undefined : await startFloorServer(floorPort);
	const phaseLines = [
		`| rows | format | build | Data page (s) | ÷ floor | ${loadPhaseNames.join(' | ')} |`,
		`| --- | --- | --- | --- | --- | ${loadPhaseNames.map(() => '---').join(' | ')} |`
	];
	const browser = nativeOnly ? undefined : await launchChromium();
	try {
		for (const { label, rows } of [
			{ label: '100k', rows: 100_000 },
			{ label: '1M', rows: 1_000_000 }
		]) {
			if (onlySizes && !onlySizes.includes(label)) continue;
			const dir = extract(label, rows);
			const files = await nativeFiles(dir, `${dir}/native`, 1);
			for (const format of formats) {
				const path = files[format];
				const pages = builds.map(() => [] as { seconds: number; phases: Record<string, number> }[]);
				const wasm: number[] = [];
				const read: number[] = [];
				const command: number[] = [];
				for (let run = 0; run < runs; run++) {
					if (browser && floor) {
						// Alternate which build goes first, so neither always follows the floor.
						const order = builds.map((_, at) => at);
						if (run % 2 === 1) order.reverse();
						for (const at of order) {
							const loaded = await dataPageLoad(browser, builds[at]!.baseUrl, path, rows);
							console.log(`  ${builds[at]!.name ?? 'Data page'}: ${loaded.seconds.toFixed(1)} s`);
							pages[at]!.push(loaded);
						}
						wasm.push(await timeFloor(browser, floor.baseUrl, path, rows));
						console.log(`  floor: ${wasm.at(-1)!.toFixed(1)} s`);
					}
					if (!before) {
						read.push(await timeNativeRead(path, format, rows));
						command.push(await timeNativeCommand(path, format, rows));
					}
				}
				for (const [at, build] of (builds.length > 0 ? builds : [{ name: undefined }]).entries()) {
					const seconds = pages[at]?.map((loaded) => loaded.seconds) ?? [];
					const name = `${format.toUpperCase()}${build.name ? ` (${build.name})` : ''}`;
					table.push(row(label, name, path, seconds, wasm, read, command));
					console.log(table.at(-1));
					if (seconds.length > 0)
						phaseLines.push(
							`| ${label} | ${format.toUpperCase()} | ${build.name ?? '–'} | ${median(seconds).toFixed(1)} | ${ratio(seconds, wasm)} | ${phaseMedianCells(pages[at]!).join(' | ')} |`
						);
				}
			}
		}
		if (process.env.BENCH_10M === '1') await largeRuns(table, 10, runs);
		if (process.env.BENCH_100M === '1') await largeRuns(table, 100, 1);
	} finally {
		await browser?.close();
		floor?.stop();
		for (const build of builds) build.stop();
	}
	console.log(table.join('\n'));
	if (phaseLines.length > 2) console.log(`\nPhases (medians, s):\n${phaseLines.join('\n')}`);
}

const seconds = (values: readonly number[]) => (values.length > 0 ? median(values).toFixed(2) : '–');
const ratio = (a: readonly number[], b: readonly number[]) =>
	a.length > 0 && b.length > 0 ? `${(median(a) / median(b)).toFixed(1)}×` : '–';

function row(
	label: string,
	format: string,
	path: string,
	page: number[],
	wasm: number[],
	read: number[],
	command: number[]
): string {
	const megabytes = (statSync(path).size / 1e6).toFixed(0);
	return `| ${label} | ${format} | ${megabytes} | ${seconds(page)} | ${seconds(wasm)} | ${seconds(read)} | ${seconds(command)} | ${ratio(page, wasm)} | ${ratio(wasm, read)} | ${ratio(command, read)} |`;
}

/** 10M or 100M rows: the 1M extract `times` over, natively only, in a temporary folder deleted afterwards. */
async function largeRuns(table: string[], times: number, runs: number): Promise<void> {
	const label = `${times}M`;
	const folder = mkdtempSync(join(tmpdir(), `sightline-bench-${label}-`));
	try {
		const files = await nativeFiles(
			extract('1M', 1_000_000),
			folder,
			times,
			times === 100 ? ['parquet'] : formats
		);
		for (const format of times === 100 ? (['parquet'] as const) : formats) {
			const read: number[] = [];
			const command: number[] = [];
			for (let run = 0; run < runs; run++) {
				read.push(await timeNativeRead(files[format], format, times * 1_000_000));
				command.push(await timeNativeCommand(files[format], format, times * 1_000_000, folder));
			}
			table.push(row(label, format.toUpperCase(), files[format], [], [], read, command));
			console.log(table.at(-1));
		}
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

/**
 * The referrals of an extract as native DuckDB writes them: Parquet (typed as DuckDB reads the CSV) and, when
 * `times` > 1, the rows `times` over with IDs suffixed `-k`, so every referral and child is distinct.
 */
async function nativeFiles(
	dir: string,
	out: string,
	times: number,
	wanted: readonly Format[] = formats
): Promise<Record<Format, string>> {
	mkdirSync(out, { recursive: true });
	const files = {
		csv: times === 1 ? `${dir}/referrals.csv` : `${out}/referrals.csv`,
		parquet: `${out}/referrals.parquet`
	};
	// Without insertion order, DuckDB writes the copies as they come instead of holding (and spilling) rows to
	// keep the join's order: the same rows, in an order no figure depends on.
	const instance = await DuckDBInstance.create(':memory:', {
		memory_limit: memoryLimit,
		preserve_insertion_order: 'false'
	});
	const connection = await instance.connect();
	const source =
		times === 1
			? sql`SELECT * FROM read_csv(${`${dir}/referrals.csv`}, header = true)`
			: sql`SELECT * REPLACE (referral_id || '-' || k AS referral_id, child_id || '-' || k AS child_id) FROM read_csv(${`${dir}/referrals.csv`}, header = true), range(${times}) AS copies(k)`;
	for (const format of wanted) {
		if (existsSync(files[format]) && (format === 'parquet' || times > 1)) continue;
		if (format === 'csv' && times === 1) continue;
		const started = performance.now();
		const options = new Sql(format === 'csv' ? 'FORMAT csv, HEADER' : 'FORMAT parquet');
		await connection.run(sql`COPY (${source}) TO ${files[format]} (${options})`.text);
		console.log(`wrote ${files[format]} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	}
	connection.closeSync();
	instance.closeSync();
	return files;
}

/** Native DuckDB reading the file into a table, in a fresh in-memory database: the floor of any load. */
async function timeNativeRead(path: string, format: Format, rows: number): Promise<number> {
	const spill = mkdtempSync(join(tmpdir(), 'sightline-read-'));
	const instance = await DuckDBInstance.create(':memory:', {
		memory_limit: memoryLimit,
		temp_directory: spill
	});
	const connection = await instance.connect();
	try {
		const started = performance.now();
		const read =
			format === 'csv'
				? sql`CREATE TABLE t AS SELECT * FROM read_csv(${path}, header = true, all_varchar = true)`
				: sql`CREATE TABLE t AS SELECT * FROM read_parquet(${path})`;
		const { peakGb } = await withPeakRss(() => connection.run(read.text));
		const seconds = (performance.now() - started) / 1000;
		const counted = Number((await connection.runAndReadAll('SELECT count(*) FROM t')).getRows()[0]![0]);
		if (counted !== rows) throw new Error(`native read ${counted} rows of ${path}, not ${rows}`);
		console.log(
			`  native read ${format} ${rows.toLocaleString('en-GB')}: ${seconds.toFixed(1)} s, peak resident ${peakGb.toFixed(2)} GB (limit ${memoryLimit})`
		);
		return seconds;
	} finally {
		connection.closeSync();
		instance.closeSync();
		rmSync(spill, { recursive: true, force: true });
	}
}

/**
 * The native command's load of a referrals file, in-process: schema, population, staged check and insert,
 * facts and cubes, into a database file in a temporary folder (deleted afterwards).
 */
async function timeNativeCommand(
	path: string,
	format: Format,
	rows: number,
	folder?: string
): Promise<number> {
	const dir = mkdtempSync(join(folder ?? tmpdir(), 'sightline-native-'));
	const engine = await createNativeEngine(join(dir, 'sightline.duckdb'), { memoryLimit });
	try {
		const started = performance.now();
		const { result: load, peakGb } = await withPeakRss(async () => {
			await createSchema(engine, 'sightline-bench');
			await loadPopulation(engine, readFileSync('data/reference/district-population.csv', 'utf8'));
			const staged = await loadStaged(engine, 'referrals', { path, format }, { today });
			const factsStart = performance.now();
			await refreshFacts(engine);
			console.log(`  facts and cubes ${((performance.now() - factsStart) / 1000).toFixed(1)} s`);
			return staged;
		});
		const seconds = (performance.now() - started) / 1000;
		if (load.loaded !== rows) throw new Error(`the native command loaded ${load.loaded} of ${rows} rows`);
		console.log(
			`  native command ${format} ${rows.toLocaleString('en-GB')}: read ${(load.phases.read / 1000).toFixed(1)} s, check ${(load.phases.check / 1000).toFixed(1)} s, insert ${(load.phases.insert / 1000).toFixed(1)} s, total ${seconds.toFixed(1)} s, peak resident ${peakGb.toFixed(2)} GB (limit ${memoryLimit})`
		);
		return seconds;
	} finally {
		await engine.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The in-browser floor: choose the file on the floor page and wait until DuckDB-WASM holds its rows. */
export async function timeFloor(
	browser: Browser,
	baseUrl: string,
	path: string,
	rows: number
): Promise<number> {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(`${baseUrl}/`);
		await page.evaluate(() => window.floorReady);
		const started = Date.now();
		await page.locator('#file').setInputFiles(path);
		await page.waitForFunction(() => window.floorDone !== undefined, null, {
			timeout: 1_800_000,
			polling: 100
		});
		const seconds = (Date.now() - started) / 1000;
		const done = await page.evaluate(() => window.floorDone);
		if (typeof done === 'string' || done?.rows !== rows)
			throw new Error(`the DuckDB-WASM floor did not load ${path}: ${JSON.stringify(done)}`);
		return seconds;
	} finally {
		await context.close();
	}
}

interface FloorWindow {
	floorReady: Promise<void>;
	floorDone: { ms: number; rows: number } | string | undefined;
}
declare const window: FloorWindow;

/** Serves the floor page: its bundled script, DuckDB-WASM's worker and wasm, parquet-wasm's wasm. */
export async function startFloorServer(floorPort: number): Promise<{ baseUrl: string; stop: () => void }> {
	const { build } = await import('esbuild');
	const bundle = await build({
		entryPoints: ['tests/bench/browser-floor/floor-page.ts'],
		bundle: true,
		format: 'esm',
		write: false,
		logLevel: 'error'
	});
	const script = bundle.outputFiles[0]!.contents;
	const duckdbDist = resolve('node_modules/@duckdb/duckdb-wasm/dist');
	const parquetDist = resolve('node_modules/parquet-wasm/esm');
	const types: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
	const server: Server = createServer((request, response) => {
		const url = request.url ?? '/';
		const file = url.startsWith('/duckdb/')
			? join(duckdbDist, url.slice('/duckdb/'.length))
			: url.startsWith('/parquet/')
				? join(parquetDist, url.slice('/parquet/'.length))
				: undefined;
		if (url === '/') {
			response.writeHead(200, { 'content-type': 'text/html' });
			response.end(
				'<!doctype html><input type="file" id="file"><script type="module" src="/floor.js"></script>'
			);
		} else if (url === '/floor.js') {
			response.writeHead(200, { 'content-type': 'text/javascript' });
			response.end(script);
		} else if (file && existsSync(file)) {
			response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
			response.end(readFileSync(file));
		} else {
			response.writeHead(404);
			response.end();
		}
	});
	await new Promise<void>((done) => server.listen(floorPort, '127.0.0.1', done));
	return { baseUrl: `http://127.0.0.1:${floorPort}`, stop: () => server.close() };
}
