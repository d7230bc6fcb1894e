import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { inject } from 'vitest';

export const screenshotDir = 'tests/output/screenshots';

export const launchBrowser: () => Promise<Browser> = launchChromium;

/** Everything a page did that a test must check: off-origin requests, console errors, failed responses. */
export interface PageWatch {
	page: Page;
	context: BrowserContext;
	baseUrl: string;
	offOrigin: string[];
	consoleErrors: string[];
	failedResponses: string[];
}

/**
 * Open a fresh context that records every request — the page's and its workers' (DuckDB runs in a Web
 * Worker) — and refuses any that would leave the app's origin. `prepare` runs on the context before the
 * page is opened (init scripts, routes of a test's own).
 */
export async function openPage(
	browser: Browser,
	path = '/',
	prepare?: (context: BrowserContext) => Promise<void>
): Promise<PageWatch> {
	const baseUrl = inject('baseUrl');
	const origin = new URL(baseUrl).origin;
	const context = await browser.newContext({
		viewport: { width: 1280, height: 900 },
		locale: 'en-GB',
		timezoneId: 'Europe/London'
	});
	// The partnership secret publication mode's record keys come from: fixed, as in the Node tests, so the
	// published figures are the same on every run (a fresh profile would otherwise generate a random one).
	await context.addInitScript(() => {
		if (!localStorage.getItem('sightline-partnership-secret'))
			localStorage.setItem('sightline-partnership-secret', 'sightline-test-partnership');
	});
	const watch: PageWatch = {
		page: undefined as unknown as Page,
		context,
		baseUrl,
		offOrigin: [],
		consoleErrors: [],
		failedResponses: []
	};
	const isOffOrigin = (url: string) =>
		!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:');
	await context.route(
		(url) => isOffOrigin(url.href),
		(route) => {
			watch.offOrigin.push(route.request().url());
			return route.abort('blockedbyclient');
		}
	);
	context.on('request', (request) => {
		if (isOffOrigin(request.url()) && !watch.offOrigin.includes(request.url()))
			watch.offOrigin.push(request.url());
	});
	await prepare?.(context);
	const page = await context.newPage();
	page.on('console', (message) => {
		if (message.type() === 'error') watch.consoleErrors.push(message.text());
	});
	page.on('pageerror', (error) => watch.consoleErrors.push(`${error.name}: ${error.message}`));
	page.on('response', (response) => {
		if (response.status() >= 400) watch.failedResponses.push(`${response.status()} ${response.url()}`);
	});
	page.on('worker', (worker) => {
		if (isOffOrigin(worker.url())) watch.offOrigin.push(worker.url());
	});
	watch.page = page;
	await page.goto(new URL(path, baseUrl).href);
	return watch;
}

/**
 * Wait until DuckDB has started and loaded the data. The banner names the demo before that, while the
 * Overview is drawn from answers computed at build time, and the file input stays disabled until then.
 */
export async function waitForEngine(page: Page): Promise<void> {
	await page.locator('main[data-status="ready"]').waitFor({ timeout: 90_000 });
}

/**
 * Wait until DuckDB has loaded the data, no view is waiting for a query, and the charts have rendered. The
 * engine's status is part of it: while DuckDB starts, the Overview draws answers computed at build time, and
 * no view is waiting then.
 */
export async function waitForCharts(page: Page, count = 1): Promise<void> {
	await page.waitForFunction(
		(expected) =>
			document.querySelector('main[data-status="ready"][data-views-loading="0"]') !== null &&
			document.querySelectorAll('figure.chart[aria-busy="false"] svg[role="img"]').length >= expected,
		count,
		{ timeout: 90_000 }
	);
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

/**
 * Run axe-core (WCAG 2.0–2.2 A and AA rules). Injected with evaluate rather than a <script> tag, so the
 * page's Content-Security-Policy stays in force during the test.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
	await page.evaluate(`${axeSource}\n;0`);
	return page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
			}
		).axe;
		const result = await axe.run(document, {
			runOnly: {
				type: 'tag',
				values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
			}
		});
		return result.violations.map(({ id, impact, help, nodes }) => ({
			id,
			impact,
			help,
			nodes: nodes.map((node) => ({ target: node.target as string[] }))
		}));
	});
}

/**
 * `read` with every chart rendered: the browser skips the figures off screen (`content-visibility: auto` in
 * Chart.svelte), which a full-page capture then leaves blank and `innerText` leaves out, so they are shown for
 * the reading only.
 */
export async function withEveryChartShown<T>(page: Page, read: () => Promise<T>): Promise<T> {
	const shown = await page.addStyleTag({
		content: 'figure.chart { content-visibility: visible !important; }'
	});
	try {
		return await read();
	} finally {
		await shown.evaluate((style) => style.parentNode?.removeChild(style));
	}
}

/** The whole page as a PNG, every chart in it. */
export async function screenshot(page: Page, name: string): Promise<string> {
	mkdirSync(screenshotDir, { recursive: true });
	const path = `${screenshotDir}/${name}.png`;
	await withEveryChartShown(page, () => page.screenshot({ path, fullPage: true }));
	return path;
}
