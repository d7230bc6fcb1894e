import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { samplesDirectory } from '../fixtures/ingest/samples-directory';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, screenshot, waitForCharts, waitForEngine, type PageWatch } from './browser';

// One statutory sample per format through the Data page, as a user loads it; the counts are those the
// Node pipeline asserts (tests/unit/ingest/samples.test.ts, cli-samples.test.ts).
const sample = (path: string) => join(samplesDirectory(), path);

let browser: Browser;
let watch: PageWatch;
beforeAll(async () => {
	browser = await launchBrowser();
	watch = await openPage(browser, '/data/');
	await watch.page.getByTestId('data-banner').getByText('Synthetic demo data').waitFor({ timeout: 120_000 });
	await waitForEngine(watch.page);
});
afterAll(() => browser?.close());

const counts = () => watch.page.getByTestId('report-counts').last().textContent();

/** The file names no area: give one for the whole file in the mapping step, as the page asks. */
async function districtForWholeFile(district: string) {
	const form = watch.page.getByRole('region', { name: /Map the columns/ });
	await form.waitFor({ timeout: 60_000 });
	await form
		.getByRole('combobox', { name: /District \(required\)/ })
		.selectOption({ label: 'One value for the whole file…' });
	await form.getByLabel('District for every row').fill(district);
	await form.getByRole('button', { name: 'Load with this mapping' }).click();
}

describe('statutory samples through the Data page', () => {
	it('SSDA903 XML: six missing episodes loaded, none rejected, once a district is given', async () => {
		await watch.page.getByTestId('file-input').setInputFiles(sample('ssda903/fake_903.xml'));
		await districtForWholeFile('Fenland');
		await expect
			.poll(counts, { timeout: 60_000 })
			.toMatch(/Read 6 rows: 6 loaded and 0 rejected \(6 \+ 0 = 6\)/);
		await watch.page.getByRole('link', { name: 'Missing episodes' }).click();
		await waitForCharts(watch.page);
		await screenshot(watch.page, 'missing-after-ssda903');
		// The sample records no return interview: the card says so rather than marking a withheld figure (c).
		const interviews = watch.page.getByTestId('headline-value').nth(3);
		expect(await interviews.textContent()).toBe('–');
		expect(await watch.page.getByTestId('data-banner').textContent()).toContain('fake_903.xml (6 rows)');
		await watch.page.getByRole('link', { name: 'Load data' }).click();
	});

	it('SSDA903 Header CSV: a reference table, not referrals; none of its children are in the XML sample', async () => {
		await watch.page.getByTestId('file-input').setInputFiles(sample('ssda903/header.csv'));
		const reference = () => watch.page.getByTestId('report-reference').last().textContent();
		await expect.poll(reference, { timeout: 60_000 }).toContain('SSDA903 Header table, a reference table');
		expect(await watch.page.getByTestId('report-enrichments').last().textContent()).toContain(
			"Sex and age added to 0 of 6 missing episodes from header.csv; 6 episodes' children are not in the header."
		);
		expect(await watch.page.getByTestId('data-banner').textContent()).toContain('fake_903.xml (6 rows)');
	});

	it('CIN census XML: the referral with no exploitation factor is counted as out of scope', async () => {
		await watch.page.getByTestId('file-input').setInputFiles(sample('cin-census/cin-2022.xml'));
		await districtForWholeFile('Fenland');
		await expect
			.poll(counts, { timeout: 60_000 })
			.toMatch(/Read 1 rows: 0 loaded and 0 rejected, and 1 out of scope \(0 \+ 0 \+ 1 = 1\)/);
	});

	it('Annex A workbook: List 3 chosen as referrals, six read and loaded', async () => {
		await watch.page.getByTestId('file-input').setInputFiles(sample('annex-a/Annex_A.xlsx'));
		const form = watch.page.getByRole('region', { name: /Choose the list/ });
		await form.waitFor({ timeout: 60_000 });
		await form.getByTestId('sheet-choice').selectOption('List 3');
		await form.getByLabel('It holds').selectOption('referrals');
		await form.getByLabel(/District for every row/).fill('Fenland');
		await form.getByRole('button', { name: 'Load this list' }).click();
		await expect
			.poll(counts, { timeout: 60_000 })
			.toMatch(/Read 6 rows: 6 loaded and 0 rejected \(6 \+ 0 = 6\)/);
	});

	it('ONS mid-year estimates: read as a population reference, its areas reported', async () => {
		await watch.page
			.getByTestId('file-input')
			.setInputFiles(sample('ons/mid-year_population_estimates_local_authority.csv'));
		const areas = () => watch.page.getByTestId('report-areas').last().textContent();
		await expect.poll(areas, { timeout: 60_000 }).toMatch(/population/i);
		await expect
			.poll(areas)
			.toMatch(
				/Read 3 rows: 1 area, mid-2020\. Children aged 0 to 17 by single year of age and sex \(males and females\), mid-2020\..*The districts of every page are now the 1 area of/s
			);
		expect(watch.consoleErrors).toEqual([]);
		expect(watch.offOrigin).toEqual([]);
	});
});

describe('SSDA903 Missing and Header tables dropped together', () => {
	let own: PageWatch;
	afterAll(() => own?.context.close());

	it('the Missing table loads once its area is given, the header then adds sex and age, and the Missing page splits by sex', async () => {
		own = await openPage(browser, '/data/');
		await own.page.getByTestId('data-banner').getByText('Synthetic demo data').waitFor({ timeout: 120_000 });
		await waitForEngine(own.page);
		// Four children of the header sample and one in neither (tests/fixtures/ingest/ssda903/README.md).
		const missing = fileURLToPath(
			new URL('../fixtures/ingest/ssda903/missing-for-samples.csv', import.meta.url)
		);
		await own.page.getByTestId('file-input').setInputFiles([missing, sample('ssda903/header.csv')]);
		const form = own.page.getByRole('region', { name: /Map the columns/ });
		await form.waitFor({ timeout: 60_000 });
		expect(await form.textContent()).toContain('Then header.csv will load.');
		await form
			.getByRole('combobox', { name: /District \(required\)/ })
			.selectOption({ label: 'One value for the whole file…' });
		await form.getByLabel('District for every row').fill('Fenland');
		await form.getByRole('button', { name: 'Load with this mapping' }).click();
		const enrichments = () => own.page.getByTestId('report-enrichments').last().textContent();
		await expect
			.poll(enrichments, { timeout: 60_000 })
			.toContain(
				"Sex and age added to 4 of 5 missing episodes from header.csv; 1 episode's child is not in the header."
			);
		expect(await own.page.getByTestId('report-counts').last().textContent()).toMatch(
			/Read 5 rows: 5 loaded and 0 rejected \(5 \+ 0 = 5\)/
		);
		await screenshot(own.page, 'data-after-ssda903-missing-and-header');
		await own.page.getByRole('link', { name: 'Missing episodes' }).click();
		await waitForCharts(own.page);
		// grep of header.csv: 566910, 384923 and 550084 are female (2), 709901 male (1); 999999 is not listed.
		const bySex = own.page.locator('figure.chart').filter({ hasText: 'Episodes by sex' });
		await bySex.waitFor({ timeout: 60_000 });
		expect(await bySex.textContent()).toMatch(
			/male 1 \(20\.0%\), 1 child; female 3 \(60\.0%\), 3 children; not recorded 1 \(20\.0%\), 1 child\./
		);
		await screenshot(own.page, 'missing-after-ssda903-missing-and-header');
		expect(own.consoleErrors).toEqual([]);
	});
});
