import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tables } from '../../src/lib/contract';
import { countDemo } from './independent-count';
import { launchBrowser, openPage, runAxe, screenshot, type PageWatch } from './browser';
import { en } from './chart-table';

/** The demo referrals, parsed with papaparse: independent of DuckDB and the app's SQL. */
const rows = countDemo().rows;

let browser: Browser;
let watch: PageWatch;
beforeAll(async () => {
	browser = await launchBrowser();
	watch = await openPage(browser, '/explore/?district=fenland&gender=female');
	await runButton(watch.page).and(watch.page.locator(':enabled')).waitFor({ timeout: 90_000 });
});
afterAll(() => browser?.close());

const runButton = (page: Page) => page.getByRole('button', { name: 'Run query' });
const sqlBox = (page: Page) => page.getByRole('textbox', { name: /^Query/ });

async function run(page: Page, text: string): Promise<void> {
	await sqlBox(page).fill(text);
	await runButton(page).click();
	await page.getByRole('button', { name: 'Run query' }).waitFor();
}

/** Header and cells of the result table. */
async function resultTable(page: Page): Promise<string[][]> {
	return page
		.getByRole('region', { name: 'Query result' })
		.locator('tr')
		.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell as HTMLElement).innerText)));
}

async function download(page: Page, button: RegExp): Promise<{ name: string; lines: string[] }> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: button }).click()
	]);
	const text = readFileSync(await file.path(), 'utf8');
	return {
		name: file.suggestedFilename(),
		lines: text
			.replace(/^\uFEFF/, '')
			.replace(/\r\n$/, '')
			.split('\r\n')
	};
}

