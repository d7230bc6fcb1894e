import { afterAll, describe, expect, it } from 'vitest';
import { wilsonInterval } from '$lib/stats';
import {
	expectCloseToReference,
	readReferenceCsv,
	referenceNumber,
	reportReferenceErrors
} from '../../helpers/reference';

afterAll(() => reportReferenceErrors('wilson-interval'));

const LEVELS = [
	{ confidence: 0.95, lower: 'lower95_0cl', upper: 'upper95_0cl' },
	{ confidence: 0.998, lower: 'lower99_8cl', upper: 'upper99_8cl' }
] as const;

describe('wilsonInterval', () => {
	it('matches PHEindicatormethods (phe/wilson-proportions.csv, proportion of 1) at 95% and 99.8%', () => {
		const rows = readReferenceCsv('phe/wilson-proportions.csv').filter(
			(r) => r.multiplier === '1' && r.Numerator !== '' && r.Denominator !== ''
		);
		expect(rows).toHaveLength(8);
		for (const row of rows) {
			for (const level of LEVELS) {
				const ci = wilsonInterval(Number(row.Numerator), Number(row.Denominator), level.confidence);
				expectCloseToReference(
					ci?.lower,
					referenceNumber(row[level.lower]) as number,
					1e-9,
					'Wilson interval'
				);
				expectCloseToReference(
					ci?.upper,
					referenceNumber(row[level.upper]) as number,
					1e-9,
					'Wilson interval'
				);
			}
		}
	});

	it('matches PHEindicatormethods (phe/byar-and-wilson-limits.csv, Wilson rows, including x = 0.445, n = 1)', () => {
		const rows = readReferenceCsv('phe/byar-and-wilson-limits.csv').filter((r) => r.method === 'Wilson');
		expect(rows).toHaveLength(6);
		for (const row of rows) {
			const confidence = row.confidence === '95%' ? 0.95 : 0.998;
			const ci = wilsonInterval(Number(row.x), Number(row.n), confidence);
			expectCloseToReference(ci?.lower, Number(row.lowercl), 1e-9, 'Wilson interval');
			expectCloseToReference(ci?.upper, Number(row.uppercl), 1e-9, 'Wilson interval');
		}
	});

	it('starts at exactly 0 when x = 0 and ends at exactly 1 when x = n', () => {
		const none = wilsonInterval(0, 40);
		expect(none?.lower).toBe(0);
		expect(none?.upper).toBeGreaterThan(0);
		const all = wilsonInterval(40, 40);
		expect(all?.upper).toBe(1);
		expect(all?.lower).toBeLessThan(1);
	});

	it('is null when n = 0 and rejects impossible inputs', () => {
		expect(wilsonInterval(0, 0)).toBeNull();
		expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
		expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
		expect(() => wilsonInterval(1, 10, 95)).toThrow(RangeError);
	});
});
