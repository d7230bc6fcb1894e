/**
 * Any partnership: an 80-area regional extract (more areas than a 64-bit mask could hold) with its own
 * areas file. The areas file becomes the reference; the extract loads against it (districts named by name
 * or GSS code, unknown areas reported); filters and the URL round-trip; cubes, series and rates cover all 80.
 * Expected numbers come from the generated rows in plain JavaScript, never from the app's SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaReference, type AreaReference } from '$lib/contract';
import type { Engine } from '$lib/engine/engine';
import { appendArrow } from '$lib/engine/load-arrow';
import { replaceAreas } from '$lib/engine/load-reference';
import { createSchema, refreshFacts } from '$lib/engine/load-tables';
import { columnValues, ingestFile, toArrowIPC, type AreaList } from '$lib/ingest';
import { referralCounts } from '$lib/sql/cubes';
import { districtRates, type DistrictRateRow } from '$lib/sql/metrics/districts/district-rates';
import { referralWindowCounts } from '$lib/sql/metrics/overview/window-counts';
import { sql } from '$lib/sql/sql';
import { filtersFromParams, filtersToParams } from '$lib/state/filter-params';
import { districtsPage } from '../../../src/routes/districts/districts-page';
import { freshEngine, TEST_SECRET } from '../../helpers/engine';
import { runPage } from '../../helpers/page';

const areaCount = 80;
const first = ['North', 'South', 'East', 'West', 'Upper', 'Lower', 'Great', 'Little'];
const second = [
	'Ashby',
	'Brampton',
	'Carlton',
	'Dunmore',
	'Elmstead',
	'Fairfield',
	'Glenholt',
	'Hartwell',
	'Ivybridge',
	'Kingsmead'
];
/** 80 areas with GSS-shaped codes and names ("North Ashby"), the children aged 0–17 of each. */
const areas = Array.from({ length: areaCount }, (_, i) => ({
	gss: `E07000${String(300 + i)}`,
	name: `${first[i % first.length]} ${second[Math.floor(i / first.length)]}`,
	children: 10_000 + 250 * i
}));
/** Area i has (i % 5) + 1 referrals; the district cell alternates name, GSS code and upper-case name. */
const referralsOf = (i: number) => (i % 5) + 1;
const cell = (i: number) => [areas[i]!.name, areas[i]!.gss, areas[i]!.name.toUpperCase()][i % 3]!;

const bytes = (text: string) => new TextEncoder().encode(text);
const areasCsv = ['code,name,population', ...areas.map((a) => `${a.gss},${a.name},${a.children}`)].join('\n');
const extractRows: string[] = ['Referral ID,Child ID,Date of Referral,Age,Gender,District'];
areas.forEach((_, i) => {
	for (let n = 0; n < referralsOf(i); n++)
		extractRows.push(
			`R${i}-${n},C${i}-${n},${String(1 + n).padStart(2, '0')}/05/2024,${10 + (n % 8)},F,${cell(i)}`
		);
});
// Two areas from another partnership: reported together, not dropped silently.
extractRows.push(
	'X1,CX1,01/05/2024,15,M,Narnia',
	'X2,CX2,02/05/2024,15,M,Narnia',
	'X3,CX3,03/05/2024,15,M,Atlantis'
);
const expectedLoaded = areas.reduce((sum, _, i) => sum + referralsOf(i), 0);

let engine: Engine;
let reference: AreaReference;
let list: AreaList;
let notes: readonly string[];
beforeAll(async () => {
	const read = await ingestFile({ name: 'region-areas.csv', bytes: bytes(areasCsv) });
	if (read.status !== 'areas') throw new Error(read.status);
	list = read.areas;
	reference = areaReference(list.title, list.areas);
	const extract = await ingestFile(
		{ name: 'region.csv', bytes: bytes(extractRows.join('\n')) },
		{ today: '2026-12-06', contractCheck: 'all', areas: reference }
	);
	if (extract.status !== 'loaded') throw new Error(`${extract.status}`);
	expect([extract.result.read, extract.result.loaded, extract.result.rejectedRows]).toEqual([
		expectedLoaded + 3,
		expectedLoaded,
		3
	]);
	notes = extract.result.files[0]!.notes;
	engine = await freshEngine();
	await createSchema(engine, TEST_SECRET);
	await replaceAreas(engine, reference, list.population);
	await appendArrow(engine, 'referrals', toArrowIPC(extract.result));
	await refreshFacts(engine);
	// Every district cell, whichever spelling, became its area's code.
	expect(new Set(columnValues(extract.result.columns.district!)).size).toBe(areaCount);
});
afterAll(() => engine.close());

