import { describe, expect, it } from 'vitest';
import type { Engine } from '$lib/engine/engine';
import { matchingPopulation, type PopulationDetail } from '$lib/domain/matching-population';
import type { Filters } from '$lib/domain/filters';
import { matchingRates, type MatchingRateRow } from '$lib/sql/metrics/cohorts/matching-rates';
import { populationDetail, type PopulationDetailRow } from '$lib/sql/metrics/cohorts/population-detail';
import { Sql, sql } from '$lib/sql/sql';
import { engineWith, referral } from '../../../../helpers/engine';
import { answer } from '../../../../helpers/answer';
import { engineForFile } from '../../../../helpers/file-engine';

// Hand-counted fixture, all in Fenland in 2024: boys P (14), Q (16, twice), R (17); girl S (15); boy T (12).
const rows = [
	referral({ referral_id: 'R1', child_id: 'P', referral_date: '2024-02-01', age_at_referral: 14 }),
	referral({ referral_id: 'R2', child_id: 'Q', referral_date: '2024-03-01', age_at_referral: 16 }),
	referral({ referral_id: 'R3', child_id: 'Q', referral_date: '2024-09-01', age_at_referral: 16 }),
	referral({ referral_id: 'R4', child_id: 'R', referral_date: '2024-05-01', age_at_referral: 17 }),
	referral({
		referral_id: 'R5',
		child_id: 'S',
		referral_date: '2024-06-01',
		age_at_referral: 15,
		gender: 'female'
	}),
	referral({ referral_id: 'R6', child_id: 'T', referral_date: '2024-07-01', age_at_referral: 12 })
];

/**
 * Fenland's 2024 population by sex and single year: boys aged 10–13 500 each, 14–17 400 each; girls aged
 * 10–17 380 each; 0–9 given as one row (a reference may give some bands in less detail). Boys 14–17: 1,600;
 * children 10–17: 2,000 + 1,600 + 3,040 = 6,640.
 */
const detailed = [
	...[10, 11, 12, 13].map((age) => ['male', age, 500] as const),
	...[14, 15, 16, 17].map((age) => ['male', age, 400] as const),
	...[10, 11, 12, 13, 14, 15, 16, 17].map((age) => ['female', age, 380] as const)
];

async function usePopulation(engine: Engine, values: string): Promise<void> {
	await engine.exec(sql`DELETE FROM population`);
	await engine.exec(new Sql(`INSERT INTO population VALUES ${values}`));
}
const row = (band: string, sex: string | null, age: number | null, children: number) =>
	`('fenland', 2024, '${band}', ${sex === null ? 'NULL' : `'${sex}'`}, ${age ?? 'NULL'}, ${children}, 'test')`;

const boys14To17: Filters = { genders: ['male'], ageFrom: 14, ageTo: 17 };
const year2024 = { from: '2024-01-01', to: '2024-12-31' };

const engine = engineForFile(() => engineWith({ referrals: rows }));

async function detail(): Promise<PopulationDetail> {
	const [found] = await answer<PopulationDetailRow>(engine, populationDetail());
	return { bySex: found!.by_sex, byAge: found!.by_age, bands: found!.bands?.split(',') ?? [] };
}
async function fenland(filters: Filters) {
	const population = matchingPopulation(filters, await detail());
	const result = await answer<MatchingRateRow>(engine, matchingRates(filters, year2024, population));
	return { population, fenland: result.find((one) => one.district === 'fenland')! };
}

describe('matchingRates', () => {
	it('divides boys aged 14–17 by the boys aged 14–17 of the reference', async () => {
		await usePopulation(
			engine,
			[...detailed.map(([sex, age, n]) => row('10-17', sex, age, n)), row('0-9', null, null, 9000)].join(', ')
		);
		// Some rows are whole bands: the reference is not by sex or single year throughout.
		expect(await detail()).toEqual({ bySex: false, byAge: false, bands: ['0-9', '10-17'] });
		await engine.exec(sql`DELETE FROM population WHERE age_band = '0-9'`);
		expect(await detail()).toEqual({ bySex: true, byAge: true, bands: ['10-17'] });

		const { population, fenland: boys } = await fenland(boys14To17);
		expect(population).toEqual({ ages: [14, 15, 16, 17], bands: [], sex: 'male', wider: [] });
		// P, Q twice, R: 4 referrals, 3 children; 2024 is covered whole, so 1,600 person-years.
		expect(boys).toMatchObject({ referrals: 4, children: 3, counted: 4, person_years: 1600 });
		// 4 / 1,600 × 10,000 = 25 per 10,000 boys aged 14–17 a year.
		expect((boys.counted / boys.person_years) * 10_000).toBe(25);
	});

	it('counts only the population’s ages in the numerator, and both sexes when the cohort has both', async () => {
		const { population, fenland: everyone } = await fenland({ ageFrom: 12, ageTo: 15 });
		expect(population.sex).toBeUndefined();
		// Children aged 12–15: boys 12, 13 (500 each), 14, 15 (400 each) and girls 12–15 (380 each) = 3,320.
		expect(everyone).toMatchObject({ referrals: 3, counted: 3, person_years: 3320 });
		// Half of 2024 (1 January to 1 July 2024: 183 of 366 days) is half the person-years.
		const half = await answer<MatchingRateRow>(
			engine,
			matchingRates({ genders: ['female'] }, { from: '2024-01-01', to: '2024-07-01' }, population)
		);
		expect(half.find((one) => one.district === 'fenland')!.person_years).toBeCloseTo(3320 / 2, 9);
	});

	it('falls back to all children aged 10–17, saying why, when the reference is by band only', async () => {
		await usePopulation(engine, [row('10-17', null, null, 6640), row('0-9', null, null, 9000)].join(', '));
		const { population, fenland: boys } = await fenland(boys14To17);
		expect(population).toEqual({
			ages: [10, 11, 12, 13, 14, 15, 16, 17],
			bands: ['10-17'],
			sex: undefined,
			wider: ['age', 'sex']
		});
		// Boys of the cohort aged 10–17 (4 referrals) per 6,640 children aged 10–17: 6.024… per 10,000.
		expect(boys).toMatchObject({ referrals: 4, counted: 4, person_years: 6640 });
		expect((boys.counted / boys.person_years) * 10_000).toBeCloseTo(6.024096, 6);
	});

	it('uses rows by sex without single years: boys aged 10–17 for a cohort of boys aged 14–17', async () => {
		await usePopulation(
			engine,
			[
				row('10-17', 'male', null, 3600),
				row('10-17', 'female', null, 3040),
				row('0-9', null, null, 9000)
			].join(', ')
		);
		// The 0–9 band is not by sex, so the reference as a whole is not: both sexes are used.
		const { population } = await fenland(boys14To17);
		expect(population.wider).toEqual(['age', 'sex']);
		await engine.exec(sql`DELETE FROM population WHERE age_band = '0-9'`);
		const { population: bySex, fenland: boys } = await fenland(boys14To17);
		expect(bySex).toEqual({
			ages: [10, 11, 12, 13, 14, 15, 16, 17],
			bands: ['10-17'],
			sex: 'male',
			wider: ['age']
		});
		expect(boys).toMatchObject({ counted: 4, person_years: 3600 });
	});
});
