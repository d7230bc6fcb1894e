import { describe, expect, it } from 'vitest';
import { ageWeights, sampleAgeAtFirstReferral, YOUNGEST_AGE } from '../../../data/generator/age-profile';
import { createPrng } from '../../../data/generator/prng';

const meanAge = (weights: number[]) =>
	weights.reduce((sum, w, i) => sum + w * (YOUNGEST_AGE + i), 0) / weights.reduce((sum, w) => sum + w, 0);

describe('age profile of newly referred children', () => {
	it('peaks at 16 at the start and moves about 1.3 years younger by the extract date', () => {
		const start = ageWeights(0);
		expect(YOUNGEST_AGE + start.indexOf(Math.max(...start))).toBe(16);
		expect(meanAge(start)).toBeCloseTo(15.18, 2);
		expect(meanAge(start) - meanAge(ageWeights(1))).toBeGreaterThan(1.2);
		expect(ageWeights(-1)).toEqual(start);
		expect(ageWeights(2)).toEqual(ageWeights(1));
	});

	it('samples from those weights', () => {
		const rng = createPrng('ages');
		const ages = Array.from({ length: 20_000 }, () => sampleAgeAtFirstReferral(rng, 0.5));
		expect(ages.reduce((sum, age) => sum + age, 0) / ages.length).toBeCloseTo(meanAge(ageWeights(0.5)), 1);
		expect(Math.min(...ages)).toBeGreaterThanOrEqual(8);
		expect(Math.max(...ages)).toBeLessThanOrEqual(19);
	});
});
