import type { Prng } from './prng';

/** Youngest age the profile can produce; weights below start here, one per year of age. */
export const YOUNGEST_AGE = 8;

/**
 * Age at first referral, at the start of the period (mostly 15–17, peaking at 16) and at the extract date
 * (more 12–14-year-olds, peaking at 14–15). Weights per year of age from 8 to 19.
 */
const agesAtStart: readonly number[] = [0.1, 0.3, 1.0, 2.0, 4.0, 8.0, 14.0, 23.0, 25.0, 18.5, 3.0, 1.1];
const agesAtEnd: readonly number[] = [0.4, 1.2, 4.0, 7.5, 12.5, 17.0, 18.0, 17.0, 12.0, 7.6, 1.4, 0.5];

/**
 * Planted signal 3: the age profile of newly referred children moves linearly from `agesAtStart` to
 * `agesAtEnd` as `progress` goes from 0 (start of the period) to 1 (extract date); the mean falls by about
 * 1.2 years, so the mean age at referral (repeats included) falls by about a year from the first to the last year.
 */
const totalAtStart = agesAtStart.reduce((sum, w) => sum + w, 0);
const totalAtEnd = agesAtEnd.reduce((sum, w) => sum + w, 0);

export function ageWeights(progress: number): number[] {
	const t = Math.min(1, Math.max(0, progress));
	return agesAtStart.map((weight, i) => weight * (1 - t) + (agesAtEnd[i] ?? 0) * t);
}

export function sampleAgeAtFirstReferral(rng: Prng, progress: number): number {
	const t = Math.min(1, Math.max(0, progress));
	// Same draw as pick(rng, ageWeights(t)) without building the weights (called once per child).
	let target = rng() * (totalAtStart * (1 - t) + totalAtEnd * t);
	for (let i = 0; i < agesAtStart.length; i++) {
		target -= (agesAtStart[i] ?? 0) * (1 - t) + (agesAtEnd[i] ?? 0) * t;
		if (target < 0) return YOUNGEST_AGE + i;
	}
	return YOUNGEST_AGE + agesAtStart.length - 1;
}
