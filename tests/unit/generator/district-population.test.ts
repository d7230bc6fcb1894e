import { describe, expect, it } from 'vitest';
import { districts, populationOverlap, populationRowSchema } from '$lib/contract';
import {
	childrenAged10to17,
	districtPopulation,
	SPLIT_METHOD
} from '../../../data/generator/district-population';

const rows = districtPopulation([2021, 2022, 2023, 2024, 2025, 2026]);
const total = (district: string, year: number) =>
	rows.filter((r) => r.district === district && r.year === year).reduce((sum, r) => sum + r.children, 0);

describe('districtPopulation', () => {
	it('has both age bands for every district and year, and passes the population contract', () => {
		expect(rows).toHaveLength(6 * 6 * 2 * 18);
		for (const row of rows) populationRowSchema.parse(row);
		expect(populationOverlap(rows)).toBeUndefined();
		expect(new Set(rows.map((r) => r.district))).toEqual(new Set(districts.codes));
		for (const row of rows) expect(['0-9', '10-17']).toContain(row.age_band);
	});

	it('splits every band by sex at the stated share and evenly by single year, adding up to the band', () => {
		const band = rows.filter((r) => r.district === 'fenland' && r.year === 2024 && r.age_band === '10-17');
		const boys = band.filter((r) => r.sex === 'male');
		const all = band.reduce((sum, r) => sum + r.children, 0);
		const male = boys.reduce((sum, r) => sum + r.children, 0);
		// Trafford, ONS mid-2020: 13,275 boys of 26,005 children aged 10 to 17.
		expect(male).toBe(Math.round((all * 13_275) / 26_005));
		expect(boys.map((r) => r.age)).toEqual([10, 11, 12, 13, 14, 15, 16, 17]);
		const counts = boys.map((r) => r.children);
		expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
		expect(band.every((r) => r.source.endsWith(SPLIT_METHOD))).toBe(true);
	});

	it('uses the ONS Peterborough totals for 2023 and 2024, about 1% growth otherwise', () => {
		expect(total('peterborough', 2023)).toBe(56_451);
		expect(total('peterborough', 2024)).toBe(57_621);
		expect(total('peterborough', 2025) / 57_621).toBeCloseTo(1.01, 3);
		expect(rows.find((r) => r.district === 'peterborough' && r.year === 2023)?.source).toMatch(
			/^ONS mid-year estimate/
		);
	});

	it('scales the Cambridgeshire districts to the ONS county total, labelled as illustrative', () => {
		const county = ['cambridge', 'east_cambridgeshire', 'fenland', 'huntingdonshire', 'south_cambridgeshire'];
		expect(Math.abs(county.reduce((sum, d) => sum + total(d, 2023), 0) - 140_070)).toBeLessThanOrEqual(3);
		expect(Math.abs(county.reduce((sum, d) => sum + total(d, 2024), 0) - 142_924)).toBeLessThanOrEqual(3);
		expect(Math.abs(total('cambridge', 2023) - 25_100)).toBeLessThan(100);
		expect(Math.abs(total('fenland', 2023) - 20_300)).toBeLessThan(100);
		for (const row of rows.filter((r) => r.district !== 'peterborough')) {
			expect(row.source).toMatch(
				/^Illustrative estimate \(±10%\), scaled to the ONS county total.*Nomis NM_2002_1/
			);
		}
	});

	it('puts about 46% of 0–17-year-olds in the 10–17 band', () => {
		for (const district of districts.codes) {
			expect(childrenAged10to17(rows, district, 2024) / total(district, 2024)).toBeCloseTo(0.46, 3);
		}
		expect(childrenAged10to17(rows, 'fenland', 2030)).toBe(childrenAged10to17(rows, 'fenland', 2026));
	});
});
