import { describe, expect, it } from 'vitest';
import { areaReference } from '$lib/contract';
import { cohortDistrictRates } from '../../../../src/routes/cohorts/cohort-rates';

const areas = areaReference('North West (made up)', [
	{ code: 'wigan', name: 'Wigan', gss: 'E08000010' },
	{ code: 'blackburn_with_darwen', name: 'Blackburn with Darwen', gss: 'E06000008' }
]);
const row = (district: string, counted: number) => ({
	district,
	referrals: counted,
	children: counted,
	counted,
	person_years: 20_000
});

describe('cohortDistrictRates', () => {
	it('rates every area of the loaded reference, not the bundled districts, named as the reference names them', () => {
		const rates = cohortDistrictRates([row('wigan', 12), row('blackburn_with_darwen', 4)], {
			filters: {},
			areas
		});
		expect(rates.map((rate) => [rate.districtLabel, Number(rate.rate?.toFixed(9))])).toEqual([
			['Wigan', 6],
			['Blackburn with Darwen', 2]
		]);
	});

	it('keeps only the districts the filters choose', () => {
		const rates = cohortDistrictRates([row('wigan', 12), row('blackburn_with_darwen', 4)], {
			filters: { districts: ['wigan'] },
			areas
		});
		expect(rates.map((rate) => rate.district)).toEqual(['wigan']);
	});
});
