import { describe, expect, it } from 'vitest';
import type { Filters } from '$lib/domain/filters';
import { filtersFromParams, filtersToParams, grainFromParam } from '$lib/state/filter-params';

describe('filters in the URL', () => {
	it('round-trips every filter, writing lists in contract order', () => {
		const filters: Filters = {
			from: '2025-04-01',
			to: '2026-03-31',
			districts: ['peterborough', 'cambridge'],
			ageBands: ['13-14'],
			genders: ['female'],
			lookedAfter: false,
			riskLevels: ['high'],
			sources: ['police']
		};
		const params = filtersToParams(filters);
		expect(params.get('district')).toBe('cambridge,peterborough');
		expect(params.get('looked-after')).toBe('no');
		expect(filtersFromParams(params)).toEqual({ ...filters, districts: ['cambridge', 'peterborough'] });
	});

	it('drops unknown or malformed values one by one, keeping what is valid', () => {
		const params = new URLSearchParams(
			'from=2025-13-45&to=2026-03-31&district=fenland,atlantis&looked-after=maybe'
		);
		expect(filtersFromParams(params)).toEqual({ to: '2026-03-31', districts: ['fenland'] });
	});

	it('keeps an empty list (nothing selected) apart from no filter', () => {
		expect(filtersFromParams(new URLSearchParams('district='))).toEqual({ districts: [] });
		expect(filtersFromParams(new URLSearchParams(''))).toEqual({});
	});
});

describe('the trend grain in the URL', () => {
	it('reads quarter, and monthly when absent or unknown', () => {
		expect(grainFromParam('quarter')).toBe('quarter');
		expect(grainFromParam('month')).toBe('month');
		expect(grainFromParam(null)).toBe('month');
		expect(grainFromParam('weekly')).toBe('month');
	});
});
