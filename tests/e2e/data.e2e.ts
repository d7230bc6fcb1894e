import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
	launchBrowser,
	openPage,
	runAxe,
	screenshot,
	waitForCharts,
	waitForEngine,
	type PageWatch
} from './browser';

const fixture = (name: string) => `tests/fixtures/ingest/${name}`;

let browser: Browser;
let watch: PageWatch;
beforeAll(async () => {
	browser = await launchBrowser();
	watch = await openPage(browser, '/data/');
	await watch.page.getByTestId('data-banner').getByText('Synthetic demo data').waitFor({ timeout: 90_000 });
	await waitForEngine(watch.page);
});
afterAll(() => browser?.close());

describe('loading a messy extract through the page', () => {
	it('loads a Windows-1252, CRLF, dd/mm/yyyy export with Annex A headings and reports every row', async () => {
		await watch.page.getByTestId('file-input').setInputFiles(fixture('windows-1252-crlf.csv'));
		const counts = watch.page.getByTestId('report-counts');
		await expect
			.poll(() => counts.textContent(), { timeout: 60_000 })
			.toMatch(/Read 4 rows: 3 loaded and 1 rejected \(3 \+ 1 = 4\)/);
		const rejected = watch.page.getByRole('table', { name: /Rejected rows in windows-1252-crlf.csv/ });
		const cells = await rejected.locator('tbody tr').first().locator('td').allTextContents();
		expect(cells[0]).toMatch(/^\d+$/);
		expect(cells[2]?.length).toBeGreaterThan(0);
		expect(cells[4]?.length).toBeGreaterThan(10);
		await expect.poll(() => watch.page.getByTestId('data-banner').textContent()).toContain('Your data');
		await screenshot(watch.page, 'data-loaded');
	});

	it('shows the loaded data on the dashboard', async () => {
		await watch.page.getByRole('link', { name: 'Overview' }).click();
		await waitForCharts(watch.page);
		const [referrals] = await watch.page.getByTestId('headline-value').allTextContents();
		expect(referrals).toBe('3');
		expect(await watch.page.getByTestId('data-banner').textContent()).toContain(
			'windows-1252-crlf.csv (3 rows)'
		);
	});

	it('refuses a garbage file with one clear message and keeps the loaded data', async () => {
		await watch.page.getByRole('link', { name: 'Load data' }).click();
		await watch.page.getByTestId('file-input').setInputFiles(fixture('png-renamed.csv'));
		await expect
			.poll(() => watch.page.getByTestId('report-error').last().textContent())
			.toMatch(/not .*data file|image/i);
		expect(await watch.page.getByTestId('data-banner').textContent()).toContain(
			'windows-1252-crlf.csv (3 rows)'
		);
	});

	it('appends a second extract, counting repeated referrals once', async () => {
		await watch.page.getByTestId('file-input').setInputFiles(fixture('append-january.csv'));
		await expect
			.poll(() => watch.page.getByTestId('data-banner').textContent(), { timeout: 60_000 })
			.toContain('append-january.csv');
		await watch.page.getByTestId('file-input').setInputFiles(fixture('append-february.csv'));
		await expect
			.poll(() => watch.page.getByTestId('data-banner').textContent(), { timeout: 60_000 })
			.toContain('append-february.csv');
		const counts = await watch.page.getByTestId('report-counts').allTextContents();
		expect(counts.at(-1)).toMatch(/rejected/);
	});

	it('appends two files of the same name, lists both and flags the gap between them', async () => {
		const heading = 'Referral ID,Child ID,Date of Referral,Age,Gender,District';
		const extract = (rows: string[]) => ({
			name: 'extract.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from([heading, ...rows, ''].join('\r\n'))
		});
		// january/extract.csv to 15 January, february/extract.csv from 1 February: 16 days neither covers.
		const banner = watch.page.getByTestId('data-banner');
		await watch.page
			.getByTestId('file-input')
			.setInputFiles(extract(['S1,K1,02/01/2025,15,M,Fenland', 'S2,K2,15/01/2025,14,F,Cambridge']));
		await expect.poll(() => banner.textContent(), { timeout: 60_000 }).toMatch(/extract\.csv \(2 rows\)/);
		await expect.poll(() => watch.page.getByTestId('file-input').isEnabled(), { timeout: 60_000 }).toBe(true);
		await watch.page
			.getByTestId('file-input')
			.setInputFiles(extract(['S3,K3,01/02/2025,15,M,Fenland', 'S4,K4,20/02/2025,16,F,Peterborough']));
		await expect
			.poll(() => banner.textContent(), { timeout: 60_000 })
			.toMatch(/extract\.csv \(2 rows\); extract\.csv \(2 rows\)/);
		await expect
			.poll(() => watch.page.getByTestId('report-coverage').last().textContent(), { timeout: 60_000 })
			.toMatch(/^Gap: nothing loaded covers 16 Jan.*31 Jan.* \(16 days\) between extract\.csv/);
		expect(await watch.page.getByTestId('data-gap').textContent()).toMatch(/16 Jan[a-z]* (2025 )?to 31 Jan/);
		expect(watch.consoleErrors).toEqual([]);
	});

	it('keeps the data shown when every row of a file is rejected', async () => {
		const before = await watch.page.getByTestId('data-banner').textContent();
		await watch.page.getByTestId('file-input').setInputFiles(fixture('all-rejected.csv'));
		await watch.page.getByTestId('report-unchanged').waitFor({ timeout: 60_000 });
		expect(await watch.page.getByTestId('data-banner').textContent()).toBe(before);
	});

	it('opens the mapping step when two columns claim a required field, and loads after the user chooses', async () => {
		await watch.page.getByTestId('file-input').setInputFiles(fixture('duplicate-headings.csv'));
		const form = watch.page.getByRole('region', { name: /Map the columns/ });
		await form.waitFor();
		await screenshot(watch.page, 'data-mapping');
		const select = form.getByRole('combobox', { name: /District \(required\)/ });
		const options = await select.locator('option').allTextContents();
		expect(options).toContain('District (column F)');
		expect(options).toContain('District (column G)');
		await select.selectOption({ label: 'District (column G)' });
		await form.getByRole('button', { name: 'Load with this mapping' }).click();
		await expect
			.poll(() => watch.page.getByTestId('data-banner').textContent(), { timeout: 60_000 })
			.toContain('duplicate-headings.csv');
	});

	it('has no accessibility violations and no off-origin requests', async () => {
		expect(await runAxe(watch.page)).toEqual([]);
		expect(watch.offOrigin).toEqual([]);
		expect(watch.consoleErrors).toEqual([]);
	});
});

