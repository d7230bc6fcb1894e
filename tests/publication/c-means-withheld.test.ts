/**
 * Issue 13: "c" only ever means withheld. With publication mode off nothing is withheld, so every "c" a page
 * shows there (a table cell, a chart's title, summary or caption, a headline card, a signal) would be a "c"
 * standing for "not computable" (no denominator, no data): it must say so in words or "–". Every dashboard
 * page is run on the demo for views with many empty groups (one district, one gender and one year of age;
 * a narrow cohort; the latest quarter), and every text it shows is searched for the symbol.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import type { ChartSpec } from '$lib/page/chart-spec';
import { periodPresets } from '$lib/domain/period-presets';
import type { Filters } from '$lib/domain/filters';
import { demoEngine, runPage } from '../helpers/page';
import { dashboardPages } from './collect-page';

/** "c" as a word: a cell that is only "c", or "c" between spaces and punctuation in a sentence. */
const symbolC = /(^|[\s(:;,])c($|[\s).,;:])/;

const isSpec = (value: unknown): value is ChartSpec =>
	typeof value === 'object' &&
	value !== null &&
	Array.isArray((value as ChartSpec).columns) &&
	Array.isArray((value as ChartSpec).rows);

/** Every text a step shows: strings anywhere in it, and a chart's table cells as they are formatted. */
function texts(value: unknown, path: string, found: [string, string][]): void {
	if (typeof value === 'string') found.push([path, value]);
	else if (Array.isArray(value)) value.forEach((item, index) => texts(item, `${path}[${index}]`, found));
	else if (isSpec(value)) {
		for (const field of ['title', 'summary', 'caption'] as const)
			if (typeof value[field] === 'string') found.push([`${path}.${field}`, value[field]]);
		for (const [index, row] of (value.rows as Record<string, unknown>[]).entries())
			for (const column of value.columns) {
				const cell = row[column.key];
				const shown = column.format ? column.format(cell as never, row as never) : String(cell ?? '');
				found.push([`${path}.rows[${index}].${column.label}`, shown]);
			}
	} else if (typeof value === 'object' && value !== null)
		for (const [key, inner] of Object.entries(value))
			if (typeof inner !== 'function' && key !== 'loading') texts(inner, `${path}.${key}`, found);
}

describe('"c" only ever means withheld', () => {
	let engine: Engine;
	let shown: [string, string][];
	beforeAll(async () => {
		engine = await demoEngine();
		const quarter = periodPresets('2026-11-15').find((preset) => preset.id === 'latest-quarter')!;
		const views: [string, Filters][] = [
			['all', {}],
			[
				'one district, girls aged 10',
				{ districts: ['fenland'], genders: ['female'], ageFrom: 10, ageTo: 10 }
			],
			[
				'latest quarter, one district',
				{ from: quarter.from, to: quarter.to, districts: ['east_cambridgeshire'] }
			],
			[
				'missing and drugs, aged 11',
				{
					indicators: { conditions: { ind_missing: 'present', ind_drugs: 'present' }, match: 'all' },
					ageFrom: 11,
					ageTo: 11
				}
			]
		];
		shown = [];
		for (const page of await dashboardPages())
			for (const [name, filters] of views) {
				const scope = (await runPage(page.definition, engine, {
					filters,
					publication: false
				})) as unknown as Record<string, unknown>;
				for (const step of page.shown) texts(scope[step], `${page.name} (${name}) ${step}`, shown);
			}
	}, 900_000);
	afterAll(() => engine?.close());

	it('shows no "c" with publication mode off, where nothing is withheld', () => {
		expect(shown.length).toBeGreaterThan(1000);
		expect(
			shown.filter(([, text]) => symbolC.test(text)).map(([path, text]) => `${path}: ${text.slice(0, 160)}`)
		).toEqual([]);
	});
});
