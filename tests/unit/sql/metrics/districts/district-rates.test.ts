import { describe, expect, it } from 'vitest';
import { districtRates, type DistrictRateRow } from '$lib/sql/metrics/districts/district-rates';
import { engineWith, referral } from '../../../../helpers/engine';
import { answer } from '../../../../helpers/answer';
import { engineForFile } from '../../../../helpers/file-engine';

// Hand-counted fixture. Fenland: A (15, looked after) twice in 2024 (2nd a repeat), B (8) once, C (19) once,
// D (12, female) once in 2023. Cambridge: E (16, looked-after status unknown) once in 2024.
const rows = [
	referral({
		referral_id: 'R1',
		child_id: 'A',
		referral_date: '2024-02-01',
		age_at_referral: 15,
		looked_after: true
	}),
	referral({
		referral_id: 'R2',
		child_id: 'A',
		referral_date: '2024-05-01',
		age_at_referral: 15,
		looked_after: true
	}),
	referral({ referral_id: 'R3', child_id: 'B', referral_date: '2024-03-01', age_at_referral: 8 }),
	referral({ referral_id: 'R4', child_id: 'C', referral_date: '2024-04-01', age_at_referral: 19 }),
	referral({
		referral_id: 'R5',
		child_id: 'D',
		referral_date: '2023-09-01',
		age_at_referral: 12,
		gender: 'female'
	}),
	referral({
		referral_id: 'R6',
		child_id: "E'x",
		referral_date: '2024-06-01',
		age_at_referral: 16,
		district: 'cambridge',
		looked_after: null
	})
];

// Mid-year estimates from data/reference/district-population.csv.
const fenland = { 2023: [10975, 9350], 2024: [11199, 9540], 2026: [11424, 9732] } as const;
const cambridge2024 = [13847, 11796] as const;

const engine = engineForFile(() => engineWith({ referrals: rows }));

const byDistrict = (result: DistrictRateRow[], code: string) => result.find((row) => row.district === code)!;

describe('districtRates', () => {
	it('counts referrals, the 0–17 and 10–17 numerators, repeats and looked-after per district', async () => {
		const result = await answer<DistrictRateRow>(
			engine,
			districtRates({}, { from: '2024-01-01', to: '2024-12-31' })
		);
		expect(result.map((row) => row.district)).toEqual([
			'cambridge',
			'east_cambridgeshire',
			'fenland',
			'huntingdonshire',
			'south_cambridgeshire',
			'peterborough'
		]);
		expect(byDistrict(result, 'fenland')).toMatchObject({
			referrals: 4,
			children: 3,
			referrals_0_17: 3,
			referrals_10_17: 2,
			repeat_referrals: 1,
			looked_after: 2,
			looked_after_known: 4
		});
		expect(byDistrict(result, 'cambridge')).toMatchObject({
			referrals: 1,
			children: 1,
			referrals_0_17: 1,
			referrals_10_17: 1,
			looked_after: 0,
			looked_after_known: 0
		});
		expect(byDistrict(result, 'peterborough')).toMatchObject({ referrals: 0, children: 0 });
	});

	it('uses a whole calendar year’s population as one person-year per child', async () => {
		const result = await answer<DistrictRateRow>(
			engine,
			districtRates({}, { from: '2024-01-01', to: '2024-12-31' })
		);
		expect(byDistrict(result, 'fenland').person_years_0_17).toBeCloseTo(
			fenland[2024][0] + fenland[2024][1],
			9
		);
		expect(byDistrict(result, 'fenland').person_years_10_17).toBeCloseTo(fenland[2024][1], 9);
		expect(byDistrict(result, 'cambridge').person_years_0_17).toBeCloseTo(
			cambridge2024[0] + cambridge2024[1],
			9
		);
	});

	it('weights each year by the share of it the period covers (person-years)', async () => {
		// 1 July 2023 to 30 June 2024: 184 of 365 days of 2023 and 182 of 366 days of 2024 (a leap year).
		const result = await answer<DistrictRateRow>(
			engine,
			districtRates({}, { from: '2023-07-01', to: '2024-06-30' })
		);
		const expected0to17 =
			((fenland[2023][0] + fenland[2023][1]) * 184) / 365 +
			((fenland[2024][0] + fenland[2024][1]) * 182) / 366;
		const expected10to17 = (fenland[2023][1] * 184) / 365 + (fenland[2024][1] * 182) / 366;
		const row = byDistrict(result, 'fenland');
		expect(row.person_years_0_17).toBeCloseTo(expected0to17, 9);
		expect(row.person_years_10_17).toBeCloseTo(expected10to17, 9);
		expect(row.referrals).toBe(5);
	});

	it('uses the nearest year’s estimate outside the table', async () => {
		const result = await answer<DistrictRateRow>(
			engine,
			districtRates({}, { from: '2030-01-01', to: '2030-12-31' })
		);
		expect(byDistrict(result, 'fenland').person_years_0_17).toBeCloseTo(
			fenland[2026][0] + fenland[2026][1],
			9
		);
		expect(byDistrict(result, 'fenland').referrals).toBe(0);
	});

	it('gives no population when the period is empty', async () => {
		const result = await answer<DistrictRateRow>(
			engine,
			districtRates({}, { from: '2024-06-01', to: '2024-05-01' })
		);
		expect(byDistrict(result, 'fenland').person_years_0_17).toBe(0);
		expect(byDistrict(result, 'fenland').referrals).toBe(0);
	});

	it('names the years whose estimate comes from the ONS', async () => {
		const result = await answer<DistrictRateRow>(
			engine,
			districtRates({}, { from: '2022-01-01', to: '2025-12-31' })
		);
		expect(byDistrict(result, 'peterborough').ons_years).toBe('2023, 2024');
		expect(byDistrict(result, 'fenland').ons_years).toBeNull();
	});

	it('ignores the district and age filters but applies the others', async () => {
		const result = await answer<DistrictRateRow>(
			engine,
			districtRates(
				{ districts: ['cambridge'], ageBands: ['17'], genders: ['female'] },
				{ from: '2023-01-01', to: '2024-12-31' }
			)
		);
		expect(byDistrict(result, 'fenland')).toMatchObject({ referrals: 1, referrals_10_17: 1 });
		expect(byDistrict(result, 'cambridge').referrals).toBe(0);
	});
});
