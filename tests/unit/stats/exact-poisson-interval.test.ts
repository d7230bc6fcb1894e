import { afterAll, describe, expect, it } from 'vitest';
import { exactPoissonInterval } from '$lib/stats';
import { expectCloseToReference, readReferenceCsv, reportReferenceErrors } from '../../helpers/reference';

afterAll(() => reportReferenceErrors('exact-poisson-interval'));

describe('exactPoissonInterval', () => {
	it('matches PHEindicatormethods (phe/rates-exact-and-byar.csv, Exact rows: x = 1 and 5, per 100 and per 100,000)', () => {
		const rows = readReferenceCsv('phe/rates-exact-and-byar.csv').filter((r) => r.method === 'Exact');
		expect(rows).toHaveLength(4);
		for (const row of rows) {
			const [x, n, m] = [Number(row.Numerator), Number(row.Denominator), Number(row.multiplier)];
			for (const [confidence, lo, hi] of [
				[0.95, 'lower95_0cl', 'upper95_0cl'],
				[0.998, 'lower99_8cl', 'upper99_8cl']
			] as const) {
				const ci = exactPoissonInterval(x, confidence);
				expectCloseToReference((ci.lower / n) * m, Number(row[lo]), 1e-9, 'exact Poisson limits');
				expectCloseToReference((ci.upper / n) * m, Number(row[hi]), 1e-9, 'exact Poisson limits');
			}
		}
	});

	it('for x = 0 runs from 0 to −ln(α/2)', () => {
		const ci = exactPoissonInterval(0, 0.95);
		expect(ci.lower).toBe(0);
		expect(ci.upper).toBeCloseTo(-Math.log(0.025), 13);
	});

	it('rejects negative counts and bad confidence levels', () => {
		expect(() => exactPoissonInterval(-1)).toThrow(RangeError);
		expect(() => exactPoissonInterval(3, 1)).toThrow(RangeError);
	});
});
