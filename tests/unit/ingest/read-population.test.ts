/**
 * ONS and Nomis population files in each layout, read into children by area, sex and single year of age 0
 * to 17. The fixtures are written here, in the layouts the ONS and Nomis publish (MYE2 wide, MYE2 by sex
 * "M0 … F90", Nomis wide "Age 0", Nomis long, ONS MYEB long with a column per year); their figures are made
 * up, so each expected total is computed from the same formula, independently of the reader.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFile, type PopulationReference } from '$lib/ingest';
import { samplesDirectory } from '../../fixtures/ingest/samples-directory';

const bytes = (text: string) => new TextEncoder().encode(text);
const ages = Array.from({ length: 91 }, (_, age) => age);
const childAges = ages.slice(0, 18);
/** A made-up count for an area (by its index), sex and age: distinct enough that a mix-up shows. */
const n = (area: number, sex: 'M' | 'F', age: number) => 1000 + area * 100 + (sex === 'M' ? 50 : 0) + age;
const sumChildren = (area: number, sex: 'M' | 'F' | 'P') =>
	childAges.reduce(
		(total, age) => total + (sex === 'P' ? n(area, 'M', age) + n(area, 'F', age) : n(area, sex, age)),
		0
	);

async function population(name: string, text: string | Uint8Array): Promise<PopulationReference> {
	const outcome = await ingestFile(
		{ name, bytes: typeof text === 'string' ? bytes(text) : text },
		{ today: '2026-12-06' }
	);
	if (outcome.status !== 'population')
		throw new Error(`${name}: ${outcome.status}: ${'reason' in outcome ? outcome.reason : ''}`);
	return outcome.population;
}

/** Children by sex (M, F, or P for rows of both sexes together) per area code: what the reader kept. */
function totals(reference: PopulationReference): Record<string, Record<string, number>> {
	const out: Record<string, Record<string, number>> = {};
	for (const row of reference.rows) {
		const sex = row.sex === 'male' ? 'M' : row.sex === 'female' ? 'F' : 'P';
		out[row.district] ??= {};
		out[row.district]![sex] = (out[row.district]![sex] ?? 0) + row.children;
	}
	return out;
}

const areas = [
	['E06000031', 'Peterborough'],
	['E07000010', 'Fenland'],
	['W06000015', 'Cardiff']
] as const;

