import { describe, expect, it } from 'vitest';
import {
	areaReference,
	areaSlug,
	cambridgeshireAndPeterborough,
	districts,
	districtVocabulary,
	referrals,
	withAreas
} from '$lib/contract';

describe('area references', () => {
	it('the bundled reference is the contract districts: same codes, order, names and spellings', () => {
		const reference = cambridgeshireAndPeterborough;
		expect(reference.enumeration.codes).toEqual(districts.codes);
		expect(reference.areas.map((area) => area.name)).toEqual(districts.values.map((value) => value.label));
		for (const value of districts.values)
			for (const spelling of [value.code, value.label, ...(value.aliases ?? [])])
				expect(reference.resolve(spelling)).toBe(value.code);
		expect(reference.areas.find((area) => area.code === 'fenland')).toMatchObject({
			gss: 'E07000010',
			parent: 'E10000003'
		});
		// Peterborough is unitary: its DfE LA number (a CIN census <LEA>) names it.
		expect(reference.resolve('LA 874')).toBe('peterborough');
	});

	it('resolves codes, names and GSS codes ignoring case and punctuation; anything else is unknown', () => {
		const reference = areaReference('Greater Manchester', [
			{ code: 'trafford', name: 'Trafford', gss: 'E08000009' },
			{ code: 'salford', name: 'Salford', gss: 'E08000006' }
		]);
		expect(reference.resolve('e08000009')).toBe('trafford');
		expect(reference.resolve(' SALFORD ')).toBe('salford');
		expect(reference.resolve('Fenland')).toBeUndefined();
		expect(reference.label('salford')).toBe('Salford');
		expect(reference.label('not_recorded')).toBe('Area not recorded');
	});

	it('refuses a list where one spelling names two areas, or no areas at all', () => {
		expect(() =>
			areaReference('x', [
				{ code: 'a', name: 'Alpha', gss: 'E07000001' },
				{ code: 'b', name: 'Beta', gss: 'E07000001' }
			])
		).toThrow('"E07000001" names both a and b');
		expect(() => areaReference('x', [])).toThrow('has no areas');
		expect(() => areaReference('x', [{ code: 'not_recorded', name: 'Nowhere' }])).toThrow('reserved');
	});

	it('makes readable slugs of names', () => {
		expect(areaSlug("King's Lynn and West Norfolk")).toBe('kings_lynn_and_west_norfolk');
		expect(areaSlug('Ynys Môn')).toBe('ynys_mon');
		expect(areaSlug('Bristol, City of')).toBe('bristol_city_of');
	});

	it('types the district field of a table with the reference, plus "area not recorded"', () => {
		const reference = areaReference('Two', [
			{ code: 'north', name: 'North' },
			{ code: 'south', name: 'South' }
		]);
		expect(districtVocabulary(reference).codes).toEqual(['north', 'south', 'not_recorded']);
		const table = withAreas(referrals, reference);
		expect(table.field('district')).toMatchObject({ values: { codes: ['north', 'south', 'not_recorded'] } });
		expect(table.schema.safeParse({}).success).toBe(false);
		expect(referrals.field('district')).toMatchObject({ values: districts });
	});
});
