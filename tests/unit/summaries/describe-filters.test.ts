import { describe, expect, it } from 'vitest';
import type { Filters } from '$lib/domain/filters';
import { describeFilters, episodeFiltersNote } from '$lib/summaries/describe-filters';

describe('the filters in plain words', () => {
	it('says the commissioner cohort as a person would', () => {
		const cohort: Filters = {
			from: '2025-04-01',
			to: '2026-03-31',
			genders: ['male'],
			ageFrom: 14,
			ageTo: 17,
			indicators: { conditions: { ind_drugs: 'present', ind_concerning_adults: 'present' }, match: 'all' }
		};
		expect(describeFilters(cohort)).toBe(
			'1 April 2025 to 31 March 2026; Aged 14 to 17; Gender: Male; With drug use and concerning adults'
		);
	});

	it('words "any of" and "at least n of", and the not present / not assessed conditions', () => {
		const conditions = { ind_missing: 'present', ind_drugs: 'absent', ind_online: 'not_assessed' } as const;
		expect(describeFilters({ indicators: { conditions, match: 'any' } })).toBe(
			'With missing, drug use assessed as not present or phone and online not assessed'
		);
		expect(describeFilters({ indicators: { conditions, match: 'at_least', atLeast: 2 } })).toBe(
			'With at least 2 of missing, drug use assessed as not present and phone and online not assessed'
		);
		expect(describeFilters({ indicators: { conditions: {}, match: 'all' } })).toBe(
			'All referrals, whole period'
		);
	});

	it('words open age ranges, interventions, stages, repeat and NRM', () => {
		expect(describeFilters({ ageFrom: 14 })).toBe('Aged 14 and over');
		expect(describeFilters({ ageTo: 0 })).toBe('Aged 0 and under');
		expect(describeFilters({ ageFrom: 15, ageTo: 15 })).toBe('Aged 15');
		expect(describeFilters({ interventions: ['none', 'not_recorded'], stages: ['mase_discussed'] })).toBe(
			'Intervention: No intervention recorded, Not recorded (left blank); Furthest stage: Discussed at MASE'
		);
		expect(describeFilters({ repeat: true, nrm: false })).toBe(
			'Repeat referrals only; Not referred to the NRM'
		);
		expect(describeFilters({ repeat: false, nrm: true })).toBe('Not repeat referrals; Referred to the NRM');
	});

	it('keeps the wording of the filters that existed before', () => {
		expect(describeFilters({})).toBe('All referrals, whole period');
		expect(describeFilters({ districts: ['fenland'], ageBands: ['13-14'], lookedAfter: true })).toBe(
			'Districts: Fenland; Ages: 13 to 14; Looked-after children only'
		);
	});
});

describe('the note beside missing-episode figures', () => {
	it('appears only when a referral-only filter is active', () => {
		expect(episodeFiltersNote({ districts: ['fenland'], ageFrom: 14, lookedAfter: true })).toBeUndefined();
		for (const filters of [{ genders: ['female'] }, { repeat: false }, { interventions: [] }] as Filters[])
			expect(episodeFiltersNote(filters)).toBe(
				'Missing episodes are filtered by period, district, age and looked-after status only.'
			);
	});
});
