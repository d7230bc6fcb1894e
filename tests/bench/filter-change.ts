import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from 'playwright-core';
import { areaReference, districts } from '../../src/lib/contract';
import { loadPopulation, replaceAreas } from '../../src/lib/engine/load-reference';
import { ingestFile } from '../../src/lib/ingest/ingest-file';
import { createSchema, loadContractCsv, refreshFacts } from '../../src/lib/engine/load-tables';
import { createNodeEngine } from '../../src/lib/engine/node-engine';
import type { Engine } from '../../src/lib/engine/engine';
import { ident, join, literal, sql, Sql } from '../../src/lib/sql/sql';
import { launchChromium } from '../helpers/chromium';
import { cohortChanges, cohortToggles, type FilterChange } from './cohort-changes';
import { periodChanges } from './period-changes';
import { mainThreadSplit, markedSpans, type TraceEvent } from './main-thread-split';
import { threadOverlap } from './thread-overlap';
import { workerBusy } from './worker-busy';
import { median, percentile, startPreview } from './preview-server';
import { startStaticServer } from './static-server';

/**
 * The User Timing measures a traced change is split by: the worker round trip, Arrow decode and rows
 * (browser-engine.ts), publication and reshape (query.svelte.ts), Plot (Chart.svelte).
 */
const profiled = [
	'sightline:worker',
	'sightline:decode',
	'sightline:rows',
	'sightline:shape',
	'sightline:render'
] as const;

/** Any fixed secret: benches time queries, whatever the record keys. */
const TEST_SECRET = 'sightline-bench';

/**
 * `copies` > 1: the 1M extract that many times over (`replicatedExtract`), run only when BENCH_SIZES names it
 * (its load through the Data page takes 20 to 30 minutes on the 2-core machine).
 */
export const sizes = [
	{ label: '10k', rows: 10_000, copies: 1 },
	{ label: '100k', rows: 100_000, copies: 1 },
	{ label: '1M', rows: 1_000_000, copies: 1 },
	{ label: '10M', rows: 10_000_000, copies: 10 }
];
/** Pages by their navigation label: links are relative (`../trends/`), so they are found by name. */
const pages = process.env.BENCH_PAGES?.split(',') ?? [
	'Overview',
	'Trends',
	'Children',
	'Indicators',
	'Missing episodes',
	'Districts',
	'Pathway'
];
/**
 * Set BENCH_BEFORE=dir (a copy of an earlier `build/`) to time it beside the current build in the same run:
 * each page is timed on one and then the other, so both meet the same machine load (the table and the
 * traced lines name them "before" and "after").
 */
const before = process.env.BENCH_BEFORE;
/** Set BENCH_QUERIES=dir to write every query run with its browser time, per size and page, as JSON. */
const queryDump = process.env.BENCH_QUERIES;

interface QueryMeasure {
	sql: string;
	ms: number;
}

const changes = Number(process.env.BENCH_CHANGES ?? 10);
/**
 * Set BENCH_TRACE=n to follow each page's timed changes with n more under a Chrome trace (not in the table:
 * tracing slows the page), printing per change how long the DuckDB worker was busy and idle, the query path's
 * and the views' parts (User Timing), and the main thread's time by kind of work.
 */
const traced = Number(process.env.BENCH_TRACE ?? 0);
/** Set BENCH_TRACE_DIR=dir to keep each page's trace there as JSON, for a closer look. */
const traceDir = process.env.BENCH_TRACE_DIR;
/**
 * Each change ticks or unticks one district in the filter bar, in the order of a Gray code: change k flips
 * the district of the lowest set bit of k + 1, so the first 2⁶ − 1 changes from no filter each reach a filter
 * state not reached before on that page, and no answer comes from the cache. Each page rotates the districts
 * (page p flips district bit + p, of `areas` in the menu), so its states come in another order than the pages
 * before it.
 */
