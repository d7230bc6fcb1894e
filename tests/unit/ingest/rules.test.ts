import { describe, expect, it } from 'vitest';
import {
	dateField,
	enumField,
	enumeration,
	integerField,
	referrals,
	tableContract,
	textField,
	type Enumeration,
	type Field
} from '../../../src/lib/contract';
import { columnChecker } from '../../../src/lib/ingest/check-columns';
import type { ColumnMatch } from '../../../src/lib/ingest/match-headers';
import type { RawRow } from '../../../src/lib/ingest/raw-table';
import { rulesFor, type Rule } from '../../../src/lib/ingest/rules';
import { withoutInvisibles } from '../../../src/lib/ingest/without-invisibles';

const checksOf = (rules: readonly Rule[], name: string) =>
	rules.flatMap((rule) => ('field' in rule && rule.field.name === name ? [rule.check] : []));

const colours = enumeration([
	{ code: 'red', label: 'Red' },
	{ code: 'blue', label: 'Blue' }
]);

/** A small table built the way the contract builds its tables, so rules can be derived from variants of it. */
function table(extra: readonly Field[] = [], colourCodes: Enumeration<string> = colours) {
	return tableContract({
		name: 'things',
		label: 'Things',
		description: 'A test table.',
		fields: [
			textField('thing_id', {
				label: 'Thing ID',
				description: '',
				required: true,
				maxLength: 8,
				aliases: []
			}),
			dateField('seen_on', {
				label: 'Seen on',
				description: '',
				required: true,
				plausibleFrom: '2000-01-01',
				aliases: []
			}),
			enumField('colour', {
				label: 'Colour',
				description: '',
				required: false,
				values: colourCodes,
				aliases: []
			}),
			...extra
		]
	});
}

const columnsOf = (names: readonly string[]): ColumnMatch[] =>
	names.map((field, index) => ({ field, index, header: field, how: 'exact' }) as ColumnMatch);

const rowsOf = (cells: readonly (readonly string[])[]): RawRow[] =>
	cells.map((row, index) => ({ cells: row, row: index + 1, line: index + 2, problem: null }));

function check(contract: ReturnType<typeof table>, cells: readonly (readonly string[])[]) {
	const names = contract.fields.map((field) => field.name);
	const checker = columnChecker(contract, rulesFor(contract), columnsOf(names), {
		fileName: 'things.csv',
		today: '2024-06-30',
		headers: names,
		delimiter: ',',
		format: 'csv'
	});
	return checker.check(rowsOf(cells));
}

describe('rulesFor', () => {
	it("derives each field's rules from its contract definition, in check order", () => {
		const rules = rulesFor(referrals);
		expect(checksOf(rules, 'referral_id')).toEqual(['invisible', 'parse', 'required', 'unique']);
		expect(checksOf(rules, 'referral_date')).toEqual(['parse', 'required', 'window', 'future']);
		expect(checksOf(rules, 'gender')).toEqual(['parse', 'allowed', 'required']);
		expect(checksOf(rules, 'looked_after')).toEqual(['parse', 'allowed']);
		// The age is computed by the age rule (from a date of birth or the age column), never parsed alone;
		// 18–24 are inside the contract (the guidance follows care leavers to 25), so they raise no warning.
		expect(checksOf(rules, 'age_at_referral')).toEqual([]);
		expect(rules.filter((rule) => rule.check === 'age')).toHaveLength(1);
		// Every required field of the contract gets a required rule, and only those.
		expect(rules.filter((rule) => rule.check === 'required').map((rule) => rule.field.name)).toEqual(
			referrals.fields.filter((field) => field.required && !field.name.startsWith('age_')).map((f) => f.name)
		);
	});

	it("follows a field's allowed values without an edit in ingest", () => {
		const before = rulesFor(table()).find((rule) => rule.check === 'allowed');
		const green = enumeration([...colours.values, { code: 'green', label: 'Green' }]);
		const after = rulesFor(table([], green)).find((rule) => rule.check === 'allowed');
		expect(before?.check === 'allowed' && before.codes).toEqual(['red', 'blue']);
		expect(after?.check === 'allowed' && after.codes).toEqual(['red', 'blue', 'green']);
		// And the checker applies the new vocabulary: green is loaded, not kept blank with a warning.
		expect(check(table(), [['T1', '2024-01-01', 'green']]).warnings).toHaveLength(1);
		const widened = check(table([], green), [['T1', '2024-01-01', 'green']]);
		expect(widened.warnings).toHaveLength(0);
		expect(widened.values[2]).toEqual(['green']);
	});

	it('gives a new field its parse, range and required rules for free', () => {
		const score = integerField('score', {
			label: 'Score',
			description: '',
			required: true,
			min: 0,
			max: 9,
			aliases: []
		});
		const rules = rulesFor(table([score]));
		expect(checksOf(rules, 'score')).toEqual(['parse', 'range', 'required']);
		const checked = check(table([score]), [
			['T1', '2024-01-01', 'red', '3'],
			['T2', '2024-01-01', 'red', 'abc'],
			['T3', '2024-01-01', 'red', '']
		]);
		expect(checked.values[3]).toEqual([3, null, null]);
		expect(checked.problems.map(({ slot, issue }) => [slot, issue.column, issue.reason])).toEqual([
			[1, 'score', expect.stringContaining('"abc"')],
			[2, 'score', 'Score is required but the cell is empty']
		]);
	});

	it("rejects a date before the field's plausible window, with the window in the reason", () => {
		expect(rulesFor(table()).find((rule) => rule.check === 'window')).toMatchObject({ from: '2000-01-01' });
		const checked = check(table(), [
			['T1', '1999-12-31', 'red'],
			['T2', '2000-01-01', 'red']
		]);
		expect(checked.problems.map(({ slot, issue }) => [slot, issue.reason])).toEqual([
			[0, 'Seen on 1999-12-31 is before 2000-01-01, the earliest plausible date']
		]);
		expect(checked.values[1]).toEqual([null, '2000-01-01']);
	});

	it("keeps a row's issues in rule order, whatever order the columns are checked in", () => {
		const checked = check(table(), [
			['T1', 'soon', 'purple'],
			['', '2024-01-01', 'red']
		]);
		expect(checked.problems.map(({ slot, issue }) => [slot, issue.field])).toEqual([
			[0, 'seen_on'],
			[1, 'thing_id']
		]);
		expect(checked.warnings.map(({ slot, issue }) => [slot, issue.field])).toEqual([[0, 'colour']]);
	});
});

describe('withoutInvisibles', () => {
	it('removes zero-width characters and byte-order marks and turns non-breaking spaces into spaces', () => {
		expect(['R1\u200B', '\u200BR1', 'R\uFEFF1', 'R\u200C1\u200D', '\u2060R1'].map(withoutInvisibles)).toEqual(
			Array(5).fill('R1')
		);
		expect(withoutInvisibles('R\u00A02')).toBe('R 2');
		expect(withoutInvisibles('R1')).toBe('R1');
	});
});
