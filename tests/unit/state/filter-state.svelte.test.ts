import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FilterState } from '$lib/state/filter-state.svelte';
import { page, visited } from '../../helpers/fake-page.svelte';

vi.mock('$app/state', () => import('../../helpers/fake-page.svelte'));
vi.mock('$app/navigation', () => import('../../helpers/fake-page.svelte'));

const open = (path: string) => {
	page.url = new URL(path, 'http://localhost');
	visited.length = 0;
};

describe('FilterState', () => {
	beforeEach(() => open('/trends'));

	it('reads the filters, publication mode and grain from the URL', () => {
		open('/trends?district=fenland,cambridge&from=2025-04-01&mode=publication&grain=quarter');
		const state = new FilterState();
		expect(state.filters.districts).toEqual(['fenland', 'cambridge']);
		expect(state.filters.from).toBe('2025-04-01');
		expect(state.filters.genders).toBeUndefined();
		expect(state.publication).toBe(true);
		expect(state.grain).toBe('quarter');
	});

	it('toggles one value of a list filter, in contract order, and removes the filter with its last value', async () => {
		open('/districts?district=fenland');
		const state = new FilterState();
		await state.toggle('districts', 'cambridge');
		expect(visited.at(-1)).toBe('/districts?district=cambridge,fenland');
		expect(state.filters.districts).toEqual(['cambridge', 'fenland']);
		await state.toggle('districts', 'fenland');
		await state.toggle('districts', 'cambridge');
		expect(visited.at(-1)).toBe('/districts');
		expect(state.filters.districts).toBeUndefined();
	});

	it('keeps publication mode and the grain when filters change, and drops a filter set to undefined', async () => {
		open('/trends?from=2025-04-01&looked-after=no&mode=publication&grain=quarter');
		const state = new FilterState();
		await state.update({ from: undefined, genders: ['female'] });
		expect(visited.at(-1)).toBe('/trends?gender=female&looked-after=no&mode=publication&grain=quarter');
		// false survives the round trip: compared with undefined, not by truthiness.
		expect(state.filters.lookedAfter).toBe(false);
		await state.reset();
		expect(visited.at(-1)).toBe('/trends?mode=publication&grain=quarter');
		await state.setPublication(false);
		await state.setGrain('month');
		expect(visited.at(-1)).toBe('/trends');
	});

	it('keeps the cohort compared with (a page choice, not a filter) when the filters change', async () => {
		open('/cohorts/?gender=male&compare=Girls&compare-gender=female&compare-district=fenland,cambridge');
		const state = new FilterState();
		expect(state.filters.genders).toEqual(['male']);
		expect(state.filters.districts).toBeUndefined();
		await state.update({ ageFrom: 14 });
		expect(visited.at(-1)).toBe(
			'/cohorts/?gender=male&age-from=14&compare=Girls&compare-gender=female&compare-district=fenland,cambridge'
		);
		await state.reset();
		expect(visited.at(-1)).toBe(
			'/cohorts/?compare=Girls&compare-gender=female&compare-district=fenland,cambridge'
		);
	});

	it('keeps each filter the same value while others change, so views reading it do not re-run', () => {
		open('/trends?district=fenland&from=2025-04-01');
		const state = new FilterState();
		const districts = state.filters.districts;
		open('/trends?district=fenland&from=2025-05-01');
		expect(state.filters.from).toBe('2025-05-01');
		expect(state.filters.districts).toBe(districts);
		open('/trends?district=fenland,cambridge&from=2025-05-01');
		expect(state.filters.districts).not.toBe(districts);
	});

	it('writes links that keep the current view', () => {
		open('/trends?district=fenland&mode=publication');
		const state = new FilterState();
		expect(state.search()).toBe('?district=fenland&mode=publication');
		expect(state.search({}, false)).toBe('');
	});
});
