import { afterAll, describe, expect, it } from 'vitest';
import { proportionWithInterval } from '$lib/stats';
import {
	expectCloseToReference,
	readReferenceCsv,
	referenceNumber,
	reportReferenceErrors
} from '../../helpers/reference';

afterAll(() => reportReferenceErrors('proportion-with-interval'));

describe('proportionWithInterval', () => {
	const rows = readReferenceCsv('phe/wilson-proportions.csv');

	it('matches every row of phe/wilson-proportions.csv (proportions and percentages, 95% and 99.8%)', () => {
		expect(rows).toHaveLength(19);
		for (const row of rows) {
			const x = referenceNumber(row.Numerator);
			const n = referenceNumber(row.Denominator);
			const multiplier = Number(row.multiplier);
			for (const [confidence, lo, hi] of [
				[0.95, 'lower95_0cl', 'upper95_0cl'],
				[0.998, 'lower99_8cl', 'upper99_8cl']
			] as const) {
				const result = proportionWithInterval(x, n, { confidence, multiplier });
				const value = referenceNumber(row.value);
				if (value === null) {
					expect(result).toEqual({ value: null, lower: null, upper: null });
					continue;
				}
				expectCloseToReference(result.value, value, 1e-9, 'proportion / percentage with Wilson interval');
				expectCloseToReference(
					result.lower,
					Number(row[lo]),
					1e-9,
					'proportion / percentage with Wilson interval'
				);
				expectCloseToReference(
					result.upper,
					Number(row[hi]),
					1e-9,
					'proportion / percentage with Wilson interval'
				);
			}
		}
	});

	it('gives nulls for n = 0 and defaults to a proportion at 95%', () => {
		expect(proportionWithInterval(0, 0)).toEqual({ value: null, lower: null, upper: null });
		expect(proportionWithInterval(5, 100).value).toBe(0.05);
	});
});
