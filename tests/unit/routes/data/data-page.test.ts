import { describe, expect, it } from 'vitest';
import { tables } from '$lib/contract';
import { matchHeaders, parseMappingProfile, type FileSummary } from '$lib/ingest';
import {
	columnOptions,
	mappingAnswer,
	percent,
	savedProfile,
	unmappedFields,
	wholeFile
} from '../../../../src/routes/data/data-page';

describe('the Load data page', () => {
	it('offers each column by heading, and by letter where a heading repeats', () => {
		expect(columnOptions(['ID', 'District', 'ID'])).toEqual([
			{ value: 'column A', label: 'ID (column A)' },
			{ value: 'District', label: 'District (column B)' },
			{ value: 'column C', label: 'ID (column C)' }
		]);
	});

	it('asks only about the fields no column was matched to', () => {
		const fields = tables.missing_episodes.fields.map((field) => field.name);
		const match = matchHeaders(
			fields.filter((name) => name !== 'district'),
			'missing_episodes'
		);
		const asked = unmappedFields(match).map((field) => field.name);
		expect(asked).toContain('district');
		expect(asked).not.toContain('episode_id');
	});

	it('does not ask for an age computed from a matched date of birth (a CIN census file)', () => {
		const asked = (headers: string[]) =>
			unmappedFields(matchHeaders(headers, 'referrals')).map((field) => field.name);
		expect(asked(['LAchildID', 'CINreferralDate', 'PersonBirthDate'])).not.toContain('age_at_referral');
		expect(asked(['LAchildID', 'CINreferralDate'])).toContain('age_at_referral');
	});

	it('answers with columns, and with whole-file values only where one was typed', () => {
		const answer = mappingAnswer(
			{ episode_id: 'Ref', district: wholeFile, gender: wholeFile, looked_after: '' },
			{ district: '  Fenland ', gender: '   ' }
		);
		expect(answer).toEqual({ columns: { episode_id: 'Ref' }, values: { district: 'Fenland' } });
	});

	it('saves a profile that reloads: columns read from the file, values set for it, nothing derived', () => {
		const summary = {
			name: 'missing.csv',
			mapping: {
				child_id: 'CHILD',
				start_date: 'MIS_START',
				district: '(Fenland for the whole file)',
				episode_id: '(child + start date)'
			},
			constants: { district: 'Fenland' },
			derived: ['episode_id']
		} as unknown as FileSummary;
		const profile = savedProfile(summary, 'missing_episodes');
		expect(profile).toEqual({
			name: 'missing.csv',
			table: 'missing_episodes',
			columns: { child_id: 'CHILD', start_date: 'MIS_START' },
			constants: { district: 'Fenland' }
		});
		expect(parseMappingProfile(JSON.stringify(profile))).toEqual(profile);
	});

	it('rounds progress to a whole percentage, and treats nothing to do as 0', () => {
		expect(percent(1, 3)).toBe(33);
		expect(percent(5, 0)).toBe(0);
	});
});
