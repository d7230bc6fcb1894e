/**
 * Figures snapshot: everything the dashboard pages show on the demo extract, with publication mode off and
 * on, kept as one JSON file per page and mode in `__snapshots__/figures/`. It pins behaviour across
 * refactors of the pages: any changed number, label, sentence or download shows up as a diff of one file.
 *
 * Covered, in DOM order within `main`: every `figure.chart` (title, summary, caption, the text alternative of
 * each chart image, the "Show as table" view — header and every cell — and the CSV download, read from the
 * file the browser saves), the headline cards (label, value, detail, comparisons, sparkline text), every
 * table outside a figure (e.g. Districts compared) and every other block of visible text (data banner,
 * filter bar, signals panel with its "Earlier special causes" opened, notes). Trends is taken at both
 * grains (monthly, and quarterly through its radio button).
 *
 * One cold load (the Overview): starting DuckDB is most of the cost, so the other pages are reached through
 * the nav and publication mode is switched with its checkbox, as a user would (each page is visited once,
 * read in the mode it arrives in, then in the other). The CSVs are snapshotted whole, metadata lines included: nothing in them varies
 * between runs (no export time is written; the source line's SHA-256 and "Data as at" come from the fixed
 * demo files), so nothing is stripped. Only the UTF-8 BOM and the CRLF line ends are checked here and then
 * dropped, to keep the JSON readable. No part of the app reads today's date for what these pages show (only
 * the validation of a loaded file does), so the snapshots do not depend on when they run.
 *
 * A missing snapshot fails under CI=true (Vitest writes no new snapshots there). To change the snapshots
 * deliberately, after `npm run build`:
 *   npx vitest run --config tests/e2e/vitest.config.ts -u tests/e2e/figures-snapshot.e2e.ts
 * and explain each changed figure in the commit message.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openPage, type PageWatch } from './browser';

interface TableView {
	caption: string;
	head: string[];
	rows: string[][];
}

interface Figure {
	title: string;
	summary: string;
	caption: string | null;
	/** The aria-label of each chart image (Plot's text alternative), in order. */
	images: string[];
	/** "Loading…" or "No data matches the current filters." when the figure has no chart. */
	empty: string | null;
	table: TableView;
	csv: { fileName: string; lines: string[] };
}

interface HeadlineCard {
	label: string;
	value: string;
	detail: string | null;
	comparisons: string[];
	sparkline: string | null;
	sparklineText: string | null;
}

/** One block of the page, in DOM order; a figure is read in a second step (it needs clicks and downloads). */
type Block =
	| { text: string[] }
	| { headlines: HeadlineCard[] }
	| { table: TableView }
	| { figure: number }
	| { figure: Figure };

let browser: Browser;
let watch: PageWatch;
beforeAll(async () => {
	browser = await launchBrowser();
	// The one cold load: starting DuckDB and loading the demo takes most of this file's time, so every other
	// page is reached through the nav, as a user moves between pages.
	watch = await openPage(browser, '/');
	await settled(watch.page);
});
afterAll(() => browser?.close());

/** Go to a dashboard page through its nav link (which keeps the current filters and mode). */
async function visit(label: string, path: string): Promise<Page> {
	const { page } = watch;
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: label, exact: true })
		.click();
	await expect.poll(() => new URL(page.url()).pathname).toBe(path);
	await settled(page);
	return page;
}

/**
 * Wait until the page has finished: the data is in, no view waits for a query, nothing is busy, no headline
 * still shows "…", every chart that has rows has drawn; then until the visible text stops changing.
 */
async function settled(page: Page): Promise<void> {
	await page.waitForFunction(
		() => {
			const main = document.querySelector('main');
			// Ready, not drawn from the answers computed at build time while the engine starts.
			if (!main || main.dataset.status !== 'ready' || main.dataset.viewsLoading !== '0') return false;
			if (main.querySelector('[aria-busy="true"]')) return false;
			if ([...main.querySelectorAll('[data-testid="headline-value"]')].some((v) => v.textContent === '…'))
				return false;
			const figures = [...main.querySelectorAll('figure.chart')];
			return (
				figures.length > 0 &&
				figures.every((figure) => figure.querySelector('.plot svg, .empty, table') !== null)
			);
		},
		undefined,
		{ timeout: 90_000 }
	);
	let previous = '';
	for (;;) {
		const now = await page.locator('main').evaluate((main) => (main as HTMLElement).innerText);
		if (now === previous) return;
		previous = now;
		await page.waitForTimeout(250);
	}
}

