import { describe, expect, it } from 'vitest';
import { matchHeaders, parseMappingProfile, profileFromMatch } from '$lib/ingest';

describe('mapping profiles', () => {
	const profile = {
		name: 'Case system A',
		table: 'referrals',
		columns: { referral_id: 'Ref No', district: 'Patch', date_of_birth: 'Born' },
		values: { district: { PBoro: 'peterborough' }, looked_after: { CLA: 'true', 'Not CLA': 'false' } }
	};

	it('parses a valid profile from JSON text', () => {
		expect(parseMappingProfile(JSON.stringify(profile))).toEqual(profile);
	});

	it('refuses fields and codes the contract does not define, naming each problem', () => {
		const bad = {
			...profile,
			columns: { ...profile.columns, postcode: 'Postcode' },
			values: { district: { Norwich: 'norwich' }, referral_date: { today: '2024-01-01' } }
		};
		expect(() => parseMappingProfile(bad)).toThrow(
			'The mapping profile is not valid: columns.postcode: Referrals has no field "postcode".; values.district.Norwich: "norwich" is not a code of District (expected one of cambridge, east_cambridgeshire, fenland, huntingdonshire, south_cambridgeshire, peterborough).; values.referral_date: Referral date is not a coded field, so its values cannot be mapped.'
		);
		expect(() => parseMappingProfile({ ...profile, table: 'contacts' })).toThrow('table');
		expect(() => parseMappingProfile('{not json')).toThrow('The mapping profile is not valid JSON');
		expect(() => parseMappingProfile({ ...profile, name: ' ' })).toThrow('A profile needs a name.');
	});

	it('records a mapping so next month the same headings map themselves', () => {
		const headers = ['Ref No', 'Kid', 'Recvd', 'Yrs', 'Sex', 'Patch'];
		const match = matchHeaders(headers, 'referrals', {
			columns: {
				referral_id: 'Ref No',
				child_id: 'Kid',
				referral_date: 'Recvd',
				age_at_referral: 'Yrs',
				district: 'Patch'
			}
		});
		const saved = profileFromMatch('Local', match, { district: { PBoro: 'peterborough' } });
		expect(saved.columns).toEqual({
			referral_id: 'Ref No',
			child_id: 'Kid',
			referral_date: 'Recvd',
			age_at_referral: 'Yrs',
			gender: 'Sex',
			district: 'Patch'
		});
		const reloaded = parseMappingProfile(JSON.stringify(saved));
		expect(matchHeaders(headers, 'referrals', reloaded).missingRequired).toEqual([]);
	});
});
