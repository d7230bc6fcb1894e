import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshotDir, type PageWatch } from './browser';
import { printProblems, printedPages } from './printed-pages';
import { unglossed } from './unglossed';

/**
 * The board pack as a board member gets it: the latest complete quarter by default, publication mode on,
 * printed to A4 PDF by Chromium and read back with pdf.js to check what landed on which page.
 */

/** The pack has loaded every section: no query is waiting and every figure has drawn. */
async function packReady(page: Page): Promise<void> {
	await page.waitForFunction(
		() =>
			document.querySelector('main[data-status="ready"][data-views-loading="0"]') !== null &&
			document.querySelector('article.pack[aria-busy="false"]') !== null &&
			[...document.querySelectorAll('figure.pack-figure')].every(
				(figure) => figure.querySelector('svg[viewBox], .empty') !== null
			),
		null,
		{ timeout: 150_000 }
	);
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('board pack', () => {
	let browser: Browser;
	let watch: PageWatch;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		watch = await openPage(browser, '/board-pack/');
		page = watch.page;
		await packReady(page);
	});

	afterAll(async () => {
		await browser?.close();
	});

	it('opens on the latest complete quarter with publication mode on and the data provenance on its cover', async () => {
		expect(await page.locator('#pack-quarter').inputValue()).toBe('2026-07-01');
		const cover = collapse(await page.locator('section.cover').innerText());
		expect(cover).toContain('Q2 2026-27 (July–September 2026) · All districts');
		expect(cover).toContain('Data as at 15 November 2026');
		// The full SHA-256 of each source file, so a reader can check the pack came from these files.
		expect(cover).toMatch(/referrals\.csv, SHA-256 [0-9a-f]{64}/);
		expect(cover).toMatch(/missing_episodes\.csv, SHA-256 [0-9a-f]{64}/);
		// No row count: a count of referrals is a figure, and every figure in the pack passes the seam.
		expect(cover).not.toMatch(/\d rows/);
		expect(cover).toContain('Publication mode');
		expect(cover.match(/OFFICIAL/g)).toHaveLength(2);
		// Six themes, each titled with its main chart's finding, each with a commentary box.
		expect(await page.locator('section.theme').count()).toBe(6);
		expect(await page.locator('section.theme .commentary').count()).toBe(6);
		expect(await page.locator('.appendix table').count()).toBe(
			await page.locator('figure.pack-figure').count()
		);
		// No child referred in the latest quarter has a year of follow-up: its re-referral chart says so.
		expect(
			collapse(
				await page
					.locator('figure.pack-figure .empty')
					.allInnerTexts()
					.then((t) => t.join(' '))
			)
		).toBe(
			'Re-referral within 12 months cannot be known yet for July–September 2026: the first children referred then reach 12 months in July 2027. The latest quarter with a full year of follow-up is July–September 2025.'
		);
		expect(watch.consoleErrors).toEqual([]);
		expect(watch.offOrigin).toEqual([]);
	});

	it('publishes no count of 1 to 5 in any table, with no mode in its link (publication mode is always on)', async () => {
		// Under the cell key method no published count lies in 1–5, and a count a page derives in 1–5 is "c":
		// a 1–5 in a count column is a true count that bypassed the seam. The pack is opened without
		// `?mode=publication`, so the pack's own setting must reach every query.
		const counts = await page.evaluate(() =>
			[...document.querySelectorAll('.appendix table')].flatMap((table) => {
				const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
				return [...table.querySelectorAll('tbody tr')].flatMap((row) =>
					[...row.children].flatMap((cell, index) => {
						const header = headers[index] ?? '';
						const counted =
							/referrals|children|episodes|count|number|reached|present|assessed|followed|referred/i.test(
								header
							) && !/rate|share|%|interval|mean|limit|ratio|age at|prevalence/i.test(header);
						const text = cell.textContent?.trim() ?? '';
						return counted && /^[1-5]$/.test(text) ? [`${header}: ${text}`] : [];
					})
				);
			})
		);
		expect(counts).toEqual([]);
	});

	it("glosses every technical term its sentences use, from the app's one glossary", async () => {
		expect(await unglossed(page)).toEqual([]);
		// The pack prints its own glossary: the app's entries for the terms it uses, each once.
		const entries = await page.locator('section.glossary dt').allInnerTexts();
		expect(new Set(entries).size).toBe(entries.length);
		expect(entries).toEqual(expect.arrayContaining(['Publication mode', 'c (withheld)']));
	});

	it('keeps commentary on the device and prints it in the pack', async () => {
		const box = page.locator('#theme-missing').locator('xpath=..').getByLabel('What we are doing');
		await box.fill('Return interviews are now offered within 72 hours in Fenland.');
		await page.reload();
		await packReady(page);
		const kept = page.locator('#theme-missing').locator('xpath=..').getByLabel('What we are doing');
		await expect
			.poll(() => kept.inputValue())
			.toBe('Return interviews are now offered within 72 hours in Fenland.');
	});

	it('prints on A4 with no controls, every chart on the same page as its title, and a stable page count', async () => {
		await page.emulateMedia({ media: 'print' });
		const visibleControls = await page.evaluate(() =>
			[...document.querySelectorAll('input, select, button, textarea, a[download], nav')]
				.filter((element) => element.getClientRects().length > 0)
				.map((element) => element.outerHTML.slice(0, 80))
		);
		expect(visibleControls).toEqual([]);
		await page.emulateMedia({ media: null });

		const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
		mkdirSync(screenshotDir, { recursive: true });
		writeFileSync(`${screenshotDir}/board-pack.pdf`, pdf);
		const sheets = await printedPages(pdf);
		const pages = sheets.map((sheet) => sheet.text);
		// The running footer names the pack, the area and the period, and numbers the pages.
		pages.forEach((text, index) => {
			expect(text).toContain('Q2 2026-27');
			expect(text).toContain(`Page ${index + 1} of ${pages.length}`);
		});
		expect(pages[0]).toContain('Child exploitation: partnership board pack');
		expect(
			pages.some((text) => text.includes('Return interviews are now offered within 72 hours in Fenland.'))
		).toBe(true);
		// Every chart's title, chart and caption on one sheet; no heading left at a sheet's foot; every chart drawn;
		// no two chart labels running into each other (printed-pages.ts).
		expect(await printProblems(page, pdf)).toEqual([]);
		// A commentary box is never alone on a sheet: it goes with its section's last chart.
		sheets.forEach(({ body }, index) => {
			if (body.includes('What we are doing'))
				expect(body, `sheet ${index + 1}: commentary with a chart`).toMatch(
					/The figures are in table A\d+\./
				);
		});
		// The demo's latest quarter prints on a stated number of pages (README: "Board pack").
		expect(pages.length).toBe(packPages);
	});

	it('saves a self-contained HTML file that shows every chart and table with scripts off', async () => {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Save as HTML file' }).click()
		]);
		const path = `${screenshotDir}/board-pack.html`;
		await download.saveAs(path);
		const html = readFileSync(path, 'utf8');
		expect(html).not.toMatch(/<script/i);
		expect(html).toContain("default-src 'none'");
		const offline = await browser.newContext({ javaScriptEnabled: false, offline: true });
		const file = await offline.newPage();
		const requests: string[] = [];
		file.on('request', (request) => {
			if (!request.url().startsWith('file:') && !request.url().startsWith('data:'))
				requests.push(request.url());
		});
		await file.goto(`file://${resolve(path)}`);
		const figures = await page.locator('figure.pack-figure').count();
		// Every figure is drawn, except one that says in words why it has nothing to draw (re-referral).
		const empty = await page.locator('figure.pack-figure .empty').count();
		expect(await file.locator('figure.pack-figure .empty').count()).toBe(empty);
		expect(await file.locator('figure.pack-figure svg[viewBox]').count()).toBe(figures - empty);
		expect(await file.locator('.appendix table').count()).toBe(figures);
		expect(await file.locator('textarea, button, select').count()).toBe(0);
		expect(
			await file.getByText('Return interviews are now offered within 72 hours in Fenland.').count()
		).toBe(1);
		expect(requests).toEqual([]);
		await offline.close();
	});

	it('renders an earlier quarter for one district', async () => {
		await page.locator('#pack-quarter').selectOption('2025-04-01');
		await page.locator('#pack-area').selectOption('fenland');
		await page.waitForURL((url) => url.searchParams.get('quarter') === '2025-04-01');
		await packReady(page);
		const cover = collapse(await page.locator('section.cover').innerText());
		expect(cover).toContain('Q1 2025-26 (April–June 2025) · Fenland');
		// A quarter with a full year of follow-up draws its re-referral chart: no figure is left empty.
		expect(await page.locator('figure.pack-figure .empty').count()).toBe(0);
		const first = collapse(await page.locator('section.theme h2').first().innerText());
		expect(first.length).toBeGreaterThan(10);
		expect(watch.consoleErrors).toEqual([]);
	});

	it('fits a phone screen', async () => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.waitForTimeout(500);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
	});
});

/** Pages in the printed pack for the demo's latest quarter, all districts. */
const packPages = 32;
