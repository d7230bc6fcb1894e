import { describe, expect, it } from 'vitest';
import { populationOverlap, populationRowSchema, type PopulationRow } from '$lib/contract';

const row = (overrides: Partial<PopulationRow>): PopulationRow => ({
	district: 'fenland',
	year: 2024,
	age_band: '10-17',
	sex: null,
	age: null,
	children: 100,
	source: 'test',
	...overrides
});

describe('a population row', () => {
	it('may be for one sex and one single year of its band, or for the whole band and both sexes', () => {
		expect(populationRowSchema.safeParse(row({})).success).toBe(true);
		expect(populationRowSchema.safeParse(row({ sex: 'female', age: 14 })).success).toBe(true);
		expect(populationRowSchema.safeParse(row({ age_band: '0-17', age: 3 })).success).toBe(true);
	});

	it('refuses another sex, a year outside its band and an unknown band', () => {
		const issue = (overrides: Partial<PopulationRow>) =>
			populationRowSchema.safeParse(row(overrides)).error?.issues[0]?.path[0];
		expect(issue({ sex: 'boys' })).toBe('sex');
		expect(issue({ age: 9 })).toBe('age');
		expect(issue({ age_band: '5-9' })).toBe('age_band');
	});
});

describe('populationOverlap', () => {
	it('accepts rows that split a band by sex, by single year, or both, without overlap', () => {
		expect(populationOverlap([row({ sex: 'male' }), row({ sex: 'female' }), row({ year: 2025 })])).toBe(
			undefined
		);
		expect(
			populationOverlap([
				row({ sex: 'male', age: 14 }),
				row({ sex: 'female', age: 14 }),
				row({ age_band: '0-9', age: 3 })
			])
		).toBe(undefined);
	});

	it('names the first band whose rows count children twice', () => {
		expect(populationOverlap([row({}), row({ sex: 'male' })])).toBe(
			'The population rows of fenland, 2024, 10-17 count some children twice.'
		);
		expect(populationOverlap([row({ age: 14 }), row({ sex: 'male', age: 14 })])).toBeDefined();
		expect(populationOverlap([row({ sex: 'male', age: 15 }), row({ sex: 'male', age: 15 })])).toBeDefined();
	});
});