/** The outline of `main`: text, headline cards and tables read here; figures as their index, read later. */
function outline(page: Page): Promise<Block[]> {
	return page.locator('main').evaluate((main) => {
		const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
		const lines = (element: HTMLElement) =>
			element.innerText
				.split('\n')
				.map((line) => squash(line))
				.filter((line) => line !== '');
		const tableView = (table: HTMLTableElement) => ({
			caption: squash(table.caption?.textContent),
			head: [...table.querySelectorAll('thead th')].map((th) => squash(th.textContent)),
			rows: [...table.querySelectorAll('tbody tr')].map((tr) =>
				[...tr.querySelectorAll('th, td')].map((cell) => squash(cell.textContent))
			)
		});
		const optional = (element: Element | null) => (element ? squash(element.textContent) : null);
		// Folded text is shown text too (the signals panel's earlier special causes); the filter menus are
		// pop-ups over the page, left closed.
		for (const details of main.querySelectorAll('details'))
			if (!details.matches('.filters details')) details.open = true;
		const figures = [...main.querySelectorAll('figure.chart')];
		const blocks: unknown[] = [];
		const visit = (node: Node) => {
			if (node.nodeType === Node.TEXT_NODE) {
				const text = squash(node.textContent);
				if (text !== '') blocks.push({ text: [text] });
				return;
			}
			if (!(node instanceof HTMLElement)) return;
			if (node.matches('figure.chart')) blocks.push({ figure: figures.indexOf(node) });
			else if (node.matches('dl.headlines'))
				blocks.push({
					headlines: [...node.querySelectorAll('.headline')].map((card) => ({
						label: squash(card.querySelector('dt')?.textContent),
						value: squash(card.querySelector('.value')?.textContent),
						detail: optional(card.querySelector('.detail')),
						comparisons: [...card.querySelectorAll('[data-testid="headline-comparison"]')].map((li) =>
							squash(li.textContent)
						),
						sparkline: card.querySelector('svg[aria-label]')?.getAttribute('aria-label') ?? null,
						sparklineText: optional(card.querySelector('.spark-text'))
					}))
				});
			else if (node instanceof HTMLTableElement) blocks.push({ table: tableView(node) });
			else if (node.querySelector('figure.chart, dl.headlines, table')) node.childNodes.forEach(visit);
			else if (node.checkVisibility()) {
				const text = lines(node);
				if (text.length > 0) blocks.push({ text });
			}
		};
		main.childNodes.forEach(visit);
		return blocks as Block[];
	});
}

/** Open the figure's table view, read it, then go back to the chart. */
async function readTableView(chart: Locator): Promise<TableView> {
	await chart.getByRole('button', { name: 'Show as table' }).click();
	const table = chart.locator('table');
	await table.waitFor();
	const view = await table.evaluate((element) => {
		const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
		const table = element as HTMLTableElement;
		return {
			caption: squash(table.caption?.textContent),
			head: [...table.querySelectorAll('thead th')].map((th) => squash(th.textContent)),
			rows: [...table.querySelectorAll('tbody tr')].map((tr) =>
				[...tr.querySelectorAll('th, td')].map((cell) => squash(cell.textContent))
			)
		};
	});
	await chart.getByRole('button', { name: 'Show chart' }).click();
	return view;
}

/** Download the figure's CSV through its button and read the saved file. */
async function readCsv(page: Page, chart: Locator): Promise<Figure['csv']> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		chart
			.getByRole('group', { name: /^Download / })
			.getByRole('button', { name: 'CSV' })
			.click()
	]);
	const text = readFileSync(await download.path(), 'utf8');
	// The file is for Excel: a UTF-8 BOM and CRLF line ends, checked here so the snapshot can hold plain lines.
	expect(text.startsWith('\uFEFF')).toBe(true);
	expect(text.endsWith('\r\n')).toBe(true);
	return { fileName: download.suggestedFilename(), lines: text.slice(1, -2).split('\r\n') };
}

