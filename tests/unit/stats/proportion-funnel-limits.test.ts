import { afterAll, describe, expect, it } from 'vitest';
import { proportionFunnelLimit, proportionFunnelLimits, wilsonInterval } from '$lib/stats';
import { expectCloseToReference, readReferenceCsv, reportReferenceErrors } from '../../helpers/reference';

afterAll(() => reportReferenceErrors('proportion-funnel-limits'));

describe('proportion funnel limits', () => {
	const inputs = readReferenceCsv('phe/testdata_funnel_prop_inputs.csv');
	const baseline =
		inputs.reduce((a, r) => a + Number(r.numerator), 0) /
		inputs.reduce((a, r) => a + Number(r.denominator), 0);

	it('reproduce the baseline PHEindicatormethods publishes for its funnel test data (80.642448%)', () => {
		expect(baseline * 100).toBeCloseTo(80.642448, 6);
	});

	it('match PHEindicatormethods phe_funnels at every plotted population (published to 6 decimal places)', () => {
		const rows = readReferenceCsv('phe/testdata_funnel_prop_outputs.csv');
		expect(rows).toHaveLength(100);
		for (const row of rows) {
			const limits = proportionFunnelLimits(Number(row.Population), baseline, { multiplier: 100 });
			expect(limits.baseline).toBeCloseTo(Number(row.Baseline), 6);
			// Half a unit in the 6th decimal place is the published precision.
			expect(Math.abs(limits.lower95 - Number(row.Lower2s0025limit))).toBeLessThanOrEqual(5.0001e-7);
			expect(Math.abs(limits.upper95 - Number(row.Upper2s0025limit))).toBeLessThanOrEqual(5.0001e-7);
			expect(Math.abs(limits.lower998 - Number(row.Lower3s0001limit))).toBeLessThanOrEqual(5.0001e-7);
			expect(Math.abs(limits.upper998 - Number(row.Upper3s0001limit))).toBeLessThanOrEqual(5.0001e-7);
		}
	});

	it('are the inverted Wilson interval: the Wilson interval of each limit ends exactly at the baseline', () => {
		for (const n of [7, 50, 1_000, 250_000])
			for (const confidence of [0.95, 0.998]) {
				const upper = proportionFunnelLimit(n, baseline, confidence, 'upper');
				const lower = proportionFunnelLimit(n, baseline, confidence, 'lower');
				if (upper < 1) {
					expectCloseToReference(
						wilsonInterval(upper * n, n, confidence)?.lower,
						baseline,
						1e-9,
						'inverted Wilson funnel (round trip)'
					);
				}
				if (lower > 0) {
					expectCloseToReference(
						wilsonInterval(lower * n, n, confidence)?.upper,
						baseline,
						1e-9,
						'inverted Wilson funnel (round trip)'
					);
				}
			}
	});

	it('are clamped to [0, 1], narrow as the denominator grows, and sit on the baseline when it is 0 or 1', () => {
		expect(proportionFunnelLimit(1, 0.8, 0.95, 'upper')).toBe(1);
		expect(proportionFunnelLimit(1, 0.2, 0.998, 'lower')).toBe(0);
		expect(proportionFunnelLimit(100, 0.3, 0.95, 'upper')).toBeGreaterThan(
			proportionFunnelLimit(1000, 0.3, 0.95, 'upper')
		);
		expect(proportionFunnelLimit(100, 0, 0.998, 'upper')).toBe(0);
		expect(proportionFunnelLimit(100, 1, 0.998, 'lower')).toBe(1);
	});

	it('reject a zero denominator and a baseline outside [0, 1]', () => {
		expect(() => proportionFunnelLimit(0, 0.5, 0.95, 'upper')).toThrow(RangeError);
		expect(() => proportionFunnelLimit(10, 1.5, 0.95, 'upper')).toThrow(RangeError);
	});
});