export const clickFor = (page: number, change: number, areas = districts.codes.length) => {
	const step = change + 1;
	if (step >= 2 ** 6) throw new Error('Every filter state has been reached: fewer changes');
	return (Math.log2(step & -step) + page) % areas;
};

/**
 * Set BENCH_FILTERS=cohort to change the cohort filters instead (indicators, single-year age, intervention,
 * stage: `cohort-changes.ts`), through the filter bar, in a Gray code of their own;
 * BENCH_FILTERS=cohort-no-indicators leaves the indicators out (every page reads the facts under them).
 */
const cohortMode = process.env.BENCH_FILTERS?.startsWith('cohort') === true;
/** Set BENCH_FILTERS=period to type periods that start and end mid-month instead (`period-changes.ts`). */
const periodMode = process.env.BENCH_FILTERS === 'period';
const cohortToggleSet =
	process.env.BENCH_FILTERS === 'cohort-no-indicators'
		? cohortToggles.filter((toggle) => toggle.indicator !== true)
		: cohortToggles;

function extract(label: string, rows: number): string {
	const dir = `data/bench/${label}`;
	if (!existsSync(`${dir}/referrals.csv`)) {
		execFileSync(
			'npx',
			['tsx', 'data/generator/cli.ts', '--rows', String(rows), '--seed', 'bench', '--out', dir],
			{
				stdio: 'inherit'
			}
		);
	}
	return dir;
}

/**
 * Copy k's identifiers, as long as the 1M extract's, so the file's size estimates its rows as the Data page
 * does (`ingest/browser-budget.ts`: a 10M CSV with suffixed IDs is estimated at 10.2M rows and refused):
 * referral R0000001 becomes A0000001 in copy 0, B0000001 in copy 1; child C-0d74a5de9e becomes C00d74a5de9e,
 * C10d74a5de9e. Episodes, copied once, keep their own IDs: the Data page checks an appended file's IDs
 * against both tables' (`file-loader.svelte.ts`), so episode M0000001 renamed A0000001 was a duplicate of
 * referral A0000001, and a million episodes were rejected.
 */
const copyIds = (id: string, renamed: boolean) =>
	sql`${renamed ? sql`chr(CAST(65 + k AS INTEGER)) || substr(${ident(id)}, 2)` : ident(id)} AS ${ident(id)}, 'C' || k || substr(child_id, 3) AS child_id`;

/**
 * The 1M extract `copies` times over, written once by native DuckDB to `data/bench/<label>`: each referral
 * `copies` times with its referral and child IDs changed per copy (`copyIds`), so every referral and child is
 * distinct and each copy has the 1M extract's figures (written in about 2 to 6 minutes on the shared machine).
 * Missing episodes once, for the children of copy 0: the 1M extract's 1.58M episodes
 * (15.8M beside 10M referrals would not fit in DuckDB-WASM's 4 GB with them), so the Missing episodes page
 * is timed at 10M referrals but 1.58M episodes.
 */
