import { describe, expect, it } from 'vitest';
import { cohortChildAges, matchingPopulation, type PopulationDetail } from '$lib/domain/matching-population';
import { rateBasis } from '../../../src/routes/cohorts/cohort-sentences';

const full: PopulationDetail = { bySex: true, byAge: true, bands: ['0-9', '10-17'] };
const bands: PopulationDetail = { bySex: false, byAge: false, bands: ['0-9', '10-17'] };
const areasFile: PopulationDetail = { bySex: false, byAge: false, bands: ['0-17'] };

describe('the population a cohort’s rates are per', () => {
	it('is the cohort’s own ages, from the single-year range and the bands together', () => {
		expect(cohortChildAges({ ageFrom: 14, ageTo: 17 })).toEqual([14, 15, 16, 17]);
		expect(cohortChildAges({ ageBands: ['10-12', '15-16'] })).toEqual([10, 11, 12, 15, 16]);
		expect(cohortChildAges({ ageBands: ['13-14', '17'], ageFrom: 14 })).toEqual([14, 17]);
		expect(cohortChildAges({ ageFrom: 16 })).toEqual([16, 17]);
		expect(cohortChildAges({ ageBands: ['18-24'] })).toEqual([]);
	});

	it('matches the cohort’s sex and ages where the reference has them', () => {
		const boys = matchingPopulation({ genders: ['male'], ageFrom: 14, ageTo: 17 }, full);
		expect(boys).toEqual({ ages: [14, 15, 16, 17], bands: [], sex: 'male', wider: [] });
		expect(rateBasis(boys)).toBe('per 10,000 boys aged 14–17');
		const girls = matchingPopulation({ genders: ['female'], ageBands: ['10-12', '15-16'] }, full);
		expect(rateBasis(girls)).toBe('per 10,000 girls aged 10–12 and 15–16');
		expect(rateBasis(matchingPopulation({ genders: ['male', 'female'], ageFrom: 17 }, full))).toBe(
			'per 10,000 children aged 17'
		);
	});

	it('is wider, saying why, when the reference has no sex or single years', () => {
		const boys = matchingPopulation({ genders: ['male'], ageFrom: 14, ageTo: 17 }, { ...full, bySex: false });
		expect(rateBasis(boys)).toBe('per 10,000 children aged 14–17: no population by sex was loaded');
		expect(rateBasis(matchingPopulation({ genders: ['male'], ageFrom: 14, ageTo: 17 }, bands))).toBe(
			'per 10,000 children aged 10–17: no population by sex or single year of age was loaded'
		);
		// A whole band asked for is no wider; ages across both bands take both.
		expect(rateBasis(matchingPopulation({ ageFrom: 10, ageTo: 17 }, bands))).toBe(
			'per 10,000 children aged 10–17'
		);
		expect(matchingPopulation({ ageFrom: 8, ageTo: 12 }, bands)).toMatchObject({
			ages: Array.from({ length: 18 }, (_, age) => age),
			bands: ['0-9', '10-17'],
			wider: ['age']
		});
		expect(rateBasis(matchingPopulation({ ageFrom: 14 }, areasFile))).toBe(
			'per 10,000 children aged 0–17: no population by single year of age was loaded'
		);
		expect(rateBasis(matchingPopulation({ ageBands: ['18-24'] }, full))).toBe(
			'per 10,000 children aged 0–17: the cohort has no children aged 0 to 17, and the population reference counts children only'
		);
	});
});