describe('keeping data on this device', () => {
	it(
		'is off by default, restores kept data after a reload and in a second tab, and removes every trace on request',
		{ timeout: 400_000 },
		async () => {
			const kept = await openPage(browser, '/data/');
			const { page } = kept;
			const banner = page.getByTestId('data-banner');
			await banner.getByText('Synthetic demo data').waitFor({ timeout: 90_000 });
			await waitForEngine(page);
			expect(await page.getByTestId('keep-data').isChecked()).toBe(false);

			await page.getByTestId('file-input').setInputFiles(fixture('utf8-basic.csv'));
			await expect.poll(() => banner.textContent(), { timeout: 60_000 }).toContain('utf8-basic.csv');
			await page.getByTestId('keep-data').check();
			await expect.poll(() => banner.textContent(), { timeout: 60_000 }).toContain('is kept on this device');

			await page.reload();
			await expect.poll(() => banner.textContent(), { timeout: 90_000 }).toContain('utf8-basic.csv (6 rows)');
			expect(await page.getByTestId('keep-data').isChecked()).toBe(true);
			// The banner names the kept file from its kept first screen, before the engine starts: wait for the
			// rows themselves to be restored.
			await waitForEngine(page);

			// What is stored is the contract's columns and the files' provenance, never the file.
			const stored = await page.evaluate(
				() =>
					new Promise<string>((resolve, reject) => {
						const request = indexedDB.open('sightline');
						request.onerror = () => reject(request.error);
						request.onsuccess = () => {
							const get = request.result.transaction('kept-data').objectStore('kept-data').get('data');
							get.onsuccess = () => {
								const { source, tables } = get.result;
								request.result.close();
								resolve(
									JSON.stringify({
										keys: Object.keys(get.result).sort(),
										files: source.files.map((file: { name: string }) => file.name),
										blobs: Object.values(tables).filter((value) => value instanceof Blob).length
									})
								);
							};
						};
					})
			);
			expect(JSON.parse(stored)).toEqual({ keys: ['source', 'tables'], files: ['utf8-basic.csv'], blobs: 0 });

			// A second tab shows the kept data; removing it in the first is seen in the second.
			const second = await kept.context.newPage();
			await second.goto(new URL('/data/', kept.baseUrl).href);
			const secondBanner = second.getByTestId('data-banner');
			await expect
				.poll(() => secondBanner.textContent(), { timeout: 90_000 })
				.toContain('utf8-basic.csv (6 rows)');
			await waitForEngine(second);

			await page.getByTestId('remove-all').click();
			await expect.poll(() => banner.textContent(), { timeout: 60_000 }).toContain('Synthetic demo data');
			await expect
				.poll(() => secondBanner.textContent(), { timeout: 30_000 })
				.toContain('Synthetic demo data');
			expect(await second.getByTestId('keep-data').isChecked()).toBe(false);

			// Kept again in the second tab: the first follows, so a load there appends rather than overwriting.
			await second.getByTestId('file-input').setInputFiles(fixture('utf8-basic.csv'));
			await expect.poll(() => secondBanner.textContent(), { timeout: 60_000 }).toContain('utf8-basic.csv');
			await second.getByTestId('keep-data').check();
			await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toContain('utf8-basic.csv (6 rows)');
			await page.getByTestId('file-input').setInputFiles(fixture('append-january.csv'));
			await expect.poll(() => banner.textContent(), { timeout: 60_000 }).toContain('append-january.csv');
			await expect
				.poll(() => secondBanner.textContent(), { timeout: 30_000 })
				.toMatch(/utf8-basic\.csv \(6 rows\); append-january\.csv/);
			await second.close();

			await page.getByTestId('remove-all').click();
			await expect.poll(() => banner.textContent(), { timeout: 60_000 }).toContain('Synthetic demo data');
			const databases = await page.evaluate(() => indexedDB.databases());
			expect(databases.map((database) => database.name)).not.toContain('sightline');
			await page.reload();
			await expect.poll(() => banner.textContent(), { timeout: 90_000 }).toContain('Synthetic demo data');
			expect(kept.offOrigin).toEqual([]);
			expect(kept.consoleErrors).toEqual([]);
			await kept.context.close();
		}
	);
});
