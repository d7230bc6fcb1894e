/**
 * The reader reads publication mode in Node, from the page definitions; a reader reads the browser. This
 * checks they are the same thing: for every dashboard page in its default view with publication mode on,
 * each chart the browser showed (title, summary, and every line of its CSV download's table, as the figures
 * snapshot recorded them from the production build in Chromium, `tests/e2e/figures-snapshot.e2e.ts`) is
 * a chart the page definition gives in Node, figure for figure. The snapshot is kept current by that e2e
 * test, so a browser that published anything other than what the Node pages do fails here or there.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import type { ChartSpec } from '$lib/page/chart-spec';
import { tableToCsv, type CsvColumn } from '$lib/export/table-to-csv';
import { demoEngine, runPage } from '../helpers/page';
import { dashboardPages, type DashboardPage } from './collect-page';

interface BrowserFigure {
	title: string;
	summary: string;
	csv: { lines: string[] };
}

/** The figures the browser showed on a page in publication mode, from the figures snapshot. */
function browserFigures(page: string): BrowserFigure[] {
	const file = page === 'trends' ? 'trends-month' : page;
	const snapshot = JSON.parse(
		readFileSync(`tests/e2e/__snapshots__/figures/${file}-publication.json`, 'utf8')
	) as { blocks: { figure?: BrowserFigure }[] };
	return snapshot.blocks.flatMap((block) => (block.figure ? [block.figure] : []));
}

/** Every chart a page's shown steps hold, in any nesting. */
function chartSpecs(value: unknown): ChartSpec[] {
	if (Array.isArray(value)) return value.flatMap(chartSpecs);
	if (typeof value !== 'object' || value === null) return [];
	const spec = value as ChartSpec;
	if (Array.isArray(spec.columns) && Array.isArray(spec.rows) && typeof spec.title === 'string')
		return [spec];
	return Object.values(value).flatMap(chartSpecs);
}

/** The table part of a chart's CSV (header and rows), as lines. */
function csvTable(spec: ChartSpec): string[] {
	const csv = tableToCsv(
		{ title: spec.title, filters: '', source: '', asAt: '', publication: true },
		spec.columns as CsvColumn[],
		spec.rows as object[]
	);
	return csv.slice(1, -2).split('\r\n\r\n')[1]!.split('\r\n');
}

let engine: Engine;
let pages: DashboardPage[];
beforeAll(async () => {
	engine = await demoEngine();
	pages = await dashboardPages();
});
afterAll(() => engine?.close());

describe('the browser publishes what the page definitions publish', () => {
	it('finds the eight dashboard pages', () => {
		expect(pages.map((page) => page.name).sort()).toEqual([
			'children',
			'cohorts',
			'districts',
			'indicators',
			'missing',
			'overview',
			'pathway',
			'trends'
		]);
	});

	it('gives, for every chart the browser showed in publication mode, the same title, summary and CSV table', async () => {
		let compared = 0;
		// The figures snapshot (tests/e2e/figures-snapshot.e2e.ts) covers the seven pages a board reads; the
		// Cohorts page has its own e2e test of its counts.
		for (const page of pages.filter((one) => one.name !== 'cohorts')) {
			const scope = (await runPage(page.definition, engine, { publication: true })) as unknown as Record<
				string,
				unknown
			>;
			const specs = page.shown.flatMap((step) => chartSpecs(scope[step]));
			for (const figure of browserFigures(page.name)) {
				const spec = specs.find((one) => one.title === figure.title);
				expect(spec, `${page.name}: "${figure.title}"`).toBeDefined();
				expect(spec!.summary).toBe(figure.summary);
				const browser = figure.csv.lines.slice(figure.csv.lines.indexOf('') + 1);
				expect(csvTable(spec!), `${page.name}: "${figure.title}"`).toEqual(browser);
				compared++;
			}
		}
		expect(compared).toBeGreaterThan(30);
	});
});
