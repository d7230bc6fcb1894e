import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { launchChromium } from '../helpers/chromium';
import { extract } from './load-extract';
import { startPreview } from './preview-server';
import { startStaticServer } from './static-server';

/** Resident memory (bytes) of this process's Chromium descendants: renderers (page and its workers) and all. */
function chromiumMemory(): { renderer: number; all: number } {
	const parent = new Map<number, number>();
	const info = new Map<number, { rss: number; renderer: boolean; chromium: boolean }>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const status = readFileSync(`/proc/${entry}/status`, 'utf8');
			const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
			const pid = Number(entry);
			parent.set(pid, Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0));
			info.set(pid, {
				rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024,
				renderer: cmdline.includes('--type=renderer'),
				chromium: cmdline.includes('chrom')
			});
		} catch {
			// the process ended while being read
		}
	}
	const descends = (pid: number): boolean => {
		for (let at = parent.get(pid); at !== undefined && at > 1; at = parent.get(at))
			if (at === process.pid) return true;
		return false;
	};
	let renderer = 0;
	let all = 0;
	for (const [pid, one] of info) {
		if (!one.chromium || !descends(pid)) continue;
		all += one.rss;
		if (one.renderer) renderer += one.rss;
	}
	return { renderer, all };
}

const available = () =>
	Number(/MemAvailable:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0) * 1024;
const gb = (bytes: number) => (bytes / 1e9).toFixed(2);

/**
 * Peak memory of a Data page load (issue 14), to set the browser's per-row budget: each file of
 * BENCH_MEMORY_FILES (default the 1M generated referrals CSV; `PATH:ROWS` for another) is chosen on the Data
 * page in headless Chromium, and while it loads the resident memory of the renderer processes (the page,
 * its ingest worker and DuckDB-WASM's worker with its wasm memory) and the page's JS heap (CDP
 * `Performance.getMetrics`) are sampled every 500 ms. The load is abandoned if the machine's available
 * memory falls below BENCH_MIN_FREE_GB (default 3) or after BENCH_TIMEOUT_MIN minutes (default 30).
 * BENCH_MEMORY_TAB=one loads the files one after another in one tab, each after the last (the second and
 * later appended, as missing episodes follow referrals), instead of each in a fresh tab. BENCH_BEFORE=dir (a
 * copy of an earlier `build/`) runs the same on it first, both builds served alike, in the same run.
 */
export async function browserMemory(): Promise<void> {
	const files = (
		process.env.BENCH_MEMORY_FILES?.split(',') ?? [`${extract('1M', 1_000_000)}/referrals.csv:1000000`]
	).map((spec) => {
		const [path, rows] = spec.split(':');
		return { path: path!, rows: Number(rows) };
	});
	const minFree = Number(process.env.BENCH_MIN_FREE_GB ?? 3) * 1e9;
	const timeout = Number(process.env.BENCH_TIMEOUT_MIN ?? 30) * 60_000;
	const tabs = process.env.BENCH_MEMORY_TAB === 'one' ? [files] : files.map((file) => [file]);
	const before = process.env.BENCH_BEFORE;
	const port = Number(process.env.BENCH_PORT ?? 4551);
	const servers = before
		? [
				{ name: 'before: ', ...(await startStaticServer(port + 1, false, {}, before)) },
				{ name: 'after: ', ...(await startStaticServer(port, false)) }
			]
		: [{ name: '', ...(await startPreview(port)) }];
	const browser = await launchChromium();
	try {
		for (const tab of tabs)
			for (const { name, baseUrl } of servers) {
				const context = await browser.newContext();
				const page = await context.newPage();
				const cdp = await context.newCDPSession(page);
				await cdp.send('Performance.enable');
				const heap = async () => {
					const { metrics } = await cdp.send('Performance.getMetrics');
					return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
				};
				await page.goto(`${baseUrl}/data/`);
				await page.locator('main[data-status="ready"]').waitFor({ timeout: 300_000 });
				const start = { ...chromiumMemory(), heap: await heap() };
				for (const { path, rows } of tab) {
					const before = { ...chromiumMemory(), heap: await heap() };
					const peak = { ...before };
					let outcome = 'loaded';
					const started = Date.now();
					await page.getByTestId('file-input').setInputFiles(path);
					const banner = page
						.getByTestId('data-banner')
						.getByText(`${basename(path)} (${rows.toLocaleString('en-GB')} rows)`);
					for (;;) {
						const now = chromiumMemory();
						peak.renderer = Math.max(peak.renderer, now.renderer);
						peak.all = Math.max(peak.all, now.all);
						peak.heap = Math.max(peak.heap, await heap().catch(() => 0));
						if (await banner.isVisible().catch(() => false)) break;
						const error = page.getByTestId('report-error');
						const report = (await error.isVisible().catch(() => false)) ? await error.textContent() : null;
						if (report) {
							outcome = `not loaded: ${report.replace(/\s+/g, ' ').slice(0, 300)}`;
							break;
						}
						if (available() < minFree) {
							outcome = `abandoned: the machine had ${gb(available())} GB available`;
							break;
						}
						if (Date.now() - started > timeout) {
							outcome = `abandoned after ${timeout / 60_000} minutes`;
							break;
						}
						await new Promise((resolve) => setTimeout(resolve, 500));
					}
					const seconds = (Date.now() - started) / 1000;
					console.log(
						`${name}${basename(path)} ${rows.toLocaleString('en-GB')} rows: ${outcome} in ${seconds.toFixed(1)} s; renderer resident ${gb(before.renderer)} → peak ${gb(peak.renderer)} GB (Chromium in all ${gb(before.all)} → ${gb(peak.all)} GB); page JS heap ${gb(before.heap)} → peak ${gb(peak.heap)} GB; renderer growth per row ${((peak.renderer - before.renderer) / rows).toFixed(0)} bytes${tab.length > 1 ? `, ${((peak.renderer - start.renderer) / 1e9).toFixed(2)} GB over the tab's start` : ''}`
					);
					if (!outcome.startsWith('loaded')) break;
				}
				await context.close();
			}
	} finally {
		await browser.close();
		for (const { stop } of servers) stop();
	}
}