describe('wide layouts: a column per single year of age', () => {
	it('ONS MYE2 persons: "0" … "90+", no year column (the file name gives it), region and county left out', async () => {
		const head = [
			'Code',
			'Name',
			'Geography',
			'All ages',
			...ages.map((age) => (age === 90 ? '90+' : String(age)))
		];
		const line = (code: string, name: string, values: number[]) =>
			[code, name, 'x', values.reduce((a, b) => a + b, 0), ...values].join(',');
		const persons = (area: number) => ages.map((age) => n(area, 'M', age) + n(area, 'F', age));
		const text = [
			head.join(','),
			line(
				'E12000006',
				'East of England',
				persons(0).map((v, age) => v + persons(1)[age]!)
			),
			line('E10000003', 'Cambridgeshire', persons(1)),
			line('E06000031', 'Peterborough', persons(0)),
			line('E07000010', 'Fenland', persons(1))
		].join('\n');
		const reference = await population('mye2-persons-mid-2022.csv', text);
		expect(reference.layout).toBe('wide');
		expect([reference.year, reference.bySex]).toEqual([2022, false]);
		expect(totals(reference)).toEqual({
			E06000031: { P: sumChildren(0, 'P') },
			E07000010: { P: sumChildren(1, 'P') }
		});
		expect(
			reference.rows
				.filter((row) => row.district === 'E07000010')
				.map((row) => [row.age, row.age_band, row.sex])
		).toEqual(childAges.map((age) => [age, age <= 9 ? '0-9' : '10-17', null]));
		expect([reference.read, reference.used, reference.skipped]).toEqual([4, 2, 2]);
		expect(reference.notes.join(' ')).toContain('East of England E12000006, Cambridgeshire E10000003');
	});

	it('by sex in the headings ("M0" … "M90", "F0" … "F90"): rows for boys and girls by single year', async () => {
		const head = [
			'LAD code',
			'LAD name',
			'Year',
			...ages.map((age) => `M${age}`),
			...ages.map((age) => `F${age}`)
		];
		const text = [
			head.join(','),
			...areas.map(([code, name], area) =>
				[
					code,
					name,
					2021,
					...ages.map((age) => n(area, 'M', age)),
					...ages.map((age) => n(area, 'F', age))
				].join(',')
			)
		].join('\n');
		const reference = await population('mye-by-sex.csv', text);
		expect(reference.bySex).toBe(true);
		expect(totals(reference)).toEqual(
			Object.fromEntries(
				areas.map(([code], area) => [code, { M: sumChildren(area, 'M'), F: sumChildren(area, 'F') }])
			)
		);
		const boy14 = reference.rows.find(
			(row) => row.district === 'W06000015' && row.sex === 'male' && row.age === 14
		);
		expect(boy14?.children).toBe(n(2, 'M', 14));
	});

	it('Nomis wide ("Age 0" … "Aged 90+") with persons, males and females rows: no child counted twice', async () => {
		const head = [
			'Date',
			'Geography',
			'Geography code',
			'Gender',
			...ages.map((age) => (age === 90 ? 'Aged 90+' : `Age ${age}`))
		];
		const lines = [head.join(',')];
		areas.forEach(([code, name], area) => {
			for (const [gender, values] of [
				['Total', ages.map((age) => n(area, 'M', age) + n(area, 'F', age))],
				['Male', ages.map((age) => n(area, 'M', age))],
				['Female', ages.map((age) => n(area, 'F', age))]
			] as const)
				lines.push([2022, name, code, gender, ...values].join(','));
		});
		const reference = await population('nomis-wide.csv', lines.join('\n'));
		expect(reference.bySex).toBe(true);
		const kept = totals(reference);
		areas.forEach(([code], area) => expect(kept[code]!.M! + kept[code]!.F!).toBe(sumChildren(area, 'P')));
		expect(Object.values(kept).every((sexes) => sexes.P === undefined)).toBe(true);
		expect([reference.read, reference.used, reference.skipped]).toEqual([9, 6, 3]);
	});
});

