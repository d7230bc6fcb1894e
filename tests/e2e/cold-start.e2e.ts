import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
	launchBrowser,
	openPage,
	screenshot,
	waitForCharts,
	waitForEngine,
	withEveryChartShown
} from './browser';

/**
 * Cold start (issue 14): on a fresh profile the Overview draws its first screen from the answers computed at
 * build time while DuckDB-WASM downloads and compiles, then swaps to live queries with the same content in the
 * same place.
 */

const firstChart = 'figure.chart[aria-busy="false"] svg[role="img"]';

/** Records, before any app code runs, when the first chart is drawn (performance.now()). */
const recordFirstChart = `(() => {
	const seen = () => {
		if (window.firstChartAt === undefined && document.querySelector('${firstChart}'))
			window.firstChartAt = performance.now();
	};
	new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true });
})()`;

/** Hold DuckDB's wasm until `release()`: the engine cannot be ready before then. */
async function holdWasm(context: BrowserContext): Promise<() => void> {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await context.route(/duckdb-(eh|mvp)\.[^/]*\.wasm$/, async (route) => {
		await released;
		await route.continue();
	});
	return release;
}

/** What the Overview shows: every text in main, each figure's and headline card's box, and the table view. */
async function shown(page: Page) {
	const chart = page.locator('figure.chart').first();
	const boxes = await page
		.locator('figure.chart, [data-testid="headline-value"], dl.headlines, section[aria-label="Data shown"]')
		.evaluateAll((elements) =>
			elements.map((element) => {
				// In the page's coordinates: the table toggle may have scrolled the window.
				const { x, y, width, height } = element.getBoundingClientRect();
				return [x + window.scrollX, y + window.scrollY, width, height].map(Math.round);
			})
		);
	const text = await withEveryChartShown(page, () => page.locator('main').innerText());
	await chart.getByRole('button', { name: 'Show as table' }).click();
	const table = await chart.locator('table').innerText();
	await chart.getByRole('button', { name: 'Show chart' }).click();
	await page.locator(firstChart).first().waitFor();
	return { boxes, text, table };
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('cold start on the demo', () => {
	it('draws the Overview’s first chart before the engine is ready', async () => {
		const watch = await openPage(browser, '/', async (context) => {
			await context.addInitScript(recordFirstChart);
		});
		await waitForCharts(watch.page);
		const { chartAt, readyAt, precomputedAt } = await watch.page.evaluate(() => ({
			chartAt: (window as { firstChartAt?: number }).firstChartAt,
			readyAt: performance.getEntriesByName('sightline:engine-ready')[0]?.startTime,
			precomputedAt: performance.getEntriesByName('sightline:precomputed-answers')[0]?.startTime
		}));
		expect(precomputedAt).toBeDefined();
		expect(readyAt).toBeDefined();
		expect(chartAt).toBeDefined();
		expect(chartAt!).toBeLessThan(readyAt!);
		expect(watch.offOrigin).toEqual([]);
		expect(watch.consoleErrors).toEqual([]);
		await watch.context.close();
	});

	it('swaps to live queries with the same text, table view and layout', async () => {
		let release!: () => void;
		const watch = await openPage(browser, '/', async (context) => {
			release = await holdWasm(context);
		});
		const { page } = watch;
		await page.locator(firstChart).first().waitFor({ timeout: 90_000 });
		// Every headline has its figure, drawn from the answers computed ahead.
		await expect
			.poll(async () => (await page.getByTestId('headline-value').allTextContents()).includes('…'))
			.toBe(false);
		expect(await page.locator('main').getAttribute('data-status')).not.toBe('ready');
		const before = await shown(page);
		await screenshot(page, 'cold-start-precomputed');
		expect(await page.locator('main').getAttribute('data-status')).not.toBe('ready');

		release();
		await waitForCharts(page);
		const after = await shown(page);
		await screenshot(page, 'cold-start-live');
		expect(after.text).toBe(before.text);
		expect(after.table).toBe(before.table);
		expect(after.boxes).toEqual(before.boxes);
		expect(before.table.split('\n').length).toBeGreaterThan(100);
		expect(watch.offOrigin).toEqual([]);
		expect(watch.consoleErrors).toEqual([]);
		await watch.context.close();
	});

	it('waits for the engine for any other view, such as a filter chosen before it is ready', async () => {
		let release!: () => void;
		const watch = await openPage(browser, '/?district=fenland', async (context) => {
			release = await holdWasm(context);
		});
		const { page } = watch;
		// The banner already names the demo (its files were checked against the answers' fingerprint)…
		await page.getByTestId('data-banner').getByText('Synthetic demo data').waitFor({ timeout: 90_000 });
		// …but nothing was computed ahead for this view: it shows it is loading until the engine answers.
		await page.waitForTimeout(1_000);
		expect(await page.locator(firstChart).count()).toBe(0);
		expect(await page.locator('figure.chart').getAttribute('aria-busy')).toBe('true');
		expect(await page.getByTestId('headline-value').allTextContents()).toEqual(Array(6).fill('…'));
		release();
		await waitForEngine(page);
		await waitForCharts(page);
		// Read with every chart rendered: for the frame after a figure may first skip (Chart.svelte), the browser
		// has not yet found it on screen, and its innerText is empty.
		const firstChartText = await withEveryChartShown(page, () =>
			page.locator('figure.chart').first().innerText()
		);
		expect(firstChartText).toContain('Fenland');
		expect(watch.offOrigin).toEqual([]);
		expect(watch.consoleErrors).toEqual([]);
		await watch.context.close();
	});
});

describe('cold start on data kept on this device', () => {
	it(
		'draws the kept file’s Overview from its kept first screen before the engine is ready, then swaps to live queries with the same table views and layout',
		{ timeout: 400_000 },
		async () => {
			const watch = await openPage(browser, '/data/');
			const { page, context } = watch;
			const banner = page.getByTestId('data-banner');
			await banner.getByText('Synthetic demo data').waitFor({ timeout: 90_000 });
			await waitForEngine(page);
			await page.getByTestId('file-input').setInputFiles('tests/fixtures/ingest/utf8-basic.csv');
			await expect.poll(() => banner.textContent(), { timeout: 60_000 }).toContain('utf8-basic.csv');
			await page.getByTestId('keep-data').check();
			await expect.poll(() => banner.textContent(), { timeout: 60_000 }).toContain('is kept on this device');

			// Reloaded on the Overview with DuckDB's wasm held back: nothing can come from the engine yet.
			const release = await holdWasm(context);
			await page.goto(new URL('/', watch.baseUrl).href);
			await page.locator(firstChart).first().waitFor({ timeout: 90_000 });
			await expect
				.poll(async () => (await page.getByTestId('headline-value').allTextContents()).includes('…'))
				.toBe(false);
			expect(await page.locator('main').getAttribute('data-status')).not.toBe('ready');
			// The kept file's figures, said to be kept, not the demo's.
			expect(await banner.textContent()).toContain('utf8-basic.csv (6 rows)');
			expect(await banner.textContent()).toContain('is kept on this device');
			const [referrals] = await page.getByTestId('headline-value').allTextContents();
			expect(referrals).toBe('6');
			const before = await shown(page);
			await screenshot(page, 'cold-start-kept-precomputed');
			expect(await page.locator('main').getAttribute('data-status')).not.toBe('ready');

			release();
			await waitForEngine(page);
			await waitForCharts(page);
			const after = await shown(page);
			await screenshot(page, 'cold-start-kept-live');
			const marks = await page.evaluate(() => ({
				precomputedAt: performance.getEntriesByName('sightline:precomputed-answers')[0]?.startTime,
				readyAt: performance.getEntriesByName('sightline:engine-ready')[0]?.startTime
			}));
			expect(marks.precomputedAt).toBeDefined();
			expect(marks.readyAt).toBeDefined();
			expect(marks.precomputedAt!).toBeLessThan(marks.readyAt!);
			expect(after.table).toBe(before.table);
			expect(after.text).toBe(before.text);
			expect(after.boxes).toEqual(before.boxes);

			await page.goto(new URL('/data/', watch.baseUrl).href);
			await waitForEngine(page);
			await page.getByTestId('remove-all').click();
			await expect.poll(() => banner.textContent(), { timeout: 60_000 }).toContain('Synthetic demo data');
			expect(watch.offOrigin).toEqual([]);
			expect(watch.consoleErrors).toEqual([]);
			await context.close();
		}
	);
});
