import type { Locator, Page } from 'playwright-core';

/** The chart figure whose title matches. */
export function figure(page: Page, title: RegExp): Locator {
	return page.locator('figure.chart').filter({ has: page.getByRole('heading', { level: 2, name: title }) });
}

/** Open a figure's "Show as table" view and read it as objects keyed by column header (cell text). */
export async function readTable(chart: Locator): Promise<Record<string, string>[]> {
	const toggle = chart.getByRole('button', { name: 'Show as table' });
	if (await toggle.isVisible()) await toggle.click();
	await chart.locator('table tbody tr').first().waitFor();
	return chart.locator('table').evaluate((table) => {
		const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
		return [...table.querySelectorAll('tbody tr')].map((tr) =>
			Object.fromEntries(
				[...tr.querySelectorAll('td')].map((td, index) => [headers[index]!, td.textContent?.trim() ?? ''])
			)
		);
	});
}

/** Back to the chart view. */
export async function showChart(chart: Locator): Promise<void> {
	const toggle = chart.getByRole('button', { name: 'Show chart' });
	if (await toggle.isVisible()) await toggle.click();
}

/** en-GB count as the tables print it. */
export const en = (value: number) => value.toLocaleString('en-GB');

/** Financial year label (2024-25) of an ISO day. */
export function financialYear(iso: string): string {
	const year = Number(iso.slice(0, 4)) - (Number(iso.slice(5, 7)) < 4 ? 1 : 0);
	return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}