async function readFigure(page: Page, chart: Locator): Promise<Figure> {
	const fixed = await chart.evaluate((figure) => {
		const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
		const optional = (element: Element | null) => (element ? squash(element.textContent) : null);
		return {
			title: squash(figure.querySelector('h2')?.textContent),
			summary: squash(figure.querySelector('.summary')?.textContent),
			caption: optional(figure.querySelector('figcaption')),
			images: [...figure.querySelectorAll('.plot svg[aria-label]')].map(
				(svg) => svg.getAttribute('aria-label') ?? ''
			),
			empty: optional(figure.querySelector('.empty'))
		};
	});
	const table = await readTableView(chart);
	const csv = await readCsv(page, chart);
	return { ...fixed, table, csv };
}

/** Everything the page shows now, figures read in full. */
async function snapshotOf(page: Page): Promise<{ url: string; blocks: Block[] }> {
	const blocks = await outline(page);
	const figures = page.locator('main figure.chart');
	expect(blocks.filter((block) => 'figure' in block)).toHaveLength(await figures.count());
	for (const [index, block] of blocks.entries()) {
		if ('figure' in block && typeof block.figure === 'number')
			blocks[index] = { figure: await readFigure(page, figures.nth(block.figure)) };
	}
	const url = new URL(page.url());
	return { url: `${url.pathname}${url.search}`, blocks };
}

async function expectSnapshot(page: Page, name: string): Promise<void> {
	const data = await snapshotOf(page);
	// Soft: a changed figure in one mode must not hide a change in the next.
	await expect
		.soft(`${JSON.stringify(data, null, 1)}\n`)
		.toMatchFileSnapshot(`./__snapshots__/figures/${name}.json`);
}

/** Switch publication mode with its checkbox and wait for every view to redraw. */
async function setPublication(page: Page, on: boolean): Promise<void> {
	const checkbox = page.getByRole('checkbox', { name: 'Publication mode' });
	await checkbox.setChecked(on);
	await expect.poll(() => new URL(page.url()).searchParams.get('mode')).toBe(on ? 'publication' : null);
	await settled(page);
}

const isPublication = (page: Page) => new URL(page.url()).searchParams.get('mode') === 'publication';
const modeName = (on: boolean) => (on ? 'publication' : 'off');

/** Snapshot the page in the mode it is in, switch publication mode, snapshot again. */
async function bothModes(page: Page, name: string): Promise<void> {
	const first = isPublication(page);
	await expectSnapshot(page, `${name}-${modeName(first)}`);
	await setPublication(page, !first);
	await expectSnapshot(page, `${name}-${modeName(!first)}`);
}

/** Switch Trends between monthly and quarterly with its radio buttons. */
async function setGrain(page: Page, grain: 'month' | 'quarter'): Promise<void> {
	await page.getByRole('radio', { name: grain === 'month' ? /^Monthly/ : /^Quarterly/ }).check();
	await expect
		.poll(() => new URL(page.url()).searchParams.get('grain'))
		.toBe(grain === 'month' ? null : grain);
	await settled(page);
}

describe('figures on the demo extract', () => {
	// In nav order (src/routes/+layout.svelte). Each page is taken in the mode the previous one left on, then
	// in the other, so publication mode is switched once a page.
	it('overview', async () => {
		await bothModes(watch.page, 'overview');
	});

	it('trends, monthly and quarterly', async () => {
		const page = await visit('Trends', '/trends/');
		await bothModes(page, 'trends-month');
		await setGrain(page, 'quarter');
		await bothModes(page, 'trends-quarter');
		// Back to monthly, so that the next page's URL carries no grain.
		await setGrain(page, 'month');
	});

	for (const [label, path, name] of [
		['Children', '/children/', 'children'],
		['Indicators', '/indicators/', 'indicators'],
		['Missing episodes', '/missing/', 'missing'],
		['Districts', '/districts/', 'districts'],
		['Pathway', '/pathway/', 'pathway']
	] as const) {
		it(name, async () => {
			await bothModes(await visit(label, path), name);
		});
	}

	it('made no request to another origin and logged no errors', () => {
		expect(watch.offOrigin).toEqual([]);
		expect(watch.failedResponses).toEqual([]);
		expect(watch.consoleErrors).toEqual([]);
	});
});