export async function replicatedExtract(label: string, copies: number): Promise<string> {
	const dir = `data/bench/${label}`;
	if (existsSync(`${dir}/missing_episodes.csv`)) return dir;
	const one = extract('1M', 1_000_000);
	mkdirSync(dir, { recursive: true });
	const instance = await DuckDBInstance.create(':memory:', { memory_limit: '2GB' });
	const connection = await instance.connect();
	try {
		const copied = (table: string, id: string, times: number) =>
			sql`SELECT * EXCLUDE (k) REPLACE (${copyIds(id, times > 1)}) FROM read_csv(${`${one}/${table}.csv`}, header = true, all_varchar = true), range(${times}) AS copies(k)`;
		for (const [table, id, times] of [
			['referrals', 'referral_id', copies],
			['missing_episodes', 'episode_id', 1]
		] as const)
			await connection.run(
				sql`COPY (${copied(table, id, times)}) TO ${`${dir}/${table}.csv`} (FORMAT csv, HEADER)`.text
			);
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
	return dir;
}

/**
 * The Node engine's tables, for the raw column and the cube floor. A replicated extract's files are longer
 * than V8's longest string (536,870,888 characters), so its 1M source is loaded and copied in SQL, the IDs
 * changed as in its files: the same rows as the page loads.
 */
export async function loadNodeTables(engine: Engine, dir: string, copies: number): Promise<void> {
	const source = copies > 1 ? extract('1M', 1_000_000) : dir;
	await loadContractCsv(engine, 'referrals', readFileSync(`${source}/referrals.csv`, 'utf8'));
	await loadContractCsv(engine, 'missing_episodes', readFileSync(`${source}/missing_episodes.csv`, 'utf8'));
	if (copies === 1) return;
	for (const [table, id, times] of [
		['referrals', 'referral_id', copies],
		['missing_episodes', 'episode_id', 1]
	] as const) {
		await engine.exec(sql`CREATE TABLE bench_source AS FROM ${ident(table)}`);
		await engine.exec(sql`DELETE FROM ${ident(table)}`);
		await engine.exec(
			sql`INSERT INTO ${ident(table)} SELECT * EXCLUDE (k) REPLACE (${copyIds(id, times > 1)}) FROM bench_source, range(${times}) AS copies(k)`
		);
		await engine.exec(sql`DROP TABLE bench_source`);
	}
}

/**
 * Installed in the page before a click: `window.redrawn` resolves with the time from the click event (or the
 * change event of a select, which has no click) to the first frame after the URL changed and every view has
 * its answer. A string, because the bench runs through tsx, whose helper for named functions does not exist
 * in the page.
 */
const redrawTimer = `(() => {
	const startUrl = location.href;
	let clickedAt;
	const start = () => {
		if (clickedAt !== undefined) return;
		clickedAt = performance.now();
		performance.mark('sightline:click');
	};
	document.addEventListener('click', start, { capture: true, once: true });
	document.addEventListener('change', start, { capture: true, once: true });
	window.redrawn = new Promise((resolve) => {
		const poll = () => {
			const settled =
				clickedAt !== undefined &&
				location.href !== startUrl &&
				document.querySelector('main')?.getAttribute('data-views-loading') === '0';
			if (settled)
				requestAnimationFrame(() => {
					performance.mark('sightline:settled');
					resolve(performance.now() - clickedAt);
				});
			else requestAnimationFrame(poll);
		};
		requestAnimationFrame(poll);
	});
})()`;

/**
 * The cube floor (issue 14): one GROUP BY on the referral cube under a district filter, the least a filter
 * change can cost DuckDB. Timed in Node on the same wasm build as the raw column, over 20 district sets (one
 * to six districts, each a new SQL text), so the ratios to it compare like with like.
 */
async function cubeFloor(engine: Engine, codes: readonly string[]): Promise<number> {
	const times: number[] = [];
	for (let sample = 0; sample < 20; sample++) {
		const chosen = codes.slice(sample % 6, (sample % 6) + 1 + (sample % 3));
		const start = performance.now();
		await engine.query(
			sql`SELECT month, district, sum(rows) AS referrals FROM referral_cube WHERE district IN ${chosen} GROUP BY ALL`
		);
		times.push(performance.now() - start);
	}
	return median(times);
}

/**
 * Open the Data page, wait for the engine, and load an extract's referrals and missing episodes through it
 * (the banner names both files once they are in), after the population file `areas` if one is given (its
 * areas become the districts).
 */
export async function loadOnDataPage(
	page: Page,
	baseUrl: string,
	dir: string,
	rows: number,
	areas?: string,
	whileLoading?: () => Promise<void>
): Promise<void> {
	await page.goto(`${baseUrl}/data/`);
	// The banner names the demo while the engine starts (answers computed at build time): wait for the engine.
	await page.locator('main[data-status="ready"]').waitFor({ timeout: 120_000 });
	if (areas) {
		await page.getByTestId('file-input').setInputFiles(areas);
		await page.getByTestId('report-areas').waitFor({ timeout: 120_000 });
	}
	await page.getByTestId('file-input').setInputFiles([`${dir}/referrals.csv`, `${dir}/missing_episodes.csv`]);
	// The page loads on its own from here, so other work (the Node engine's tables) can run meanwhile.
	await whileLoading?.();
	// 10M referrals take 20 to 30 minutes on the shared 2-core machine.
	const loaded = { timeout: 3_600_000 };
	await page
		.getByTestId('data-banner')
		.getByText(`referrals.csv (${rows.toLocaleString('en-GB')} rows)`)
		.waitFor(loaded);
	await page.getByTestId('data-banner').getByText('missing_episodes.csv (').waitFor(loaded);
}

/**
 * How long the filter bar may take to answer: at 10M the page's main thread was busy for more than
 * Playwright's default 30 s after the load (the first 10M run stopped there, on the Overview's District menu).
 */
const filterBarWait = { timeout: 600_000 };

/** Tick or untick the district at this index of the District menu. */
const districtClick =
	(district: number): FilterChange =>
	async (page) => {
		const menu = page.locator('details.menu', { hasText: 'District' }).first();
		if (!(await menu.evaluate((node) => (node as HTMLDetailsElement).open, undefined, filterBarWait)))
			await menu.locator('summary').click(filterBarWait);
		return () => menu.getByRole('checkbox').nth(district).click(filterBarWait);
	};

/**
 * One filter change (a district's index in the District menu, or any change of the filter bar): make it,
 * wait until every view has its answer and painted.
 */
export async function timeChange(
	page: Page,
	change: number | FilterChange,
	cleared: readonly string[] = []
): Promise<{ ms: number; queries: string[]; measures: QueryMeasure[] }> {
	const act = await (typeof change === 'number' ? districtClick(change) : change)(page);
	await page.evaluate((names) => {
		for (const name of ['sightline:query', ...names]) performance.clearMeasures(name);
	}, cleared);
	// Timed in the page, from the click event to the first frame after every view has its answer, so the
	// time Playwright takes to find and click the checkbox is not counted.
	await page.evaluate(redrawTimer);
	await act();
	// Evaluations have no timeout: this resolves once the page has redrawn.
	const ms = await page.evaluate(() => (window as unknown as { redrawn: Promise<number> }).redrawn);
	const measures = await page.evaluate(() =>
		performance
			.getEntriesByName('sightline:query')
			.map((entry) => ({ sql: String((entry as PerformanceMeasure).detail), ms: entry.duration }))
	);
	return { ms, queries: measures.map((measure) => measure.sql), measures };
}

/**
 * Set BENCH_AREAS=regional to run on a regional extract: the 24 authorities of a made-up North West ONS
 * population file (loaded on the Data page first, as a user would) and the same extract with each child moved
 * to one of them (issue 14 asks for 20 or more areas).
 */
const regionalPopulation =
	process.env.BENCH_AREAS === 'regional' ? 'tests/fixtures/population/north-west-made-up.csv' : undefined;

/** The areas of a population file and their children, read as the Data page reads them. */
async function areasOf(file: string) {
	const outcome = await ingestFile({ name: basename(file), bytes: new Uint8Array(readFileSync(file)) });
	if (outcome.status !== 'population') throw new Error(`${file} is not read as a population file`);
	return {
		reference: areaReference(outcome.areas.title, outcome.areas.areas),
		population: outcome.areas.population
	};
}

/**
 * The extract of `dir` with every row's district replaced by one of `codes`, chosen by a hash of the child so
 * each child stays in one area; written once by native DuckDB beside it.
 */
async function regionalExtract(dir: string, codes: readonly string[]): Promise<string> {
	const out = `${dir}-regional`;
	if (existsSync(`${out}/missing_episodes.csv`)) return out;
	mkdirSync(out, { recursive: true });
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	try {
		const areas = sql`[${join(codes.map((code) => literal(code)))}]`;
		for (const table of ['referrals', 'missing_episodes']) {
			const rows = sql`SELECT * REPLACE (${areas}[1 + CAST(hash(child_id) % ${codes.length} AS INTEGER)] AS district) FROM read_csv(${`${dir}/${table}.csv`}, all_varchar = true)`;
			await connection.run(sql`COPY (${rows}) TO ${`${out}/${table}.csv`} (HEADER)`.text);
		}
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
	return out;
}

/**
 * Filter change to every chart on the page redrawn, in headless Chromium at 10k / 100k / 1M referrals:
 * median and p95 per page, next to the raw DuckDB time of the same queries run back to back in Node
 * (DuckDB-WASM, same build), as a ratio. Stale queries abandoned by the coordinator are not counted as run.
 */
export async function filterChange(): Promise<void> {
	const only = process.env.BENCH_SIZES?.split(',');
	// BENCH_PORT overrides the port, for runs from several worktrees at once.
	const port = Number(process.env.BENCH_PORT ?? 4320);
	// With BENCH_BEFORE, both builds are served alike (a plain static server each), not one by vite preview.
	const servers = before
		? [
				{ name: 'before', ...(await startStaticServer(port + 1, false, {}, before)) },
				{ name: 'after', ...(await startStaticServer(port, false)) }
			]
		: [{ name: undefined, ...(await startPreview(port)) }];
	const browser = await launchChromium();
	const table = [
		'| rows | page | redraw median (ms) | redraw p95 (ms) | raw DuckDB median (ms) | ratio | cube floor (ms) | median ÷ floor | p95 ÷ floor |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- |'
	];
	try {
		for (const { label, rows, copies } of sizes) {
			if (only ? !only.includes(label) : copies > 1) continue;
			const regional = regionalPopulation ? await areasOf(regionalPopulation) : undefined;
			const codes = regional?.reference.areas.map((area) => area.code) ?? districts.codes;
			if (regional && copies > 1)
				throw new Error('BENCH_AREAS=regional is not built for a replicated extract');
			const made = copies > 1 ? await replicatedExtract(label, copies) : extract(label, rows);
			const dir = regional ? await regionalExtract(made, codes) : made;
			const engine = await createNodeEngine();
			let floor = 0;
			// Node's DuckDB-WASM blocks this thread: it runs while the first page loads its files on its own.
			const nodeTables = async () => {
				const started = performance.now();
				await createSchema(engine, TEST_SECRET);
				if (regional) await replaceAreas(engine, regional.reference, regional.population);
				else await loadPopulation(engine, readFileSync('data/reference/district-population.csv', 'utf8'));
				await loadNodeTables(engine, dir, copies);
				await refreshFacts(engine);
				floor = await cubeFloor(engine, codes);
				console.log(
					`${label}: Node tables and cube floor in ${((performance.now() - started) / 1000).toFixed(0)} s`
				);
			};

			const variants: { name: string | undefined; page: Page }[] = [];
			for (const [index, { name, baseUrl }] of servers.entries()) {
				const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
				const page = await context.newPage();
				const started = performance.now();
				await loadOnDataPage(
					page,
					baseUrl,
					dir,
					rows,
					regionalPopulation,
					index === 0 ? nodeTables : undefined
				);
				// The page's own phases: the wall time above waits for the Node engine too when that is slower.
				const phases = await page.evaluate(() =>
					performance
						.getEntriesByType('measure')
						.filter((entry) => entry.name.startsWith('sightline:load:'))
						.map(
							(entry) => `${entry.name.slice('sightline:load:'.length)} ${(entry.duration / 1000).toFixed(0)}`
						)
						.join(', ')
				);
				console.log(
					`${label}${name ? ` (${name})` : ''}: loaded on the Data page in ${((performance.now() - started) / 1000).toFixed(0)} s (phases in s: ${phases})`
				);
				variants.push({ name, page });
			}

			// Each page is timed on each build in turn, the same filter states in the same order.
			for (const [pageIndex, path] of pages.entries())
				for (const { name, page } of variants) {
					const shown = name ? `${path} (${name})` : path;
					const from = page.url();
					await page
						.getByRole('navigation', { name: 'Main' })
						.getByRole('link', { name: path, exact: true })
						.click({ timeout: 30_000 });
					// The new page's charts, not the last page's: a 'Reset filters' clicked while the link's
					// navigation still loads the page cancels it, and the changes were then timed on the last page.
					await page.waitForFunction(
						(last) =>
							location.href !== last &&
							document.querySelector('main[data-views-loading="0"] figure.chart') !== null,
						from,
						{
							timeout: 600_000
						}
					);
					const redraws: number[] = [];
					const dumped: QueryMeasure[] = [];
					const raws: number[] = [];
					// Start each page from no district filter.
					await page.getByRole('button', { name: 'Reset filters' }).click();
					await page.waitForFunction(
						() => document.querySelector('main[data-views-loading="0"]') !== null,
						null,
						{
							timeout: 600_000
						}
					);
					const cohort = cohortMode
						? cohortChanges(pageIndex, cohortToggleSet)
						: periodMode
							? periodChanges(pageIndex)
							: undefined;
					const changeFor = (change: number) =>
						cohort ? cohort(change) : clickFor(pageIndex, change, codes.length);
					for (let change = 0; change < changes; change++) {
						const { ms, queries, measures } = await timeChange(page, changeFor(change));
						redraws.push(ms);
						dumped.push(...measures);
						// An earlier build's SQL can name tables or columns the current schema (in Node) no longer has:
						// its raw column is then left empty rather than the run stopped.
						if (name === 'before' && raws.length < change) continue;
						const start = performance.now();
						try {
							for (const query of queries) await engine.query(new Sql(query));
							raws.push(performance.now() - start);
						} catch (error) {
							if (name !== 'before') throw error;
						}
					}
					if (traced > 0) {
						const browserOf = page.context().browser()!;
						const walls: number[] = [];
						const timings: Record<string, number> = {};
						// Plot time per chart title, and how many drawings were made, over the traced changes.
						const drawings = new Map<string, { count: number; ms: number }>();
						await browserOf.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing'] });
						// The traced changes go on along the same code, to states the timed ones did not reach.
						for (let change = changes; change < changes + traced; change++) {
							const { ms } = await timeChange(page, changeFor(change), profiled);
							walls.push(ms);
							const sums = await page.evaluate(
								(names) =>
									names.map((name) =>
										performance.getEntriesByName(name).reduce((sum, entry) => sum + entry.duration, 0)
									),
								profiled
							);
							profiled.forEach((name, index) => (timings[name] = (timings[name] ?? 0) + sums[index]!));
							const renders = await page.evaluate(() =>
								performance.getEntriesByName('sightline:render').map((entry) => ({
									title: String((entry as PerformanceMeasure).detail),
									ms: entry.duration
								}))
							);
							for (const { title, ms } of renders) {
								const drawn = drawings.get(title) ?? { count: 0, ms: 0 };
								drawings.set(title, { count: drawn.count + 1, ms: drawn.ms + ms });
							}
						}
						const trace = (await browserOf.stopTracing()).toString('utf8');
						// From each click to its settled frame: the bench's own work in the page between changes is not counted.
						const changeSpans = markedSpans(
							(JSON.parse(trace) as { traceEvents: TraceEvent[] }).traceEvents,
							'sightline:click',
							'sightline:settled'
						);
						const split = mainThreadSplit(trace, changeSpans);
						const worker = workerBusy(trace);
						if (traceDir) {
							mkdirSync(traceDir, { recursive: true });
							writeFileSync(`${traceDir}/${label}-${shown.replaceAll(' ', '-')}.json`, trace);
						}
						const overlaps = threadOverlap(trace, changeSpans);
						const mean = (pick: (overlap: (typeof overlaps)[number]) => number) =>
							(overlaps.reduce((sum, overlap) => sum + pick(overlap), 0) / overlaps.length).toFixed(1);
						const perChange = Object.entries(split)
							.sort(([, a], [, b]) => b - a)
							.map(([kind, ms]) => `${kind} ${(ms / traced).toFixed(1)}`)
							.join(', ');
						const each = (name: string) => ((timings[name] ?? 0) / traced).toFixed(1);
						console.log(
							`  ${shown}: traced change (ms, mean of ${traced}): wall median ${median(walls).toFixed(0)}; worker busy ${(worker.busy / traced).toFixed(1)} in ${(worker.tasks.length / traced).toFixed(1)} tasks (median task ${worker.tasks.length > 0 ? median(worker.tasks).toFixed(1) : '–'}), idle ${((walls.reduce((a, b) => a + b, 0) - worker.busy) / traced).toFixed(1)}; queries: round trip summed ${each('sightline:worker')}, Arrow decode ${each('sightline:decode')}, rows ${each('sightline:rows')}; views: publish + reshape ${each('sightline:shape')}, Plot ${each('sightline:render')}`
						);
						console.log(`  ${shown}: main thread per change (ms): ${perChange}`);
						console.log(
							`  ${shown}: together per change (ms): both busy ${mean((o) => o.both)}, worker only ${mean((o) => o.workerOnly)}, main only ${mean((o) => o.mainOnly)}, neither ${mean((o) => o.neither)}; click to the worker's first task ${mean((o) => o.beforeWorker)}, its last task to settled ${mean((o) => o.afterWorker)}`
						);
						const charts = await page.evaluate(() => document.querySelectorAll('figure.chart').length);
						const drawn = [...drawings.values()].reduce((sum, { count }) => sum + count, 0);
						const slowest = [...drawings.entries()]
							.sort(([, a], [, b]) => b.ms - a.ms)
							.slice(0, 4)
							.map(
								([title, { count, ms }]) => `${title.slice(0, 40)} ${(ms / traced).toFixed(1)} (${count}×)`
							)
							.join('; ');
						console.log(
							`  ${shown}: Plot drew ${(drawn / traced).toFixed(1)} of ${charts} charts per change; slowest (ms per change): ${slowest}`
						);
					}
					if (queryDump) {
						mkdirSync(queryDump, { recursive: true });
						writeFileSync(
							`${queryDump}/${label}-${shown.replaceAll(' ', '-')}.json`,
							JSON.stringify(dumped, null, 1)
						);
					}
					// Pages whose charts all ignore the district filter (Districts highlights it) run no query.
					const raw = raws.length > 0 ? median(raws).toFixed(0) : '–';
					const ratio =
						raws.length > 0 && median(raws) >= 1 ? (median(redraws) / median(raws)).toFixed(2) : '–';
					const toFloor = (ms: number) => (ms / floor).toFixed(1);
					table.push(
						`| ${regional ? `${label}, ${codes.length} areas` : label}${cohortMode || periodMode ? `, ${process.env.BENCH_FILTERS}` : ''} | ${shown} | ${median(redraws).toFixed(0)} | ${percentile(redraws, 95).toFixed(0)} | ${raw} | ${ratio} | ${floor.toFixed(1)} | ${toFloor(median(redraws))} | ${toFloor(percentile(redraws, 95))} |`
					);
					console.log(table.at(-1));
				}
			for (const { page } of variants) await page.context().close();
			await engine.close();
		}
	} finally {
		await browser.close();
		for (const { stop } of servers) stop();
	}
	console.log(table.join('\n'));
}
