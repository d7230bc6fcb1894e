import { describe, expect, it } from 'vitest';
import { datasetFingerprint } from '$lib/domain/dataset-fingerprint';
import {
	savedViewSchema,
	savedViewsFromJson,
	savedViewsToJson,
	type SavedView
} from '$lib/domain/saved-view';

const commissioner: SavedView = {
	name: 'Boys 14–17, drugs and concerning adults',
	page: '/cohorts/',
	filters: {
		from: '2025-11-01',
		to: '2026-10-31',
		genders: ['male'],
		ageFrom: 14,
		ageTo: 17,
		indicators: { conditions: { ind_drugs: 'present', ind_concerning_adults: 'present' }, match: 'all' }
	},
	publication: false,
	grain: 'month',
	dataset: '0123456789abcdef',
	savedAt: '2026-12-06T22:00:00.000Z'
};
const fenlandGirls: SavedView = {
	name: 'Fenland girls 14–17 with a missing indicator',
	page: '/cohorts/',
	filters: {
		districts: ['fenland'],
		genders: ['female'],
		ageFrom: 14,
		ageTo: 17,
		indicators: {
			conditions: { ind_missing: 'present', ind_online: 'not_assessed' },
			match: 'at_least',
			atLeast: 1
		},
		interventions: ['none', 'not_recorded'],
		stages: ['mase_discussed'],
		repeat: false,
		nrm: true,
		lookedAfter: false
	},
	publication: true,
	grain: 'quarter',
	savedAt: '2026-12-06T22:05:00.000Z'
};

describe('saved cohorts as JSON', () => {
	it('reads back exactly what it wrote, every kind of filter included', () => {
		const text = savedViewsToJson([commissioner, fenlandGirls]);
		expect(savedViewsFromJson(text)).toEqual({ views: [commissioner, fenlandGirls] });
		// And again: the file is stable under a second round trip.
		const again = savedViewsFromJson(text) as { views: SavedView[] };
		expect(savedViewsToJson(again.views)).toBe(text);
	});

	it('says why a file cannot be used, rather than loading part of it', () => {
		expect(savedViewsFromJson('{ nope')).toEqual({ error: 'This file is not JSON.' });
		expect(savedViewsFromJson(JSON.stringify({ format: 'mapping-profile', version: 1, views: [] }))).toEqual({
			error: 'This is not a Sightline cohorts file (format "sightline-saved-views", version 1).'
		});
		const badAge = JSON.parse(savedViewsToJson([commissioner]));
		badAge.views[0].filters.ageTo = 30;
		const read = savedViewsFromJson(JSON.stringify(badAge));
		expect('error' in read && read.error).toMatch(
			/^This cohorts file does not fit: views\.0\.filters\.ageTo: /
		);
		const noName = JSON.parse(savedViewsToJson([commissioner]));
		noName.views[0].name = '  ';
		expect('error' in savedViewsFromJson(JSON.stringify(noName))).toBe(true);
	});

	it('refuses a page path that could point outside the app', () => {
		for (const page of ['https://example.org/', '//example.org/', '/cohorts', '/../data/'])
			expect(savedViewSchema.safeParse({ ...commissioner, page }).success).toBe(false);
		expect(savedViewSchema.safeParse({ ...commissioner, page: '/' }).success).toBe(true);
	});
});

describe('dataset fingerprint', () => {
	const a = 'a'.repeat(64);
	const b = 'b'.repeat(64);
	it('depends on the files, not their order or case', () => {
		expect(datasetFingerprint([a, b])).toBe(datasetFingerprint([b, a.toUpperCase()]));
		expect(datasetFingerprint([a, b])).toMatch(/^[0-9a-f]{16}$/);
	});
	it('changes when any file changes', () => {
		expect(datasetFingerprint([a, b])).not.toBe(datasetFingerprint([a, 'c'.repeat(64)]));
		expect(datasetFingerprint([a])).not.toBe(datasetFingerprint([a, b]));
	});
	it('matches FNV-1a 64 on a published test vector', () => {
		// FNV-1a 64 of "a" is af63dc4c8601ec8c (Fowler, Noll, Vo test suite).
		expect(datasetFingerprint(['a'])).toBe('af63dc4c8601ec8c');
	});
});
