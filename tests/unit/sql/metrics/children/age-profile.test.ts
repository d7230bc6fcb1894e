import { describe, expect, it } from 'vitest';
import { ageProfileByYear, type AgeProfileRow } from '$lib/sql/metrics/children/age-profile';
import { engineWith } from '../../../../helpers/engine';
import { childrenFixture } from './fixture';
import { answer } from '../../../../helpers/answer';
import { engineForFile } from '../../../../helpers/file-engine';

const engine = engineForFile(() => engineWith({ referrals: childrenFixture }));

describe('ageProfileByYear', () => {
	it('gives referrals, under-15s, mean, standard deviation and median age per financial year', async () => {
		const rows = await answer<AgeProfileRow>(engine, ageProfileByYear({}));
		// 2022-23: ages 16, 14, 12 (31 March 2024 falls in 2023-24, 1 April 2024 in 2024-25).
		expect(rows.map(({ sd_age, ...row }) => ({ ...row, sd_age: sd_age?.toFixed(6) ?? null }))).toEqual([
			{ year: 2022, referrals: 3, younger: 2, mean_age: 14, sd_age: '2.000000', median_age: 14 },
			{ year: 2023, referrals: 2, younger: 1, mean_age: 15, sd_age: Math.sqrt(8).toFixed(6), median_age: 15 },
			{ year: 2024, referrals: 1, younger: 0, mean_age: 15, sd_age: null, median_age: 15 }
		]);
	});

	it('takes the age threshold as a parameter and applies the filters', async () => {
		const rows = await answer<AgeProfileRow>(engine, ageProfileByYear({ districts: ['fenland'] }, 13));
		expect(rows.map(({ year, referrals, younger }) => ({ year, referrals, younger }))).toEqual([
			{ year: 2022, referrals: 2, younger: 1 },
			{ year: 2023, referrals: 1, younger: 0 }
		]);
	});
});
