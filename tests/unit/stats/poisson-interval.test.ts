import { afterAll, describe, expect, it } from 'vitest';
import { byarsLower, exactPoissonInterval, poissonInterval } from '$lib/stats';
import { expectCloseToReference, readReferenceCsv, reportReferenceErrors } from '../../helpers/reference';

afterAll(() => reportReferenceErrors('poisson-interval'));

describe('poissonInterval', () => {
	it('matches every complete row of phe/rates-exact-and-byar.csv, choosing the method PHE chose', () => {
		const rows = readReferenceCsv('phe/rates-exact-and-byar.csv').filter(
			(r) => r.Numerator !== '' && r.Denominator !== ''
		);
		expect(rows).toHaveLength(17);
		for (const row of rows) {
			const [x, n, m] = [Number(row.Numerator), Number(row.Denominator), Number(row.multiplier)];
			for (const [confidence, lo, hi] of [
				[0.95, 'lower95_0cl', 'upper95_0cl'],
				[0.998, 'lower99_8cl', 'upper99_8cl']
			] as const) {
				const ci = poissonInterval(x, confidence);
				expect(ci.method).toBe(row.method === 'Exact' ? 'exact' : 'byars');
				expectCloseToReference((ci.lower / n) * m, Number(row[lo]), 1e-9, 'exact/Byar count limits');
				expectCloseToReference((ci.upper / n) * m, Number(row[hi]), 1e-9, 'exact/Byar count limits');
			}
		}
	});

	it('switches from exact to Byar at 10', () => {
		expect(poissonInterval(0).method).toBe('exact');
		expect(poissonInterval(9).method).toBe('exact');
		expect(poissonInterval(9)).toMatchObject(exactPoissonInterval(9));
		expect(poissonInterval(10).method).toBe('byars');
		expect(poissonInterval(10).lower).toBe(byarsLower(10));
	});
});
