import { describe, expect, it } from 'vitest';
import { recentTrend, zForConfidence } from '$lib/stats';

const series = (pairs: [number, number][]) =>
	pairs.map(([numerator, denominator]) => ({ numerator, denominator }));

describe('recentTrend (Fingertips recent trend, last five points, 99.8%)', () => {
	it('uses χ² > z² at 99.8% (Fingertips: 9.5495) as the threshold', () => {
		expect(zForConfidence(0.998) ** 2).toBeCloseTo(9.54953570608324, 12);
	});

	it('finds an increasing and a decreasing trend', () => {
		const up = recentTrend(
			series([
				[100, 1000],
				[120, 1000],
				[140, 1000],
				[160, 1000],
				[180, 1000]
			])
		);
		expect(up.trend).toBe('increasing');
		expect(up.chiSquare).toBeGreaterThan(9.5495);
		const down = recentTrend(
			series([
				[180, 1000],
				[160, 1000],
				[140, 1000],
				[120, 1000],
				[100, 1000]
			])
		);
		expect(down.trend).toBe('decreasing');
	});

	it('uses only the last five points', () => {
		const earlyNoise = [
			[900, 1000],
			[10, 1000],
			[500, 1000]
		] as [number, number][];
		const result = recentTrend(
			series([...earlyNoise, [100, 1000], [120, 1000], [140, 1000], [160, 1000], [180, 1000]])
		);
		expect(result.trend).toBe('increasing');
	});

	it('reports no significant change below the threshold', () => {
		const result = recentTrend(
			series([
				[10, 100],
				[11, 100],
				[12, 100],
				[11, 100],
				[13, 100]
			])
		);
		expect(result).toMatchObject({ trend: 'no significant change', reason: 'No significant trend.' });
		expect(result.chiSquare).toBeLessThan(9.5495);
	});

	it('refuses a trend that depends on one point (the outlier check)', () => {
		// Flat, then a jump in the last point: significant chi-square, but dropping the last point reverses the slope.
		const result = recentTrend(
			series([
				[100, 1000],
				[99, 1000],
				[98, 1000],
				[97, 1000],
				[300, 1000]
			])
		);
		expect(result.chiSquare).toBeGreaterThan(9.5495);
		expect(result.trend).toBe('no significant change');
		expect(result.reason).toContain('outlier');
	});

	it('copes with a point of 0 events (empirical logit for the slope check)', () => {
		const result = recentTrend(
			series([
				[0, 500],
				[20, 500],
				[40, 500],
				[60, 500],
				[80, 500]
			])
		);
		expect(result.trend).toBe('increasing');
	});

	it('cannot be calculated with fewer than five points, a gap, a zero denominator or no events', () => {
		expect(
			recentTrend(
				series([
					[1, 10],
					[2, 10],
					[3, 10],
					[4, 10]
				])
			).trend
		).toBe('cannot be calculated');
		expect(recentTrend([]).trend).toBe('cannot be calculated');
		const gap = [
			...series([
				[1, 10],
				[2, 10],
				[3, 10],
				[4, 10]
			]),
			{ numerator: null, denominator: 10 }
		];
		expect(recentTrend(gap).trend).toBe('cannot be calculated');
		expect(
			recentTrend(
				series([
					[1, 10],
					[2, 10],
					[0, 0],
					[4, 10],
					[5, 10]
				])
			).trend
		).toBe('cannot be calculated');
		expect(
			recentTrend(
				series([
					[0, 10],
					[0, 10],
					[0, 10],
					[0, 10],
					[0, 10]
				])
			).trend
		).toBe('cannot be calculated');
	});
});
