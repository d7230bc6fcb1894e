import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districts, populationAgeBands, populationRowSchema } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import { loadPopulation } from '$lib/engine/load-reference';
import { createSchema } from '$lib/engine/load-tables';
import { sql } from '$lib/sql/sql';
import { freshEngine, TEST_SECRET } from '../../helpers/engine';

const csv = readFileSync('data/reference/district-population.csv', 'utf8');
let engine: Engine;
beforeAll(async () => {
	engine = await freshEngine();
	await createSchema(engine, TEST_SECRET);
	await loadPopulation(engine, csv);
});
afterAll(() => engine.close());

describe('population reference', () => {
	it('every row satisfies the contract and uses known age bands', () => {
		const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
		for (const row of rows) {
			populationRowSchema.parse({
				...row,
				year: Number(row.year),
				sex: row.sex === '' ? null : row.sex,
				age: row.age === '' ? null : Number(row.age),
				children: Number(row.children)
			});
			expect(populationAgeBands.codes).toContain(row.age_band);
		}
	});

	it('loads into DuckDB with every district in every year and both bands', async () => {
		const rows = await engine.query<{ year: number; districts: number; bands: number }>(
			sql`SELECT year, count(DISTINCT district) AS districts, count(DISTINCT age_band) AS bands FROM population GROUP BY year ORDER BY year`
		);
		expect(rows.length).toBeGreaterThanOrEqual(5);
		for (const row of rows) expect(row).toMatchObject({ districts: districts.codes.length, bands: 2 });
	});

	it('has Peterborough’s published ONS 0–17 figure for mid-2023', async () => {
		const [row] = await engine.query<{ children: number }>(
			sql`SELECT sum(children) AS children FROM population WHERE district = 'peterborough' AND year = 2023`
		);
		expect(row?.children).toBe(56_451);
	});
});