describe('an 80-area regional extract with its areas file', () => {
	it('the areas file is the reference: 80 areas in file order, readable codes, GSS codes kept', () => {
		expect(reference.areas).toHaveLength(areaCount);
		expect(reference.areas[0]).toEqual({ code: 'north_ashby', name: 'North Ashby', gss: 'E07000300' });
		expect(reference.areas.at(-1)!.code).toBe('little_kingsmead');
	});

	it('reports the areas that are not in the reference, with their count and names', () => {
		expect(notes).toContain(
			'2 areas are not in the area reference (region-areas), so 3 rows were rejected: "Narnia" (2 rows), "Atlantis" (1 row). Load an area reference that lists them (an ONS mid-year estimate file or an areas file) or map the spelling in a profile.'
		);
	});

	it('loads every area into the engine, the district type in the reference order', async () => {
		const rows = await engine.query<{ code: string; n: number }>(
			sql`SELECT CAST(district AS VARCHAR) AS code, count(*) AS n FROM referrals GROUP BY district ORDER BY district`
		);
		expect(rows.map((row) => row.code)).toEqual(reference.enumeration.codes);
		expect(rows.map((row) => Number(row.n))).toEqual(areas.map((_, i) => referralsOf(i)));
	});

	it('filters by districts beyond the 64th through the cube, as the facts count them', async () => {
		const chosen = [reference.areas[3]!.code, reference.areas[70]!.code, reference.areas[79]!.code];
		const counts = referralCounts({ districts: chosen });
		expect(counts.from.text).toBe('"referral_cube"');
		const [row] = await engine.query<{ n: number }>(
			sql`SELECT ${counts.referrals().count} AS n FROM ${counts.from} WHERE ${counts.where}`
		);
		expect(Number(row!.n)).toBe(referralsOf(3) + referralsOf(70) + referralsOf(79));
		const windows = await engine.query<{ area: string; referrals: number }>(
			referralWindowCounts(
				{},
				[{ name: 'may', from: '2024-05-01', to: '2024-05-31' }],
				reference.enumeration.codes
			)
		);
		expect(windows).toHaveLength(areaCount + 1);
	});

	it('round-trips the district filter through the URL as readable codes; GSS codes and names are read too', () => {
		const filters = { districts: [reference.areas[79]!.code, reference.areas[2]!.code] };
		const params = filtersToParams(filters, reference);
		expect(params.get('district')).toBe('east_ashby,little_kingsmead');
		expect(filtersFromParams(params, reference)).toEqual({ districts: ['east_ashby', 'little_kingsmead'] });
		expect(filtersFromParams(new URLSearchParams('district=E07000379,west ashby,narnia'), reference)).toEqual(
			{
				districts: ['little_kingsmead', 'west_ashby']
			}
		);
		// A Cambridgeshire link opened on this partnership's data keeps nothing it cannot name.
		expect(filtersFromParams(new URLSearchParams('district=fenland'), reference)).toEqual({});
	});

	it('computes every area’s rate per 10,000 children from the areas file’s populations', async () => {
		const rows = await engine.query<DistrictRateRow>(
			districtRates({}, { from: '2024-01-01', to: '2024-12-31' })
		);
		expect(rows).toHaveLength(areaCount);
		for (const [i, area] of areas.entries()) {
			const row = rows.find((candidate) => candidate.district === reference.areas[i]!.code)!;
			expect(Number(row.referrals_0_17)).toBe(referralsOf(i));
			// A whole calendar year: each child counted once.
			expect(row.person_years_0_17).toBeCloseTo(area.children, 6);
		}
	});

	it('the Districts page compares all 80 areas by name', async () => {
		const view = await runPage(districtsPage, engine, { areas: reference });
		expect(view.comparison.rows).toHaveLength(areaCount);
		expect(view.comparison.rows.map((row) => row.districtLabel)).toEqual(areas.map((area) => area.name));
		expect(view.onsNote).toBe('Child populations are from the loaded area reference, region-areas.');
	});
});
