import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { countDemo } from './independent-count';
import { launchBrowser, openPage, runAxe, screenshot, waitForCharts, type PageWatch } from './browser';

const en = (value: number) => value.toLocaleString('en-GB');
const percent = (part: number, whole: number) =>
	`${(Math.round((part / whole) * 1000) / 10).toLocaleString('en-GB', { minimumFractionDigits: 1 })}%`;
const CHARTS = 7;
const stages = [
	'mash_referral',
	'checklist_completed',
	'central_list',
	'mase_discussed',
	'risk_tool_completed'
];
type Row = Record<string, string>;
const reached = (rows: Row[], stage: string) =>
	rows.filter((row) => stages.indexOf(row.pathway_stage!) >= stages.indexOf(stage)).length;

/** Re-referral within 12 months after a child's first intervention, counted in plain JavaScript. */
function rereferralAfterAnyIntervention(rows: Row[]) {
	const last = rows
		.map((row) => row.referral_date!)
		.sort()
		.at(-1)!;
	const addYear = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
	const byChild = new Map<string, Row[]>();
	for (const row of rows) byChild.set(row.child_id!, [...(byChild.get(row.child_id!) ?? []), row]);
	let children = 0;
	let again = 0;
	for (const referrals of byChild.values()) {
		referrals.sort(
			(a, b) =>
				a.referral_date!.localeCompare(b.referral_date!) || a.referral_id!.localeCompare(b.referral_id!)
		);
		const index = referrals.find((row) => ['deter', 'understand', 'disrupt'].includes(row.intervention!));
		if (!index) continue;
		const end = addYear(index.referral_date!);
		if (end > last) continue;
		children++;
		if (referrals.some((row) => row.referral_date! > index.referral_date! && row.referral_date! <= end))
			again++;
	}
	return { children, again };
}

async function cellText(page: Page, chartIndex: number, rowMatch: string[], column: string) {
	const chart = page.locator('figure.chart').nth(chartIndex);
	const headers = await chart.locator('thead th').allTextContents();
	let rows = chart.locator('tbody tr');
	for (const text of rowMatch)
		rows = rows.filter({ has: page.getByRole('cell', { name: text, exact: true }) });
	return rows.locator('td').nth(headers.indexOf(column)).textContent();
}

let browser: Browser;
let watch: PageWatch;
beforeAll(async () => {
	browser = await launchBrowser();
	watch = await openPage(browser, '/pathway/');
	await waitForCharts(watch.page, CHARTS);
});
afterAll(() => browser?.close());

