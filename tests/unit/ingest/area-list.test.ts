/**
 * Area references read from files: the ONS sample (wide), a long layout by sex, and a simple areas file. The
 * totals asserted for the sample were found with awk, independently of Sightline (see samples.test.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaReference } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import { replaceAreas } from '$lib/engine/load-reference';
import { createSchema } from '$lib/engine/load-tables';
import { ingestFile, type AreaList } from '$lib/ingest';
import { sql } from '$lib/sql/sql';
import { freshEngine, TEST_SECRET } from '../../helpers/engine';
import { samplesDirectory } from '../../fixtures/ingest/samples-directory';

const bytes = (text: string) => new TextEncoder().encode(text);

async function areaList(name: string, data: Uint8Array): Promise<AreaList> {
	const outcome = await ingestFile({ name, bytes: data }, { today: '2026-12-06' });
	if (outcome.status !== 'population' && outcome.status !== 'areas')
		throw new Error(`${name}: ${outcome.status}: ${'reason' in outcome ? outcome.reason : ''}`);
	return outcome.areas;
}

let engine: Engine;
beforeAll(async () => {
	engine = await freshEngine();
	await createSchema(engine, TEST_SECRET);
});
afterAll(() => engine.close());

describe('ONS mid-year estimates as the area reference', () => {
	it('the wide sample: Trafford, its persons row, 0–9 and 10–17 loaded as the population', async () => {
		const name = 'mid-year_population_estimates_local_authority.csv';
		const list = await areaList(name, new Uint8Array(await readFile(join(samplesDirectory(), 'ons', name))));
		expect(list.areas).toEqual([{ code: 'trafford', name: 'Trafford', gss: 'E08000009' }]);
		// awk over the Persons row, ages 0–9 and 10–17: 30621 and 26005; the rows are by sex and single year.
		const band = (code: string) =>
			list.population.filter((row) => row.age_band === code).reduce((sum, row) => sum + row.children, 0);
		expect([band('0-9'), band('10-17')]).toEqual([30621, 26005]);
		expect(new Set(list.population.map((row) => `${row.district} ${row.year} ${row.sex}`))).toEqual(
			new Set(['trafford 2020 male', 'trafford 2020 female'])
		);
		const replaced = await replaceAreas(engine, areaReference(list.title, list.areas), list.population);
		expect(replaced.removed).toEqual({ referrals: 0, missing_episodes: 0 });
		const [row] = await engine.query<{ areas: number; children: number; ons: boolean }>(
			sql`SELECT count(DISTINCT district) AS areas, sum(children) AS children, bool_and(source LIKE 'ONS%') AS ons FROM population`
		);
		expect(row).toEqual({ areas: 1, children: 30621 + 26005, ons: true });
	});

	it('a long layout by sex only: rows by sex and single year, ages 18 and over left out', async () => {
		const lines = ['Date,Geography,Geography code,Age,Sex,Value'];
		for (const [code, place] of [
			['E06000031', 'Peterborough'],
			['E07000010', 'Fenland']
		])
			for (let age = 0; age <= 19; age++)
				for (const sex of ['Male', 'Female'])
					lines.push(`2023,${place},${code},${age},${sex},${100 + age + (sex === 'Male' ? 1 : 0)}`);
		const list = await areaList('long.csv', bytes(lines.join('\n')));
		expect(list.areas.map((area) => [area.code, area.gss])).toEqual([
			['peterborough', 'E06000031'],
			['fenland', 'E07000010']
		]);
		// Ages 0–9: Σ (100 + a) × 2 + 10 = 2100; ages 10–17: Σ (100 + a) × 2 + 8 = 1832 (a = 10…17: 108 sum).
		const fenland = list.population.filter((row) => row.district === 'fenland');
		const band = (code: string) =>
			fenland.filter((row) => row.age_band === code).reduce((sum, row) => sum + row.children, 0);
		expect([band('0-9'), band('10-17')]).toEqual([2 * (1000 + 45) + 10, 2 * (800 + 108) + 8]);
		expect(fenland.filter((row) => row.sex === 'male' && row.age === 17).map((row) => row.children)).toEqual([
			118
		]);
	});
});

describe('a simple areas file as the area reference', () => {
	it('reads code, name and children aged 0 to 17; codes become readable slugs, GSS codes kept', async () => {
		const list = await areaList(
			'localities.csv',
			bytes('code,name,population\nN1,North Locality,12000\nE07000010,Fenland,20000\nS1,South Locality,\n')
		);
		expect(list.title).toBe('localities');
		expect(list.areas).toEqual([
			{ code: 'north_locality', name: 'North Locality', aliases: ['N1'] },
			{ code: 'fenland', name: 'Fenland', gss: 'E07000010' },
			{ code: 'south_locality', name: 'South Locality', aliases: ['S1'] }
		]);
		expect(list.population.map((row) => [row.district, row.age_band, row.children])).toEqual([
			['north_locality', '0-17', 12000],
			['fenland', '0-17', 20000]
		]);
		expect(areaReference(list.title, list.areas).resolve('n1')).toBe('north_locality');
	});

	it('is not taken for an extract that merely has a name column', async () => {
		const outcome = await ingestFile(
			{ name: 'x.csv', bytes: bytes('Referral ID,Name,Code,Date of Referral\nR1,A,B,01/05/2024\n') },
			{ today: '2026-12-06' }
		);
		expect(outcome.status).not.toBe('areas');
	});
});
