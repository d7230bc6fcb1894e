import { describe, expect, it } from 'vitest';
import type { SavedView } from '$lib/domain/saved-view';
import { filtersFromParams } from '$lib/state/filter-params';
import { linkedView, savedViewSearch } from '$lib/state/saved-view-link';

const view: SavedView = {
	name: 'Boys 14–17 & drugs',
	page: '/cohorts/',
	filters: {
		from: '2025-11-01',
		to: '2026-10-31',
		genders: ['male'],
		ageFrom: 14,
		ageTo: 17,
		indicators: { conditions: { ind_drugs: 'present', ind_concerning_adults: 'present' }, match: 'all' }
	},
	publication: true,
	grain: 'quarter',
	dataset: '0123456789abcdef',
	savedAt: '2026-12-06T22:00:00.000Z'
};

describe('a link to a saved cohort', () => {
	it('reopens its filters, mode, grain, name and data fingerprint', () => {
		const search = savedViewSearch(view);
		expect(search).toBe(
			'?from=2025-11-01&to=2026-10-31&gender=male&age-from=14&age-to=17&indicators=drug-use,concerning-adults&mode=publication&grain=quarter&cohort=Boys+14%E2%80%9317+%26+drugs&data=0123456789abcdef'
		);
		const params = new URLSearchParams(search);
		expect(filtersFromParams(params)).toEqual(view.filters);
		expect(linkedView(params)).toEqual({ name: view.name, dataset: view.dataset });
	});

	it('ignores a malformed fingerprint and a blank name', () => {
		expect(linkedView(new URLSearchParams('cohort=%20&data=XYZ'))).toEqual({});
	});
});
