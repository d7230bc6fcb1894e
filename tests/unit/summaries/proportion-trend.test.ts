import { describe, expect, it } from 'vitest';
import { formatPValue, proportionTrend } from '$lib/summaries/proportion-trend';

const series = (numerators: (number | null)[], denominator = 100) =>
	numerators.map((numerator, score) => ({ numerator, denominator, score }));

describe('proportionTrend', () => {
	it('finds a significant rise or fall with the chi-square test for trend', () => {
		const rising = proportionTrend(series([20, 30, 40, 50, 60]));
		expect(rising.direction).toBe('rising');
		expect(rising.pValue).toBeLessThan(0.001);
		expect(proportionTrend(series([60, 50, 40, 30, 20])).direction).toBe('falling');
	});

	it('says no significant change for a flat series, and at 99.8% for a modest one', () => {
		expect(proportionTrend(series([30, 31, 29, 30, 31])).direction).toBe('no significant change');
		// p ≈ 0.01: significant at 95%, not at 99.8%.
		const modest = series([20, 24, 28, 30, 33]);
		expect(proportionTrend(modest).direction).toBe('rising');
		expect(proportionTrend(modest, 0.998).direction).toBe('no significant change');
	});

	it('skips suppressed periods and needs three usable ones', () => {
		expect(proportionTrend(series([20, null, 40, 50, 60])).periods).toBe(4);
		expect(proportionTrend(series([20, null, null, 50])).direction).toBe('cannot be calculated');
		expect(proportionTrend(series([0, 0, 0, 0])).direction).toBe('cannot be calculated');
	});

	it('formats p-values', () => {
		expect(formatPValue(0.0004)).toBe('p < 0.001');
		expect(formatPValue(0.0042)).toBe('p = 0.004');
		expect(formatPValue(0.4123)).toBe('p = 0.41');
	});
});
