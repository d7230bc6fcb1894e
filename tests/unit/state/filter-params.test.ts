import { describe, expect, it } from 'vitest';
import type { Filters } from '$lib/domain/filters';
import { filtersFromParams, filtersToParams, grainFromParam, linkNotice } from '$lib/state/filter-params';

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

	it('drops a period whose from is after its to, and a year no extract reaches', () => {
		// Before, both were kept and every chart showed zero with confident text.
		expect(filtersFromParams(new URLSearchParams('from=2026-01-01&to=2025-01-01'))).toEqual({});
		// Year 0002 is a valid ISO date: what a date box holds while "2025" is typed.
		expect(filtersFromParams(new URLSearchParams('from=0002-01-01&to=2026-03-31'))).toEqual({
			to: '2026-03-31'
		});
	});

	it('keeps an empty list (nothing selected) apart from no filter', () => {
		expect(filtersFromParams(new URLSearchParams('district='))).toEqual({ districts: [] });
		expect(filtersFromParams(new URLSearchParams(''))).toEqual({});
	});
});

describe('cohort filters in the URL', () => {
	const cohort: Filters = {
		ageFrom: 14,
		ageTo: 17,
		genders: ['male'],
		indicators: {
			conditions: {
				ind_drugs: 'present',
				ind_concerning_adults: 'present',
				ind_online: 'absent',
				ind_gifts: 'not_assessed'
			},
			match: 'at_least',
			atLeast: 2
		},
		interventions: ['none', 'not_recorded'],
		stages: ['mase_discussed'],
		repeat: true,
		nrm: false
	};

	it('round-trips with readable names', () => {
		const params = filtersToParams(cohort);
		expect(Object.fromEntries(params)).toEqual({
			'age-from': '14',
			'age-to': '17',
			gender: 'male',
			indicators: 'drug-use,concerning-adults',
			'not-present': 'online',
			'not-assessed': 'gifts',
			match: 'atleast',
			'at-least': '2',
			intervention: 'none,not_recorded',
			stage: 'mase_discussed',
			repeat: 'yes',
			nrm: 'no'
		});
		expect(filtersFromParams(params)).toEqual(cohort);
	});

	it('writes only what was chosen: no match for the default "all of", no empty indicator lists', () => {
		const params = filtersToParams({ indicators: { conditions: { ind_missing: 'present' }, match: 'all' } });
		expect(params.toString()).toBe('indicators=missing');
		expect(filtersFromParams(params)).toEqual({
			indicators: { conditions: { ind_missing: 'present' }, match: 'all' }
		});
		expect(filtersToParams({ ageTo: 0 }).toString()).toBe('age-to=0');
		expect(filtersFromParams(new URLSearchParams('age-to=0'))).toEqual({ ageTo: 0 });
	});

	it('drops invalid values rather than reading them as "none"', () => {
		const read = (text: string) => filtersFromParams(new URLSearchParams(text));
		expect(read('district=atlantis')).toEqual({});
		expect(read('intervention=magic&stage=nowhere')).toEqual({});
		expect(read('intervention=deter,magic')).toEqual({ interventions: ['deter'] });
		expect(read('age-from=14.5&age-to=99')).toEqual({});
		expect(read('age-from=-1&age-to=1e1')).toEqual({});
		expect(read('age-from=17&age-to=14')).toEqual({});
		expect(read('age-from=14&age-to=abc')).toEqual({ ageFrom: 14 });
		expect(read('repeat=maybe&nrm=1')).toEqual({});
		expect(read('indicators=unicorns&match=all')).toEqual({});
		expect(read('match=any&at-least=2')).toEqual({});
		// Drug use under two conditions is ambiguous and dropped; missing stays.
		expect(read('indicators=drug-use,missing&not-present=drug-use')).toEqual({
			indicators: { conditions: { ind_missing: 'present' }, match: 'all' }
		});
		expect(read('indicators=missing&match=sometimes')).toEqual({
			indicators: { conditions: { ind_missing: 'present' }, match: 'all' }
		});
		expect(read('indicators=missing&match=atleast&at-least=13')).toEqual({
			indicators: { conditions: { ind_missing: 'present' }, match: 'at_least' }
		});
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

describe('linkNotice', () => {
	const notice = (search: string) => linkNotice(new URLSearchParams(search));

	it('names each value the link asked for that the view does not apply', () => {
		expect(notice('district=narnia')).toEqual(['district “narnia”']);
		expect(
			notice(
				'district=fenland,atlantis&looked-after=maybe&from=2025-13-45&indicators=gifts,telepathy&grain=week'
			)
		).toEqual([
			'district “atlantis”',
			'looked-after “maybe”',
			'from “2025-13-45”',
			'indicators “telepathy”',
			'grain “week”'
		]);
	});

	it('flags a period that ends before it starts', () => {
		expect(notice('from=2026-01-01&to=2025-01-01&gender=male')).toEqual([
			'the period from 2026-01-01 to 2025-01-01 ends before it starts'
		]);
	});

	it('says nothing about a link that applies whole, in any order, or about parameters it does not own', () => {
		expect(
			notice(
				'district=peterborough,cambridge&from=2025-04-01&to=2026-03-31&match=all&indicators=missing&mode=publication&grain=quarter&district=&utm_source=mail'
			)
		).toEqual([]);
		expect(notice('district=')).toEqual([]);
	});
});