describe('Explore with SQL', () => {
	it('runs a query over the loaded data: counts equal an independent count of the demo CSV', async () => {
		await run(
			watch.page,
			'SELECT district, count(*) AS referrals FROM referral_facts GROUP BY district ORDER BY district'
		);
		const table = await resultTable(watch.page);
		expect(table[0]).toEqual(['district', 'referrals']);
		const fenland = rows.filter((row) => row.district === 'fenland').length;
		expect(table.find((row) => row[0] === 'fenland')?.[1]).toBe(en(fenland));
		expect(table).toHaveLength(1 + new Set(rows.map((row) => row.district)).size);
		await screenshot(watch.page, 'explore-result');
	});

	it('downloads the result as CSV with the export metadata lines', async () => {
		const { name, lines } = await download(watch.page, /Download result/);
		expect(name).toBe('sql-console-result.csv');
		expect(lines[0]).toBe('SQL console result');
		expect(lines[1]).toMatch(/^"?Filters: none; the query was: SELECT district/);
		expect(lines[4]).toBe('Not for publication: small numbers are not suppressed.');
		expect(lines[6]).toBe('district,referrals');
		const fenland = rows.filter((row) => row.district === 'fenland').length;
		expect(lines).toContain(`fenland,${fenland}`);
	});

	it('refuses a statement that writes or reads a file, says why, and the data is unchanged', async () => {
		for (const [text, message] of [
			['DELETE FROM referrals', /DELETE changes rows/],
			["SELECT * FROM read_csv('referrals.contract.csv')", /read_csv\(\) reads files/],
			['SELECT 1; DROP TABLE referrals', /one at a time/],
			['WITH d AS (SELECT 1) INSERT INTO referrals SELECT * FROM referrals', /INSERT changes rows/],
			['SELECT * FROM information_schema.tables', /duckdb_tables\(\)/]
		] as const) {
			await run(watch.page, text);
			await expect.poll(() => watch.page.getByRole('alert').innerText()).toMatch(message);
		}
		await screenshot(watch.page, 'explore-refused');
		await run(watch.page, 'SELECT count(*) AS n FROM referrals');
		expect((await resultTable(watch.page))[1]).toEqual([en(rows.length)]);
	});

	it('keeps a history on the device: a past query comes back after a reload', async () => {
		await watch.page.reload();
		await runButton(watch.page).and(watch.page.locator(':enabled')).waitFor({ timeout: 90_000 });
		const history = watch.page.locator('ol.history');
		await expect.poll(() => history.innerText()).toContain('SELECT count(*) AS n FROM referrals');
		// Refused statements are not kept.
		expect(await history.innerText()).not.toContain('DELETE FROM referrals');
	});

	it('pivots a result in the reshape worker, where Arquero may generate code, and times 100,000 rows', async () => {
		await run(
			watch.page,
			"SELECT CAST(month AS VARCHAR) AS month, district, count(*) AS n FROM referral_facts WHERE month < '2023-04-01' GROUP BY ALL ORDER BY ALL"
		);
		await watch.page.getByLabel('Pivot: names from').selectOption('district');
		await watch.page.getByLabel('values from').selectOption('n');
		await watch.page.getByRole('button', { name: 'Pivot', exact: true }).click();
		// The first pivot starts the worker and loads Arquero: allow for a slow machine.
		await watch.page.getByText(/pivoted to/).waitFor({ timeout: 60_000 });
		const table = await resultTable(watch.page);
		expect(table[0]).toEqual([
			'month',
			'cambridge',
			'east_cambridgeshire',
			'fenland',
			'huntingdonshire',
			'peterborough',
			'south_cambridgeshire'
		]);
		const january = rows.filter(
			(row) => row.district === 'fenland' && row.referral_date!.startsWith(table[1]![0]!.slice(0, 7))
		);
		expect(table[1]![3]).toBe(january.length === 0 ? '–' : en(january.length));
		await screenshot(watch.page, 'explore-pivot');

		await run(
			watch.page,
			"SELECT i // 12 AS g, 'k' || lpad(CAST(i % 12 AS VARCHAR), 2, '0') AS name, i AS v FROM range(100000) t(i)"
		);
		await watch.page.getByLabel('Pivot: names from').selectOption('name');
		await watch.page.getByLabel('values from').selectOption('v');
		const start = Date.now();
		await watch.page.getByRole('button', { name: 'Pivot', exact: true }).click();
		const status = watch.page.getByText(/pivoted to/);
		await status.waitFor({ timeout: 60_000 });
		const text = await status.innerText();
		expect(text).toMatch(/^100,000 rows, pivoted to 8,334 rows × 13 columns/);
		console.log(
			`100,000-row pivot: ${text.match(/in ([\d,]+) ms/)?.[1]} ms in the worker, ${Date.now() - start} ms click to table`
		);
	});

	it('downloads the rows matching the current filters, contract columns only, with the metadata lines', async () => {
		const { name, lines } = await download(watch.page, /Download referrals/);
		expect(name).toBe('referrals-matching-the-current-filters.csv');
		expect(lines[1]).toMatch(/Fenland/);
		expect(lines[1]).toMatch(/[Ff]emale|[Gg]irls/);
		expect(lines[6]).toBe(tables.referrals.fields.map((field) => field.name).join(','));
		const expected = rows.filter((row) => row.district === 'fenland' && row.gender === 'female');
		expect(lines.length - 7).toBe(expected.length);
		expect(
			lines
				.slice(7)
				.map((line) => line.split(',')[0])
				.sort()
		).toEqual(expected.map((row) => row.referral_id).sort());
	});

	it('has no accessibility violations and makes no request off the origin', async () => {
		expect(await runAxe(watch.page)).toEqual([]);
		expect(watch.offOrigin).toEqual([]);
		expect(watch.consoleErrors).toEqual([]);
	});

	it('is unavailable in publication mode, and says why', async () => {
		const publication = await openPage(browser, '/explore/?mode=publication');
		await publication.page.getByText(/not available in publication mode/).waitFor();
		expect(await sqlBox(publication.page).count()).toBe(0);
		expect(await publication.page.getByRole('button', { name: /Download referrals/ }).count()).toBe(0);
		await screenshot(publication.page, 'explore-publication');
		await publication.context.close();
	});
});