describe('long layouts: one row per area, sex and age', () => {
	it('Nomis long (GENDER_NAME, C_AGE_NAME, OBS_VALUE) over two years: the latest is used, and said so', async () => {
		const lines = ['DATE_NAME,GEOGRAPHY_NAME,GEOGRAPHY_CODE,GENDER_NAME,C_AGE_NAME,MEASURES_NAME,OBS_VALUE'];
		for (const year of [2021, 2022])
			areas.forEach(([code, name], area) => {
				for (const [gender, sex] of [
					['Male', 'M'],
					['Female', 'F']
				] as const) {
					lines.push(`${year},${name},${code},${gender},All Ages,Value,999999`);
					for (const age of ages)
						lines.push(
							`${year},${name},${code},${gender},${age === 90 ? 'Aged 90+' : `Age ${age}`},Value,${n(area, sex, age) + (year === 2021 ? 7 : 0)}`
						);
				}
			});
		const reference = await population('nomis-long.csv', lines.join('\n'));
		expect(reference.layout).toBe('long');
		expect([reference.year, reference.bySex]).toEqual([2022, true]);
		expect(totals(reference).E07000010).toEqual({ M: sumChildren(1, 'M'), F: sumChildren(1, 'F') });
		expect(reference.notes.join(' ')).toContain('mid-years 2021 to 2022; the latest, mid-2022, is used');
		// 2 years × 3 areas × 2 sexes × 92 rows; used: 2022's ages 0–17.
		expect([reference.read, reference.used]).toEqual([2 * 3 * 2 * 92, 3 * 2 * 18]);
	});

	it('ONS MYEB (sex coded 1 and 2, a column per year "population_2021" …): the latest column', async () => {
		const lines = ['ladcode23,laname23,country,sex,age,population_2021,population_2022'];
		areas.forEach(([code, name], area) => {
			for (const [sexCode, sex] of [
				[1, 'M'],
				[2, 'F']
			] as const)
				for (const age of ages) lines.push(`${code},${name},E,${sexCode},${age},1,${n(area, sex, age)}`);
		});
		const reference = await population('myeb1.csv', lines.join('\n'));
		expect([reference.layout, reference.year, reference.bySex]).toEqual(['long', 2022, true]);
		expect(totals(reference).E06000031).toEqual({ M: sumChildren(0, 'M'), F: sumChildren(0, 'F') });
	});

	it('persons only, Welsh and English LA codes, ages 18 and over left out', async () => {
		const lines = ['Area code,Area name,Mid-year,Age,Population'];
		areas.forEach(([code, name], area) => {
			for (const age of ages)
				lines.push(`${code},${name},2020,${age},${n(area, 'M', age) + n(area, 'F', age)}`);
		});
		const reference = await population('long-persons.csv', lines.join('\n'));
		expect(reference.bySex).toBe(false);
		expect(totals(reference)).toEqual(
			Object.fromEntries(areas.map(([code], area) => [code, { P: sumChildren(area, 'P') }]))
		);
		expect([reference.read, reference.used, reference.skipped]).toEqual([3 * 91, 3 * 18, 3 * 73]);
	});

	it('one area by sex and another persons only: both as persons (the sexes added), one breakdown for all', async () => {
		const lines = ['Code,Name,Year,Sex,Age,Count'];
		for (const age of ages) {
			lines.push(`E06000031,Peterborough,2022,Persons,${age},${n(0, 'M', age) + n(0, 'F', age)}`);
			lines.push(`E07000010,Fenland,2022,Male,${age},${n(1, 'M', age)}`);
			lines.push(`E07000010,Fenland,2022,Female,${age},${n(1, 'F', age)}`);
		}
		const reference = await population('mixed.csv', lines.join('\n'));
		expect(reference.bySex).toBe(false);
		expect(totals(reference)).toEqual({
			E06000031: { P: sumChildren(0, 'P') },
			E07000010: { P: sumChildren(1, 'P') }
		});
	});

	it('an area without every age 0 to 17 gets no population, and the notes say which', async () => {
		const lines = ['Code,Name,Year,Age,Count'];
		for (const age of ages) lines.push(`E06000031,Peterborough,2022,${age},${n(0, 'M', age)}`);
		for (const age of [0, 9, 10, 17]) lines.push(`E07000010,Fenland,2022,${age},100`);
		const reference = await population('gaps.csv', lines.join('\n'));
		expect(reference.areas.map((area) => area.code)).toEqual(['E06000031']);
		expect(reference.notes.join(' ')).toContain(
			'not every single year of age 0 to 17 for mid-2022, so no population: Fenland E07000010'
		);
	});
});

describe('the published sample and the regional fixture', () => {
	it('the ONS sample (Trafford): boys and girls by single year, the persons row left out', async () => {
		const name = 'mid-year_population_estimates_local_authority.csv';
		const reference = await population(
			name,
			new Uint8Array(await readFile(join(samplesDirectory(), 'ons', name)))
		);
		// awk -F, '$5=="Males"{for(i=10;i<=27;i++)m+=$i} $5=="Females"{…f+=$i} END{print m, f}' = 28924 27702
		// (columns 10–27: ages 0–17); together 56626, the Persons row's 30621 + 26005.
		expect(totals(reference)).toEqual({ E08000009: { M: 28924, F: 27702 } });
		expect(reference.rows.find((row) => row.sex === 'male' && row.age === 0)?.children).toBe(1239);
		expect([reference.read, reference.used, reference.skipped]).toEqual([3, 2, 1]);
	});

	it('the made-up North West file: 24 authorities, the region and two counties left out', async () => {
		const text = await readFile(
			join(import.meta.dirname, '../../fixtures/population/north-west-made-up.csv')
		);
		const reference = await population('north-west-made-up.csv', new Uint8Array(text));
		expect(reference.areas).toHaveLength(24);
		expect(reference.areas.some((area) => /^E1[012]/.test(area.code))).toBe(false);
		expect(reference.bySex).toBe(true);
		expect(reference.rows).toHaveLength(24 * 2 * 18);
	});
});
