import { describe, expect, it } from 'vitest';
import type { ComparedCohort } from '$lib/domain/compared-cohort';
import { comparedFromParams, isComparedParam, withCompared } from '$lib/state/compared-cohort-link';
import { filtersFromParams } from '$lib/state/filter-params';
import { savedViewSearch } from '$lib/state/saved-view-link';

const girls: ComparedCohort = {
	name: 'Fenland girls 14–17, missing',
	filters: {
		from: '2025-04-01',
		districts: ['fenland'],
		genders: ['female'],
		ageFrom: 14,
		ageTo: 17,
		indicators: { conditions: { ind_missing: 'present' }, match: 'all' }
	}
};
const boys = 'gender=male&age-from=14&age-to=17&indicators=drug-use,concerning-adults';

describe('the compared cohort in the address', () => {
	it('is written with readable names beside the filter bar’s, and read back whole', () => {
		const params = withCompared(new URLSearchParams(boys), girls);
		expect(params.toString().replaceAll('%2C', ',')).toBe(
			`${boys}&compare=Fenland+girls+14%E2%80%9317,+missing&compare-from=2025-04-01&compare-district=fenland&compare-gender=female&compare-age-from=14&compare-age-to=17&compare-indicators=missing`
		);
		expect(comparedFromParams(params)).toEqual(girls);
		// The filter bar's own filters are untouched by the compared cohort's.
		expect(filtersFromParams(params)).toEqual(filtersFromParams(new URLSearchParams(boys)));
	});

	it('is replaced, or removed with undefined, leaving the other parameters', () => {
		const everyone: ComparedCohort = { name: 'Everyone', filters: {} };
		const replaced = withCompared(withCompared(new URLSearchParams(boys), girls), everyone);
		expect(replaced.toString()).toBe(`${new URLSearchParams(boys).toString()}&compare=Everyone`);
		// A name alone compares with every referral.
		expect(comparedFromParams(replaced)).toEqual(everyone);
		const removed = withCompared(replaced, undefined);
		expect(removed.toString()).toBe(new URLSearchParams(boys).toString());
		expect(comparedFromParams(removed)).toBeUndefined();
	});

	it('needs a name; its unknown values are dropped one by one, as the filter bar’s are', () => {
		expect(comparedFromParams(new URLSearchParams('compare-gender=female'))).toBeUndefined();
		expect(comparedFromParams(new URLSearchParams('compare=%20&compare-gender=female'))).toBeUndefined();
		expect(
			comparedFromParams(
				new URLSearchParams('compare=Girls&compare-gender=female,robot&compare-age-from=17&compare-age-to=14')
			)
		).toEqual({ name: 'Girls', filters: { genders: ['female'] } });
	});

	it('owns only its own parameters', () => {
		expect(['compare', 'compare-gender', 'gender', 'cohort', 'comparison'].map(isComparedParam)).toEqual([
			true,
			true,
			false,
			false,
			false
		]);
	});

	it('travels in a saved cohort’s copied link', () => {
		const search = savedViewSearch(
			{
				name: 'Boys',
				page: '/cohorts/',
				filters: filtersFromParams(new URLSearchParams(boys)),
				publication: false,
				grain: 'month',
				savedAt: '2026-12-06T22:00:00.000Z'
			},
			girls
		);
		const params = new URLSearchParams(search);
		expect(params.get('cohort')).toBe('Boys');
		expect(comparedFromParams(params)).toEqual(girls);
		expect(filtersFromParams(params)).toEqual(filtersFromParams(new URLSearchParams(boys)));
	});
});
