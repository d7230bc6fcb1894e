import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot, type PageWatch } from './browser';
import { unglossed } from './unglossed';

/** Every dashboard page in the navigation, by its link text. */
const dashboard = [
	{ name: 'overview', link: 'Overview', path: '/' },
	{ name: 'trends', link: 'Trends', path: '/trends/' },
	{ name: 'children', link: 'Children', path: '/children/' },
	{ name: 'indicators', link: 'Indicators', path: '/indicators/' },
	{ name: 'missing', link: 'Missing episodes', path: '/missing/' },
	{ name: 'districts', link: 'Districts', path: '/districts/' },
	{ name: 'pathway', link: 'Pathway', path: '/pathway/' }
];
const phone = { width: 390, height: 844 };
const desk = { width: 1280, height: 900 };

/** The data is loaded, no view waits for a query, and every chart frame has drawn its chart. */
async function settled(page: Page): Promise<void> {
	await page.waitForFunction(
		() =>
			document.querySelector('[data-testid="data-banner"]')?.textContent?.includes('Synthetic demo data') ===
				true &&
			document.querySelector('main[data-status="ready"][data-views-loading="0"]') !== null &&
			document.querySelectorAll('figure.chart').length > 0 &&
			[...document.querySelectorAll('figure.chart')].every(
				(figure) =>
					figure.getAttribute('aria-busy') === 'false' &&
					figure.querySelector('svg[role="img"], table, .empty') !== null
			),
		null,
		{ timeout: 90_000 }
	);
}

/** Move by the navigation, as a reader does: the data engine stays loaded. */
async function go(page: Page, link: string, path: string): Promise<void> {
	if (new URL(page.url()).pathname !== path) {
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: link, exact: true })
			.click();
		await page.waitForURL((url) => url.pathname === path);
	}
	await settled(page);
}

/**
 * Table cells in which a word or a number is broken across lines ("128,53 / 3", "Prese / nt"): each
 * run of characters between spaces must lie on one line, i.e. its client rectangles share one top. A
 * hyphen is a fair place to break ("12- / month"); a range's dash is not ("0– / 17").
 */
function brokenWords(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const broken: string[] = [];
		for (const cell of document.querySelectorAll('main th, main td')) {
			const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				for (const match of (node.textContent ?? '').matchAll(/[^\s-]+-?/g)) {
					const range = document.createRange();
					range.setStart(node, match.index);
					range.setEnd(node, match.index + match[0].length);
					const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
					if (tops.size > 1) broken.push(`${cell.tagName} "${cell.textContent?.trim()}": ${match[0]}`);
				}
			}
		}
		return broken;
	});
}

/** Controls still visible: on paper there must be none. */
function visibleControls(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll('input, select, button, a[download], nav')]
			.filter((element) => (element as HTMLElement).checkVisibility())
			.map((element) => `${element.tagName} ${element.textContent?.trim().slice(0, 30) ?? ''}`)
	);
}

/** Pages in a PDF written by Chromium: one `/Type /Page` object each. */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;

let browser: Browser;
let watch: PageWatch;
beforeAll(async () => {
	browser = await launchBrowser();
	// One browser, one context, one page: moving by the navigation keeps DuckDB loaded between pages.
	watch = await openPage(browser, '/');
	await watch.page.setViewportSize(phone);
	await settled(watch.page);
});
afterAll(() => browser?.close());

describe('every dashboard page at 390 px and in print', () => {
	for (const { name, link, path } of dashboard) {
		it(`${name}: fits a phone, breaks no number or word in a table, and prints no control`, async () => {
			const { page } = watch;
			const errorsBefore = watch.consoleErrors.length;
			await page.setViewportSize(phone);
			await go(page, link, path);
			await screenshot(page, `phone-${name}`);
			// Every technical term its sentences use is glossed beside them (issue 13).
			expect(await unglossed(page)).toEqual([]);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				phone.width
			);

			await page.emulateMedia({ media: 'print' });
			try {
				expect(await visibleControls(page)).toEqual([]);
			} finally {
				await page.emulateMedia({ media: 'screen' });
			}

			// Every chart's table view too: the tables are where numbers used to break.
			await page.evaluate(() => {
				for (const toggle of document.querySelectorAll<HTMLButtonElement>(
					'figure.chart button[aria-pressed="false"]'
				))
					toggle.click();
			});
			await expect.poll(() => page.locator('figure.chart button[aria-pressed="false"]').count()).toBe(0);
			expect(await page.locator('main table').count()).toBeGreaterThan(0);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				phone.width
			);
			expect(await brokenWords(page)).toEqual([]);
			expect(watch.consoleErrors.slice(errorsBefore)).toEqual([]);
		});
	}

	it('prints the overview and the districts on A4 with every chart drawn, and nothing off-origin', async () => {
		const { page } = watch;
		mkdirSync('tests/output', { recursive: true });
		const counts: Record<string, number> = {};
		for (const { name, link, path } of dashboard.filter((entry) =>
			['overview', 'districts'].includes(entry.name)
		)) {
			// Printed from a desktop browser: the charts are redrawn for the paper, not the screen.
			await page.setViewportSize(desk);
			await go(page, link, path);
			await page.emulateMedia({ media: 'print' });
			const pdf = await page.pdf({ format: 'A4' });
			await page.emulateMedia({ media: 'screen' });
			writeFileSync(`tests/output/print-${name}.pdf`, pdf);
			counts[name] = pdfPages(pdf);
		}
		console.log(`Printed pages: ${JSON.stringify(counts)}`);
		// Before the print stylesheet: the overview took 4 sheets and the districts 4, with the filters printed.
		expect(counts.overview).toBeGreaterThan(0);
		expect(counts.overview).toBeLessThanOrEqual(4);
		expect(counts.districts).toBeGreaterThan(0);
		expect(counts.districts).toBeLessThanOrEqual(3);
		expect(watch.offOrigin).toEqual([]);
		expect(watch.failedResponses).toEqual([]);
	});
});
