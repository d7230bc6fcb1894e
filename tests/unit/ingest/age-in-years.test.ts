import { describe, expect, it } from 'vitest';
import { ageInYears } from '$lib/ingest';

describe('ageInYears', () => {
	it('counts whole years, the birthday itself included', () => {
		expect(ageInYears('2009-03-15', '2024-03-14')).toBe(14);
		expect(ageInYears('2009-03-15', '2024-03-15')).toBe(15);
		expect(ageInYears('2009-12-31', '2024-01-01')).toBe(14);
	});

	it('makes a 29 February child a year older on 1 March in non-leap years', () => {
		expect(ageInYears('2008-02-29', '2023-02-28')).toBe(14);
		expect(ageInYears('2008-02-29', '2023-03-01')).toBe(15);
		expect(ageInYears('2008-02-29', '2024-02-29')).toBe(16);
	});

	it('is negative for a birth after the date', () => {
		expect(ageInYears('2024-03-02', '2024-03-01')).toBe(-1);
	});
});
