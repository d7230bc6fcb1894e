import { afterAll, describe, expect, it } from 'vitest';
import { rateWithInterval } from '$lib/stats';
import {
	expectCloseToReference,
	readReferenceCsv,
	referenceNumber,
	reportReferenceErrors
} from '../../helpers/reference';

afterAll(() => reportReferenceErrors('rate-with-interval'));

describe('rateWithInterval', () => {
	it('matches every row of phe/rates-exact-and-byar.csv (per 100 and per 100,000; 95% and 99.8%)', () => {
		const rows = readReferenceCsv('phe/rates-exact-and-byar.csv');
		expect(rows).toHaveLength(20);
		for (const row of rows) {
			const x = referenceNumber(row.Numerator);
			const n = referenceNumber(row.Denominator);
			const multiplier = Number(row.multiplier);
			for (const [confidence, lo, hi] of [
				[0.95, 'lower95_0cl', 'upper95_0cl'],
				[0.998, 'lower99_8cl', 'upper99_8cl']
			] as const) {
				const result = rateWithInterval(x, n, { confidence, multiplier });
				const value = referenceNumber(row.value);
				if (value === null) {
					expect(result).toEqual({ value: null, lower: null, upper: null, method: null });
					continue;
				}
				expect(result.method).toBe(row.method === 'Exact' ? 'exact' : 'byars');
				expectCloseToReference(result.value, value, 1e-9, 'rate with exact/Byar interval');
				expectCloseToReference(result.lower, Number(row[lo]), 1e-9, 'rate with exact/Byar interval');
				expectCloseToReference(result.upper, Number(row[hi]), 1e-9, 'rate with exact/Byar interval');
			}
		}
	});

	it('defaults to a rate per 10,000 and handles a zero count and a zero population', () => {
		const zero = rateWithInterval(0, 20_000);
		expect(zero.value).toBe(0);
		expect(zero.lower).toBe(0);
		expect(zero.upper).toBeCloseTo((-Math.log(0.025) / 20_000) * 10_000, 12);
		expect(rateWithInterval(5, 0)).toEqual({ value: null, lower: null, upper: null, method: null });
		expect(() => rateWithInterval(5, -10)).toThrow(RangeError);
	});
});
