import { describe, expect, it } from 'vitest';
import { recogniseHeadings, recogniseWorkbook } from '../../../src/lib/ingest/statutory-format';
import { findHeaderRow } from '../../../src/lib/ingest/find-header-row';
import { ingestFile } from '../../../src/lib/ingest';

describe('recogniseHeadings', () => {
	it('tells the SSDA903 tables apart by their column sets', () => {
		expect(recogniseHeadings(['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'])?.id).toBe(
			'ssda903-missing'
		);
		expect(recogniseHeadings(['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'])?.id).toBe(
			'ssda903-header'
		);
		expect(recogniseHeadings(['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'DEC', 'REC'])?.id).toBe(
			'ssda903-episodes'
		);
		expect(recogniseHeadings(['CHILD', 'SEX', 'DOB', 'MISSING', 'MIS_START'])?.id).toBe('ssda903-missing');
	});

	it('recognises an ONS wide population table by area code and ages 0 to 17', () => {
		const ages = Array.from({ length: 91 }, (_, age) => String(age));
		expect(recogniseHeadings(['period', 'area_code', 'area_name', 'gender', ...ages])?.loadsAs).toBe(
			'population'
		);
		expect(recogniseHeadings(['area_code', '0', '1', '2'])).toBeNull();
	});

	it('leaves ordinary extracts to the table detector', () => {
		expect(
			recogniseHeadings(['Referral ID', 'Child ID', 'Date of Referral', 'Age', 'Gender', 'District'])
		).toBeNull();
		expect(recogniseHeadings(['Child ID', 'Sex', 'Date of Birth', 'Referral Date'])).toBeNull();
	});
});

describe('recogniseWorkbook', () => {
	it('recognises Annex A by its list sheets and names them', () => {
		const sheets = Array.from({ length: 11 }, (_, i) => `List ${i + 1}`);
		expect(recogniseWorkbook(sheets)?.use).toContain('"List 3"');
		expect(recogniseWorkbook(['Read me', 'Referrals'])).toBeNull();
	});
});

describe('findHeaderRow', () => {
	it('skips title rows above the headings', () => {
		const rows = [
			['Annex A: List 3'],
			['Produced 1 April 2024', null],
			[],
			['Child ID', 'Date', 'Age'],
			['C1', new Date(0), 15]
		];
		expect(findHeaderRow(rows)).toBe(3);
	});
	it('takes the first row when it is the heading row, and -1 for an empty sheet', () => {
		expect(
			findHeaderRow([
				['A', 'B'],
				['1', '2']
			])
		).toBe(0);
		expect(findHeaderRow([[], [null]])).toBe(-1);
	});
});

describe('ONS population, long layout', () => {
	it('keeps the sexes by single year when no persons row is given, leaves adults out, and names areas', async () => {
		const rows = [
			'Code,Name,Year,Sex,Age,Population',
			...Array.from({ length: 19 }, (_, age) => age).flatMap((age) => [
				`E07000010,Fenland,2022,M,${age},100`,
				`E07000010,Fenland,2022,F,${age},10`
			])
		];
		const bytes = new TextEncoder().encode(rows.join('\n') + '\n');
		const outcome = await ingestFile({ name: 'long.csv', bytes });
		expect(outcome.status).toBe('population');
		if (outcome.status !== 'population') return;
		const { population } = outcome;
		expect(population.layout).toBe('long');
		const band = (code: string, sex: string) =>
			population.rows
				.filter((row) => row.age_band === code && row.sex === sex)
				.reduce((sum, row) => sum + row.children, 0);
		expect([
			band('0-9', 'male'),
			band('0-9', 'female'),
			band('10-17', 'male'),
			band('10-17', 'female')
		]).toEqual([1000, 100, 800, 80]);
		expect([population.read, population.used, population.skipped]).toEqual([38, 36, 2]);
		// As an area reference, Fenland keeps the bundled list's code: a readable slug of its name.
		expect(outcome.areas.areas).toEqual([{ code: 'fenland', name: 'Fenland', gss: 'E07000010' }]);
		expect(population.areas).toEqual([{ code: 'E07000010', name: 'Fenland', inReference: true }]);
	});
});