describe('pathway page', () => {
	it('draws every chart, and headlines equal to an independent count', async () => {
		const labels = await watch.page
			.locator('figure.chart svg[role="img"]')
			.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label')));
		expect(labels).toHaveLength(CHARTS);
		const { rows } = countDemo();
		const values = await watch.page.getByTestId('headline-value').allTextContents();
		expect(values[0]).toBe(en(rows.length));
		const recorded = rows.filter((row) => row.pathway_stage !== '');
		expect(values[1]).toBe(percent(reached(recorded, 'mase_discussed'), recorded.length));
		const nrmRecorded = rows.filter((row) => row.nrm_referral !== '');
		expect(values[3]).toBe(
			percent(nrmRecorded.filter((row) => row.nrm_referral === 'true').length, nrmRecorded.length)
		);
		const { children, again } = rereferralAfterAnyIntervention(rows);
		expect(values[4]).toBe(percent(again, children));
		await screenshot(watch.page, 'pathway');
		const charts = watch.page.locator('figure.chart');
		for (let index = 0; index < CHARTS; index++)
			await charts.nth(index).screenshot({ path: `tests/output/screenshots/pathway-chart-${index + 1}.png` });
	});

	it('shows the guidance wording of the three kinds of intervention and the re-referral definition', async () => {
		const guidance = await watch.page.locator('section.guidance').textContent();
		expect(guidance).toContain(
			'Deterring from the early signs and onset of gang and/or drug exploitation activity'
		);
		expect(guidance).toContain('already involved in use of weapons');
		const definition = await watch.page.locator('section.definition').textContent();
		expect(definition).toContain('no more than 12 months after it');
	});

	it('updates the MASE share when the looked-after filter changes', async () => {
		await watch.page.getByRole('combobox', { name: /^Looked after/ }).selectOption('yes');
		await expect.poll(() => watch.page.url()).toContain('looked-after=yes');
		const rows = countDemo().rows.filter((row) => row.looked_after === 'true' && row.pathway_stage !== '');
		await expect
			.poll(async () => (await watch.page.getByTestId('headline-value').allTextContents())[1])
			.toBe(percent(reached(rows, 'mase_discussed'), rows.length));
	});

	it('cross-filters when a district row of the heatmap is clicked', async () => {
		await watch.page.goto(new URL('/pathway/', watch.baseUrl).href);
		await waitForCharts(watch.page, CHARTS);
		const chart = watch.page.locator('figure.chart').nth(1);
		await chart.locator('svg[role="img"]').scrollIntoViewIfNeeded();
		const label = chart.locator('svg text', { hasText: /^Fenland$/ }).first();
		const box = (await label.boundingBox())!;
		const x = box.x + box.width + 120;
		const y = box.y + box.height / 2;
		await watch.page.mouse.move(x - 5, y);
		await watch.page.mouse.move(x, y);
		await watch.page.waitForTimeout(100);
		await watch.page.mouse.click(x, y);
		await expect.poll(() => watch.page.url()).toContain('district=fenland');
	});

	it('reproduces a filtered view from its URL', async () => {
		const query = 'from=2025-04-01&to=2026-03-31&district=fenland';
		await watch.page.goto(new URL(`/pathway/?${query}`, watch.baseUrl).href);
		await waitForCharts(watch.page, CHARTS);
		const rows = countDemo().rows.filter(
			(row) =>
				row.district === 'fenland' && row.referral_date! >= '2025-04-01' && row.referral_date! <= '2026-03-31'
		);
		await watch.page.locator('figure.chart').first().getByRole('button', { name: 'Show as table' }).click();
		expect(await cellText(watch.page, 0, ['Discussed at MASE'], 'Reached')).toBe(
			en(reached(rows, 'mase_discussed'))
		);
		expect(await cellText(watch.page, 0, ['Added to the central list'], 'Reached')).toBe(
			en(reached(rows, 'central_list'))
		);
		expect(new URL(watch.page.url()).search).toBe(`?${query}`);
	});

	it('publishes a known small cell perturbed in publication mode', async () => {
		const young = countDemo().rows.filter((row) => Number(row.age_at_referral) <= 9);
		const kinds = {
			deter: 'Deterring from early signs',
			understand: 'Understanding impact of weapons and drugs',
			disrupt: 'Supporting those already involved'
		} as const;
		const [kind, label] = Object.entries(kinds).find(([code]) => {
			const n = young.filter((row) => row.intervention === code).length;
			return n >= 1 && n <= 5;
		})!;
		const n = young.filter((row) => row.intervention === kind).length;
		await watch.page.goto(new URL('/pathway/', watch.baseUrl).href);
		await waitForCharts(watch.page, CHARTS);
		const chart = watch.page.locator('figure.chart').nth(3);
		await chart.getByRole('button', { name: 'Show as table' }).click();
		await expect.poll(() => cellText(watch.page, 3, ['Aged under 10', label], 'Referrals')).toBe(en(n));
		await watch.page.getByRole('checkbox', { name: 'Publication mode' }).check();
		await expect.poll(() => watch.page.url()).toContain('mode=publication');
		// Publication mode perturbs every count (cell key method): a true count of 1 to 5 is published as 0 or 6.
		await expect
			.poll(() => cellText(watch.page, 3, ['Aged under 10', label], 'Referrals'))
			.toMatch(/^(0|6)$/);
		await screenshot(watch.page, 'pathway-publication');
	});

	it('has no accessibility violations', async () => {
		expect(await runAxe(watch.page)).toEqual([]);
		await watch.page.goto(new URL('/pathway/', watch.baseUrl).href);
		await waitForCharts(watch.page, CHARTS);
		expect(await runAxe(watch.page)).toEqual([]);
	});

	it('makes no request to another origin and logs no errors', () => {
		expect(watch.offOrigin).toEqual([]);
		expect(watch.failedResponses).toEqual([]);
		expect(watch.consoleErrors).toEqual([]);
	});
});
