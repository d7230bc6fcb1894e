import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referrals, tables, yesNo, type EnumField, type Field } from '$lib/contract';
import { fieldParser } from '$lib/ingest';
import { CellProblem } from '../../../src/lib/ingest/cell-problem';

const parse = (
	fieldName: string,
	cell: Parameters<ReturnType<typeof fieldParser>>[0],
	values?: Record<string, string>
) => {
	const parsed = fieldParser(referrals.field(fieldName), values)(cell);
	return parsed instanceof CellProblem ? `problem: ${parsed.reason}` : parsed;
};

const enumFields = Object.values(tables).flatMap((table) =>
	(table.fields as readonly Field[]).filter((field): field is EnumField => field.kind === 'enum')
);

describe('fieldParser', () => {
	it('maps gender spellings: codes, labels, CIN codes, Annex A prefixes', () => {
		expect(['M', 'Male', 'a) Male', '1', 1, 'boy', ' MALE '].map((cell) => parse('gender', cell))).toEqual(
			Array(7).fill('male')
		);
		expect(['F', 'b) Female', '2', 'Female'].map((cell) => parse('gender', cell))).toEqual(
			Array(4).fill('female')
		);
		expect(parse('gender', 'Non binary')).toBe('indeterminate');
		expect(parse('gender', '0')).toBe('not_recorded');
	});

	it('maps referral sources from "q) 6: Police", codes and labels, and refuses conflicting parts', () => {
		expect(parse('referral_source', 'q) 6: Police')).toBe('police');
		expect(parse('referral_source', '6')).toBe('police');
		expect(parse('referral_source', 'Police')).toBe('police');
		expect(parse('referral_source', '1A - Family member')).toBe('individual');
		expect(parse('referral_source', '3E')).toBe('health');
		expect(parse('referral_source', '1: Police')).toMatch(
			/^problem: "1: Police" is not a recognised Referral source/
		);
	});

	it('maps CIN ethnicity codes to ONS groups', () => {
		expect(
			['WBRI', 'WROM', 'MWBC', 'CHNE', 'BAFR', 'OOTH', 'REFU', 'NOBT'].map((cell) => parse('ethnicity', cell))
		).toEqual(['white', 'white', 'mixed', 'asian', 'black', 'other', 'unknown', 'unknown']);
	});

	it('reads yes/no from every spelling of the contract, booleans and 1/0 numbers', () => {
		for (const spelling of yesNo.yes) expect(parse('looked_after', spelling)).toBe(true);
		for (const spelling of yesNo.no) expect(parse('looked_after', spelling)).toBe(false);
		expect([true, false, 1, 0, 'yes', 'FALSE'].map((cell) => parse('looked_after', cell))).toEqual([
			true,
			false,
			true,
			false,
			true,
			false
		]);
		expect(parse('looked_after', 'Maybe')).toBe(
			'problem: "Maybe" is not a yes/no value (expected Y/N, Yes/No, True/False or 1/0)'
		);
	});

	it('treats blank, #N/A, NULL, null, -, N/A and NA as no value, except where they are codes', () => {
		for (const cell of [null, '', '   ', '#N/A', 'NULL', 'null', '-', '–', 'N/A', 'NA']) {
			expect(parse('gender', cell)).toBeNull();
			expect(parse('referral_date', cell)).toBeNull();
			expect(parse('looked_after', cell)).toBeNull();
		}
		expect(parse('ind_drugs', 'NA')).toBe('not_assessed');
		expect(parse('ind_drugs', 'N/A')).toBe('not_assessed');
		expect(parse('ind_drugs', '#N/A')).toBeNull();
		expect(parse('intervention', 'None')).toBe('none');
	});

	it('refuses Excel error values instead of loading them as text', () => {
		expect(parse('referral_id', '#REF!')).toBe('problem: "#REF!" is an Excel error, not a value');
		expect(parse('district', '#VALUE!')).toBe('problem: "#VALUE!" is an Excel error, not a value');
	});

	it('reads integers with int semantics and the field range', () => {
		expect(['15', ' 15 ', 15, '15.0', '+15'].map((cell) => parse('age_at_referral', cell))).toEqual([
			15, 15, 15, 15, 15
		]);
		expect(parse('age_at_referral', '15.5')).toBe('problem: "15.5" is not a whole number');
		expect(parse('age_at_referral', 15.5)).toBe('problem: "15.5" is not a whole number');
		expect(parse('age_at_referral', 'abc')).toBe('problem: "abc" is not a whole number');
		expect(parse('age_at_referral', '25')).toBe(
			'problem: 25 is outside the allowed range for Age at referral (0–24)'
		);
		expect(parse('age_at_referral', -1)).toBe(
			'problem: -1 is outside the allowed range for Age at referral (0–24)'
		);
		expect(parse('age_at_referral', true)).toBe('problem: "TRUE" is not a whole number');
	});

	it('trims text, keeps numeric IDs as text and refuses text over the length limit', () => {
		expect(parse('referral_id', '  R1 ')).toBe('R1');
		expect(parse('referral_id', 1005)).toBe('1005');
		expect(parse('referral_id', 'x'.repeat(65))).toBe(
			'problem: the value is 65 characters long; Referral ID allows at most 64'
		);
		expect(parse('referral_id', '<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
	});

	it("applies a profile's value map before the contract's aliases", () => {
		expect(parse('district', 'PBoro', { pboro: 'peterborough' })).toBe('peterborough');
		expect(parse('district', 'Fenland', { pboro: 'peterborough' })).toBe('fenland');
		expect(parse('looked_after', 'CLA', { CLA: 'true' })).toBe(true);
	});

	it.each(enumFields.map((field) => [field.name, field] as const))(
		'%s: every code, label and alias resolves to its own code, with the value map checked for clashes',
		(_, field) => {
			const parser = fieldParser(field);
			for (const value of field.values.values) {
				for (const spelling of [value.code, value.label, ...(value.aliases ?? [])]) {
					expect(parser(spelling), `${spelling}`).toBe(value.code);
					expect(parser(`a) ${spelling}`), `a) ${spelling}`).toBe(value.code);
				}
			}
		}
	);

	it('returns the same answer for a cell however often it is seen (the cache is transparent)', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 12 }), (text) => {
				const parser = fieldParser(referrals.field('ethnicity'));
				const first = parser(text);
				const second = parser(text);
				if (first instanceof CellProblem) expect((second as CellProblem).reason).toBe(first.reason);
				else expect(second).toBe(first);
			})
		);
	});
});
