import { afterAll, describe, expect, it } from 'vitest';
import { compareRates, wilsonInterval } from '$lib/stats';
import { expectCloseToReference, readReferenceCsv, reportReferenceErrors } from '../../helpers/reference';

afterAll(() => reportReferenceErrors('compare-rates'));

describe('compareRates (rate ratio, conditional binomial with Wilson interval)', () => {
	it('is built on the PHE-checked Wilson interval: with equal populations, π = x₁/(x₁ + x₂) gives RR = π/(1 − π)', () => {
		// phe/wilson-proportions.csv Area4: 65 of 100 → Wilson 95% 0.55254443296887967 to 0.73635751756902468.
		const row = readReferenceCsv('phe/wilson-proportions.csv').find(
			(r) => r.Area === 'Area4' && r.multiplier === '1'
		);
		const [lo, hi] = [Number(row?.lower95_0cl), Number(row?.upper95_0cl)];
		const result = compareRates({ count: 65 }, { count: 35 });
		expectCloseToReference(result.lower, lo / (1 - lo), 1e-9, 'rate ratio limits (via PHE Wilson reference)');
		expectCloseToReference(result.upper, hi / (1 - hi), 1e-9, 'rate ratio limits (via PHE Wilson reference)');
		expect(result.ratio).toBeCloseTo(65 / 35, 14);
		expect(result.verdict).toBe('significantly higher');
	});

	it('scales by the populations and reports rates per 10,000', () => {
		const result = compareRates({ count: 30, population: 20_000 }, { count: 30, population: 40_000 });
		expect(result.current).toBe(15);
		expect(result.previous).toBe(7.5);
		expect(result.ratio).toBeCloseTo(2, 14);
		const pi = wilsonInterval(30, 60) as { lower: number; upper: number };
		expect(result.lower).toBeCloseTo((pi.lower / (1 - pi.lower)) * 2, 12);
		expect(result.verdict).toBe('significantly higher');
	});

	it('gives a verdict that agrees with its score-test p-value', () => {
		for (const [a, b] of [
			[10, 30],
			[20, 30],
			[12, 25],
			[25, 12],
			[40, 41],
			[3, 13]
		]) {
			const r = compareRates({ count: a as number }, { count: b as number });
			expect(r.verdict !== 'not significantly different').toBe((r.pValue as number) < 0.05);
		}
		const r = compareRates({ count: 10 }, { count: 30 });
		expect(r.verdict).toBe('significantly lower');
		// z = (10 − 20)/√10: two-sided p = 2Φ(−3.1623) = 0.0015654.
		expect(r.pValue).toBeCloseTo(0.0015654, 6);
	});

	it('handles a zero count in either period and in both', () => {
		const fromZero = compareRates({ count: 6 }, { count: 0 });
		expect(fromZero).toMatchObject({ ratio: Infinity, upper: Infinity, verdict: 'significantly higher' });
		const toZero = compareRates({ count: 0 }, { count: 6 });
		expect(toZero).toMatchObject({ ratio: 0, lower: 0, verdict: 'significantly lower' });
		expect(compareRates({ count: 0 }, { count: 0 })).toMatchObject({
			ratio: null,
			verdict: 'cannot be calculated'
		});
		expect(compareRates({ count: 2 }, { count: 0 }).verdict).toBe('not significantly different');
	});

	it('rejects a population for only one period and impossible values', () => {
		expect(() => compareRates({ count: 3, population: 100 }, { count: 4 })).toThrow(RangeError);
		expect(() => compareRates({ count: -1 }, { count: 4 })).toThrow(RangeError);
		expect(() => compareRates({ count: 1, population: 0 }, { count: 4, population: 10 })).toThrow(RangeError);
	});
});
