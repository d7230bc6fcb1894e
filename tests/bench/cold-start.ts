import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { median, startPreview } from './preview-server';

/** The page that only starts DuckDB-WASM: served by the bench itself, never part of the build. */
const barePath = '/__bench-bare-duckdb.html';

/**
 * The built browser engine's chunk (`createBrowserEngine`), from Vite's client manifest: the bare page
 * imports exactly what the app imports, so both start the same worker and wasm from the same origin.
 */
export function browserEngineChunk(): string {
	const manifest = JSON.parse(
		readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')
	) as Record<string, { file: string }>;
	const entry = manifest['src/lib/engine/browser-engine.ts'];
	if (!entry) throw new Error('The client manifest has no browser engine chunk: run `npm run build` first.');
	return entry.file;
}

/** Milliseconds from navigation until DuckDB-WASM is instantiated, open and connected, on a bare page. */
async function bareReady(browser: Browser, baseUrl: string, chunk: string): Promise<number> {
	const context = await browser.newContext();
	await context.route(`${baseUrl}${barePath}`, (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: `<!doctype html><title>bare</title><script type="module">
const { createBrowserEngine } = await import('/${chunk}');
await createBrowserEngine();
window.duckdbReady = performance.now();
</script>`
		})
	);
	const page = await context.newPage();
	await page.goto(`${baseUrl}${barePath}`);
	const handle = await page.waitForFunction(() => (window as { duckdbReady?: number }).duckdbReady, null, {
		timeout: 120_000
	});
	const ready = (await handle.jsonValue()) as number;
	await context.close();
	return ready;
}

export interface AppTimes {
	/** The first chart drawn on the Overview (a figure not busy, with its SVG). */
	firstChart: number;
	/** The app's own mark: DuckDB started and the demo extract loaded (absent before the mark existed). */
	engineReady: number | undefined;
}

export async function appFirstChart(browser: Browser, baseUrl: string): Promise<AppTimes> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`${baseUrl}/`);
	await page.waitForFunction(
		() => document.querySelector('figure.chart[aria-busy="false"] svg[role="img"]') !== null,
		null,
		{ timeout: 120_000, polling: 'raf' }
	);
	const firstChart = await page.evaluate(() => performance.now());
	// Builds from before the app published its status have drawn their first chart on a ready engine.
	await page.waitForFunction(
		() => {
			const main = document.querySelector('main');
			return main !== null && (!main.hasAttribute('data-status') || main.dataset.status === 'ready');
		},
		null,
		{ timeout: 120_000 }
	);
	const engineReady = await page.evaluate(
		() => performance.getEntriesByName('sightline:engine-ready')[0]?.startTime
	);
	await context.close();
	return { firstChart, engineReady };
}

const list = (values: readonly number[]) => values.map((value) => value.toFixed(0)).join(', ');

/**
 * Cold start: a fresh browser context (empty cache) opens the Overview; time until the first chart is
 * drawn. The baseline, in the same run and browser, is a bare page that only starts DuckDB-WASM (instantiate,
 * open, connect): the target is a first chart within half of that. Runs alternate between the two, so load
 * on the machine falls on both alike. Median of 5 runs each.
 */
export async function coldStart(runs = 5): Promise<void> {
	const { baseUrl, stop } = await startPreview();
	const browser = await launchChromium();
	const chunk = browserEngineChunk();
	const bare: number[] = [];
	const app: AppTimes[] = [];
	try {
		for (let run = 0; run < runs; run++) {
			bare.push(await bareReady(browser, baseUrl, chunk));
			app.push(await appFirstChart(browser, baseUrl));
		}
	} finally {
		await browser.close();
		stop();
	}
	const first = app.map((one) => one.firstChart);
	const ready = app.flatMap((one) => (one.engineReady === undefined ? [] : [one.engineReady]));
	const ratio = median(first) / median(bare);
	console.log(
		`cold start to first Overview chart (fresh context, ${runs} runs): median ${median(first).toFixed(0)} ms; runs ${list(first)} ms`
	);
	if (ready.length > 0)
		console.log(
			`the app's engine ready (demo loaded): median ${median(ready).toFixed(0)} ms; runs ${list(ready)} ms`
		);
	console.log(
		`bare page, DuckDB-WASM instantiated and open: median ${median(bare).toFixed(0)} ms; runs ${list(bare)} ms`
	);
	console.log(`first chart / bare DuckDB ready: ${ratio.toFixed(2)} (target ≤ 0.5)`);
}
