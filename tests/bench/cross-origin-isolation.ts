import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { appFirstChart, browserEngineChunk } from './cold-start';
import { clickFor, loadOnDataPage, timeChange } from './filter-change';
import { extract, timeDataPageLoad } from './load-extract';
import { median, percentile } from './preview-server';
import { startStaticServer } from './static-server';

const port = Number(process.env.BENCH_PORT ?? 4561);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const changes = Number(process.env.BENCH_CHANGES ?? 20);
const rows = 100_000;
const probePath = '/__bench-engine.html';

interface Probe {
	isolated: boolean;
	/** DuckDB's `threads` setting once the app's engine is open. */
	threads: number;
	/** The DuckDB wasm file the page fetched (the worker fetches it; Playwright sees the request). */
	wasm: string;
	/** Milliseconds from navigation to the engine open, on a page that starts only the app's engine. */
	ready: number;
}

/** A page that starts the app's own engine (the built chunk) and reports what it got: never in the build. */
function probePage(chunk: string): string {
	return `<!doctype html><title>probe</title><script type="module">
const { createBrowserEngine } = await import('/${chunk}');
const engine = await createBrowserEngine();
const ready = performance.now();
const [row] = await engine.query({ text: "SELECT current_setting('threads')::INTEGER AS threads" });
window.probe = { isolated: globalThis.crossOriginIsolated === true, threads: row.threads, ready };
</script>`;
}

async function probe(browser: Browser, baseUrl: string): Promise<Probe> {
	const context = await browser.newContext();
	const wasm: string[] = [];
	context.on('request', (request) => {
		if (request.url().endsWith('.wasm')) wasm.push(request.url().split('/').at(-1)!);
	});
	try {
		const page = await context.newPage();
		await page.goto(`${baseUrl}${probePath}`);
		const handle = await page.waitForFunction(() => (window as { probe?: object }).probe, null, {
			timeout: 120_000
		});
		const result = (await handle.jsonValue()) as Omit<Probe, 'wasm'>;
		return { ...result, wasm: wasm.filter((name) => name.startsWith('duckdb-')).join(', ') };
	} finally {
		await context.close();
	}
}

/** Load the 100k extract on the Data page, open the Overview, and time `changes` district filter changes. */
async function filterChanges(browser: Browser, baseUrl: string, dir: string): Promise<number[]> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	try {
		const page = await context.newPage();
		await loadOnDataPage(page, baseUrl, dir, rows);
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Overview', exact: true })
			.click();
		await page.waitForFunction(
			() => document.querySelector('main[data-views-loading="0"] figure.chart') !== null,
			null,
			{ timeout: 600_000 }
		);
		const times: number[] = [];
		for (let change = 0; change < changes; change++)
			times.push((await timeChange(page, clickFor(0, change))).ms);
		return times;
	} finally {
		await context.close();
	}
}

interface Samples {
	bare: number[];
	firstChart: number[];
	engineReady: number[];
	load: number[];
	redraw: number[];
}

const empty = (): Samples => ({ bare: [], firstChart: [], engineReady: [], load: [], redraw: [] });

/**
 * Cross-origin isolation (issue 14): the same build served twice by the same static server, once with
 * `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp` (so DuckDB-WASM's
 * threaded build runs) and once without (today's single-threaded build), in one browser, runs alternating so
 * load on the machine falls on both alike. Per mode: the engine alone ready, cold start to the first Overview
 * chart, a 100k-row CSV through the Data page, and `changes` filter changes on the Overview at 100k.
 */
export async function crossOriginIsolation(): Promise<void> {
	const dir = extract('100k', rows);
	const extra = { [probePath]: probePage(browserEngineChunk()) };
	const servers = {
		isolated: await startStaticServer(port, true, extra),
		plain: await startStaticServer(port + 1, false, extra)
	};
	const browser = await launchChromium();
	const samples = { isolated: empty(), plain: empty() };
	try {
		for (const mode of ['isolated', 'plain'] as const) {
			const seen = await probe(browser, servers[mode].baseUrl);
			console.log(
				`${mode}: crossOriginIsolated ${seen.isolated}, DuckDB threads ${seen.threads}, wasm ${seen.wasm}`
			);
		}
		for (let run = 0; run < runs; run++) {
			const order = run % 2 === 0 ? (['isolated', 'plain'] as const) : (['plain', 'isolated'] as const);
			for (const mode of order) {
				const { baseUrl } = servers[mode];
				const into = samples[mode];
				into.bare.push((await probe(browser, baseUrl)).ready);
				const app = await appFirstChart(browser, baseUrl);
				into.firstChart.push(app.firstChart);
				if (app.engineReady !== undefined) into.engineReady.push(app.engineReady);
				into.load.push(await timeDataPageLoad(browser, baseUrl, `${dir}/referrals.csv`, rows));
				into.redraw.push(...(await filterChanges(browser, baseUrl, dir)));
				console.log(`  run ${run + 1} ${mode} done`);
			}
		}
	} finally {
		await browser.close();
		servers.isolated.stop();
		servers.plain.stop();
	}
	const cell = (values: readonly number[], digits = 0) =>
		values.length > 0 ? median(values).toFixed(digits) : '–';
	const ratio = (a: readonly number[], b: readonly number[]) =>
		a.length > 0 && b.length > 0 ? (median(a) / median(b)).toFixed(2) : '–';
	const lines = [
		`| measure | isolated (threaded build) | not isolated (eh build) | isolated ÷ not |`,
		`| --- | --- | --- | --- |`
	];
	const { isolated: on, plain: off } = samples;
	const add = (label: string, a: number[], b: number[], digits = 0) =>
		lines.push(`| ${label} | ${cell(a, digits)} | ${cell(b, digits)} | ${ratio(a, b)} |`);
	add(`engine alone ready, ms (${runs} runs)`, on.bare, off.bare);
	add(`cold start to first Overview chart, ms (${runs} runs)`, on.firstChart, off.firstChart);
	add(`app engine ready with the demo, ms (${runs} runs)`, on.engineReady, off.engineReady);
	add(`100k CSV through the Data page, s (${runs} runs)`, on.load, off.load, 2);
	add(`Overview filter change at 100k, median ms (${on.redraw.length} changes)`, on.redraw, off.redraw);
	lines.push(
		`| Overview filter change at 100k, p95 ms | ${on.redraw.length ? percentile(on.redraw, 95).toFixed(0) : '–'} | ${off.redraw.length ? percentile(off.redraw, 95).toFixed(0) : '–'} | ${on.redraw.length && off.redraw.length ? (percentile(on.redraw, 95) / percentile(off.redraw, 95)).toFixed(2) : '–'} |`
	);
	console.log(lines.join('\n'));
}
