import { describe, expect, it } from 'vitest';
import { referrals } from '$lib/contract';
import { columnValue, columnValues, concatColumns, type FieldValue } from '$lib/ingest';
import { ColumnBuilder } from '../../../src/lib/ingest/column-builder';

function build(fieldName: string, values: (FieldValue | null)[]) {
	const builder = new ColumnBuilder(referrals.field(fieldName));
	for (const value of values) builder.push(value);
	return builder.build();
}

describe('loaded columns', () => {
	it.each([
		['referral_id', ['R1', null, '2024–001', '']],
		['gender', ['male', null, 'not_recorded', 'female']],
		['age_at_referral', [0, null, 24, 15]],
		['looked_after', [true, null, false, true]],
		['referral_date', ['2024-02-29', null, '1950-01-01', '2099-12-31']]
	])('stores %s compactly and gives the values back', (fieldName, values) => {
		const column = build(fieldName, values);
		expect(column.length).toBe(values.length);
		expect(columnValues(column)).toEqual(values);
		expect(columnValue(column, 1)).toBeNull();
	});

	it('grows past its first allocation', () => {
		const values = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? null : i % 25));
		expect(columnValues(build('age_at_referral', values))).toEqual(values);
	});

	it('keeps codes, numbers and dates in typed arrays that survive structured cloning', () => {
		const column = build('referral_date', ['2024-01-05', null]);
		expect(column.kind).toBe('date');
		if (column.kind === 'date') expect(column.days).toBeInstanceOf(Int32Array);
		expect(columnValues(structuredClone(column))).toEqual(['2024-01-05', null]);
	});

	it('refuses a value that is not a code of the field (a bug upstream, not bad input)', () => {
		expect(() => build('gender', ['Male'])).toThrow('gender: "Male" is not a code');
	});

	it('joins columns of the same kind, and refuses different kinds', () => {
		const joined = concatColumns(build('gender', ['male', null]), build('gender', ['female']));
		expect(columnValues(joined)).toEqual(['male', null, 'female']);
		expect(
			columnValues(concatColumns(build('referral_date', ['2024-01-01']), build('referral_date', [null])))
		).toEqual(['2024-01-01', null]);
		expect(() => concatColumns(build('gender', []), build('age_at_referral', []))).toThrow(
			'Cannot join columns of different kinds (enum, integer)'
		);
	});
});
