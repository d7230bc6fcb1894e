import { describe, expect, it } from 'vitest';
import { indicators, tables, type TableName } from '$lib/contract';
import { detectTable, matchHeaders } from '$lib/ingest';
import { normaliseKey } from '../../../src/lib/ingest/normalise-key';

const fieldOf = (headers: string[], table: TableName = 'referrals') =>
	Object.fromEntries(
		matchHeaders(headers, table).columns.map((column) => [column.header, [column.field, column.how]])
	);

describe('matchHeaders', () => {
	it('matches names, labels and aliases case-, space- and punctuation-insensitively', () => {
		expect(
			fieldOf([
				'REFERRAL_ID',
				'child unique id',
				'Date of Referral\u00a0',
				'“Gender”',
				'ETHNIC',
				'Contact Source',
				'district '
			])
		).toEqual({
			REFERRAL_ID: ['referral_id', 'exact'],
			'child unique id': ['child_id', 'exact'],
			'Date of Referral\u00a0': ['referral_date', 'exact'],
			'“Gender”': ['gender', 'exact'],
			ETHNIC: ['ethnicity', 'exact'],
			'Contact Source': ['referral_source', 'exact'],
			'district ': ['district', 'exact']
		});
	});

	it('strips Annex A numbering and trailing brackets, and matches guidance wording in any order', () => {
		expect(
			fieldOf([
				'1. Referral ID',
				'Q12) Source of Referral',
				'Looked After (Y/N)',
				'Referred to NRM?',
				'Strained relationships, detachment, lack of trust with family and peers'
			])
		).toEqual({
			'1. Referral ID': ['referral_id', 'decorated'],
			'Q12) Source of Referral': ['referral_source', 'decorated'],
			'Looked After (Y/N)': ['looked_after', 'decorated'],
			'Referred to NRM?': ['nrm_referral', 'exact'],
			'Strained relationships, detachment, lack of trust with family and peers': [
				'ind_relationships',
				'words'
			]
		});
	});

	it('accepts a typo or two in long headings but never guesses short ones', () => {
		const match = matchHeaders(['Date of Referal', 'Ethnicty', 'Sexx', 'Distrct'], 'referrals');
		expect(match.columns.map((column) => [column.header, column.field, column.how])).toEqual([
			['Date of Referal', 'referral_date', 'close'],
			['Ethnicty', 'ethnicity', 'close'],
			['Distrct', 'district', 'close']
		]);
		expect(match.ignored).toEqual(['Sexx']);
		expect(match.notes).toContain(
			'"Date of Referal" was taken as Referral date (a close match): check it is right.'
		);
	});

	it('lists required fields with no column, and takes the age from a date of birth instead of an age column', () => {
		const match = matchHeaders(['Referral ID', 'DOB', 'Gender'], 'referrals');
		expect(match.missingRequired).toEqual(['child_id', 'referral_date', 'district']);
		expect(match.columns.map((column) => column.field)).toEqual(['referral_id', 'gender', 'date_of_birth']);
	});

	it('reports duplicate headings and refuses to choose between them', () => {
		const match = matchHeaders(['Referral ID', 'District', 'Notes', 'District', 'notes'], 'referrals');
		expect(match.ambiguous).toEqual([
			{ field: 'district', headers: ['District (column B)', 'District (column D)'] }
		]);
		expect(match.duplicateHeaders).toEqual([
			{ header: 'District', columns: ['B', 'D'] },
			{ header: 'Notes', columns: ['C', 'E'] }
		]);
		expect(match.missingRequired).not.toContain('district');
		expect(match.ignored).toEqual(['Notes', 'notes']);
	});

	it('prefers the more specific alias when two headings fit one field', () => {
		const match = matchHeaders(['Age', 'Age at Referral'], 'referrals');
		expect(match.columns).toEqual([
			{ field: 'age_at_referral', index: 1, header: 'Age at Referral', how: 'exact' }
		]);
		expect(match.ignored).toEqual(['Age']);
	});

	it("follows a profile's columns first and notes columns the file lacks", () => {
		const match = matchHeaders(['Ref No', 'District', 'Patch'], 'referrals', {
			columns: { referral_id: 'ref no ', district: 'Patch', child_id: 'Kid' }
		});
		expect(
			match.columns
				.filter((column) => column.how === 'profile')
				.map((column) => [column.field, column.header])
		).toEqual([
			['referral_id', 'Ref No'],
			['district', 'Patch']
		]);
		expect(match.ignored).toEqual(['District']);
		expect(match.notes).toContain(
			'The mapping profile takes child_id from "Kid", which this file does not have.'
		);
	});

	it('lists a blank heading as ignored with its column letter', () => {
		expect(matchHeaders(['Referral ID', ''], 'referrals').ignored).toEqual(['(blank heading, column B)']);
	});

	it.each(Object.keys(tables) as TableName[])('%s: no heading spelling belongs to two fields', (name) => {
		const table = tables[name];
		const owners = new Map<string, string>();
		for (const field of [...table.fields, ...table.inputOnly]) {
			for (const spelling of [field.name, field.label, ...field.aliases]) {
				const key = normaliseKey(spelling);
				const owner = owners.get(key);
				expect(
					owner === undefined || owner === field.name,
					`"${spelling}" is ${owner} and ${field.name}`
				).toBe(true);
				owners.set(key, field.name);
			}
		}
	});

	it.each(Object.keys(tables) as TableName[])(
		'%s: every field is found from its own name, label and aliases',
		(name) => {
			const table = tables[name];
			for (const field of [...table.fields, ...table.inputOnly]) {
				for (const spelling of [field.name, field.label, ...field.aliases]) {
					expect(matchHeaders([spelling], name).columns[0]?.field, spelling).toBe(field.name);
				}
			}
		}
	);

	it('finds every indicator from the guidance wording', () => {
		for (const indicator of indicators) {
			expect(matchHeaders([indicator.label], 'referrals').columns[0]?.field).toBe(indicator.column);
		}
	});
});

describe('detectTable', () => {
	it('recognises a referrals extract and a missing-episodes extract from the headings', () => {
		expect(detectTable(['Child Unique ID', 'Date of Referral', 'Gender', 'District']).table).toBe(
			'referrals'
		);
		const ssda903 = detectTable(['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END']);
		expect(ssda903.table).toBe('missing_episodes');
		expect(ssda903.scores.missing_episodes).toBeGreaterThan(ssda903.scores.referrals);
	});

	it('gives null when nothing matches', () => {
		expect(detectTable(['Name', 'Address']).table).toBeNull();
	});
});

describe('labels the app prints are headings it recognises', () => {
	it('matches every field by its label, and every indicator by its short label', () => {
		for (const [name, table] of Object.entries(tables) as [TableName, (typeof tables)[TableName]][]) {
			for (const field of table.fields) {
				const match = matchHeaders([field.label], name);
				expect(
					match.columns.map((column) => column.field),
					`${name}: ${field.label}`
				).toEqual([field.name]);
			}
		}
		for (const indicator of indicators) {
			const match = matchHeaders([indicator.short], 'referrals');
			expect(
				match.columns.map((column) => column.field),
				indicator.short
			).toEqual([indicator.column]);
		}
	});
});
