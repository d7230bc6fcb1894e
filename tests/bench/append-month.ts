import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { loadPopulation } from '../../src/lib/engine/load-reference';
import { createSchema, loadContractCsv, refreshFacts } from '../../src/lib/engine/load-tables';
import { createNodeEngine } from '../../src/lib/engine/node-engine';
import { launchChromium } from '../helpers/chromium';
import { appendMonthTimes, type AppendMonthTimes } from './append-month-scenario';
import { extract } from './load-extract';
import { median } from './preview-server';

const port = Number(process.env.BENCH_PORT ?? 4522);

/**
 * Appending a monthly extract (issue 14): a 10k-referral month appended to the 1M extract (1M referrals,
 * 1.5M missing episodes), the facts and cubes brought up to date incrementally vs rebuilt, in Node
 * (DuckDB-WASM's Node build) and in headless Chromium (the same wasm in a Web Worker), BENCH_RUNS runs each
 * (default 3), medians and the ratio. BENCH_SIZES=100k runs it on the 100k extract instead; BENCH_NATIVE_ONLY=1
 * (or BENCH_NODE_ONLY=1) skips the browser.
 */
export async function appendMonth(runs = Number(process.env.BENCH_RUNS ?? 3)): Promise<void> {
	const label = process.env.BENCH_SIZES?.split(',')[0] ?? '1M';
	const dir = extract(label, label === '100k' ? 100_000 : 1_000_000);
	const lines = [
		'| where | rows | month | append median (ms) | rebuild median (ms) | rebuild ÷ append |',
		'| --- | --- | --- | --- | --- | --- |'
	];
	const line = (where: string, times: AppendMonthTimes) => {
		const append = median(times.append);
		const rebuild = median(times.rebuild);
		lines.push(
			`| ${where} | ${label} | ${times.rows.toLocaleString('en-GB')} | ${append.toFixed(0)} | ${rebuild.toFixed(0)} | ${(rebuild / append).toFixed(1)}× |`
		);
		console.log(lines.at(-1), JSON.stringify(times));
	};

	const engine = await createNodeEngine();
	try {
		await createSchema(engine, 'sightline-bench');
		await loadPopulation(engine, readFileSync('data/reference/district-population.csv', 'utf8'));
		for (const name of ['referrals', 'missing_episodes'] as const)
			await loadContractCsv(engine, name, readFileSync(`${dir}/${name}.csv`, 'utf8'));
		await refreshFacts(engine);
		line('Node', await appendMonthTimes(engine, runs));
	} finally {
		await engine.close();
	}

	if (process.env.BENCH_NATIVE_ONLY !== '1' && process.env.BENCH_NODE_ONLY !== '1') {
		const server = await startServer(dir);
		const browser = await launchChromium();
		try {
			const page = await (await browser.newContext()).newPage();
			await page.goto(`${server.baseUrl}/`);
			const times = await page.evaluate((count) => window.appendMonth(count), runs);
			console.log(`browser load, facts and cubes: ${(times.loadMs / 1000).toFixed(1)} s`);
			line('Chromium', times);
		} finally {
			await browser.close();
			server.stop();
		}
	}
	console.log(lines.join('\n'));
}

interface AppendWindow {
	appendMonth: (runs: number) => Promise<AppendMonthTimes & { loadMs: number }>;
}
declare const window: AppendWindow;

/** Serves the bundled bench page, DuckDB-WASM's worker and wasm, and the extract's CSVs. */
async function startServer(dir: string): Promise<{ baseUrl: string; stop: () => void }> {
	const { build } = await import('esbuild');
	const bundle = await build({
		entryPoints: ['tests/bench/browser-append/append-page.ts'],
		bundle: true,
		format: 'esm',
		write: false,
		logLevel: 'error',
		alias: { $lib: resolve('src/lib') }
	});
	const script = bundle.outputFiles[0]!.contents;
	const duckdbDist = resolve('node_modules/@duckdb/duckdb-wasm/dist');
	const data: Record<string, string> = {
		'/data/referrals.csv': `${dir}/referrals.csv`,
		'/data/missing_episodes.csv': `${dir}/missing_episodes.csv`,
		'/data/district-population.csv': 'data/reference/district-population.csv'
	};
	const types: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm' };
	const server: Server = createServer((request, response) => {
		const url = request.url ?? '/';
		const file = url.startsWith('/duckdb/') ? join(duckdbDist, url.slice('/duckdb/'.length)) : data[url];
		if (url === '/') {
			response.writeHead(200, { 'content-type': 'text/html' });
			response.end('<!doctype html><script type="module" src="/append.js"></script>');
		} else if (url === '/append.js') {
			response.writeHead(200, { 'content-type': 'text/javascript' });
			response.end(script);
		} else if (file && existsSync(file)) {
			response.writeHead(200, { 'content-type': types[extname(file)] ?? 'text/csv' });
			response.end(readFileSync(file));
		} else {
			response.writeHead(404);
			response.end();
		}
	});
	await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
	return { baseUrl: `http://127.0.0.1:${port}`, stop: () => server.close() };
}
