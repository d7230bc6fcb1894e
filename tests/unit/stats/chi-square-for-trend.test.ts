import { afterAll, describe, expect, it } from 'vitest';
import { chiSquareForTrend } from '$lib/stats';
import { reportReferenceErrors } from '../../helpers/reference';

afterAll(() => reportReferenceErrors('chi-square-for-trend'));

describe('chiSquareForTrend', () => {
	it("matches R's prop.trend.test example (?prop.trend.test: X-squared = 8.2249, p-value = 0.004132)", () => {
		// smokers <- c(83, 90, 129, 70); patients <- c(86, 93, 136, 82); prop.trend.test(smokers, patients)
		const result = chiSquareForTrend([83, 90, 129, 70], [86, 93, 136, 82]);
		expect(result?.chiSquare).toBeCloseTo(8.2249, 4);
		expect(result?.pValue).toBeCloseTo(0.004132, 6);
		expect(result?.direction).toBe(-1);
	});

	it('is 0 with no trend, larger for a steeper trend, and signed by its direction', () => {
		const flat = chiSquareForTrend([10, 10, 10, 10, 10], [100, 100, 100, 100, 100]);
		expect(flat).toEqual({ chiSquare: 0, pValue: 1, direction: 0 });
		const gentle = chiSquareForTrend([10, 11, 12, 13, 14], [100, 100, 100, 100, 100]);
		const steep = chiSquareForTrend([10, 14, 18, 22, 26], [100, 100, 100, 100, 100]);
		expect(gentle?.direction).toBe(1);
		expect(steep?.chiSquare).toBeGreaterThan(gentle?.chiSquare ?? Infinity);
	});

	it('does not depend on how the scores are shifted or scaled', () => {
		const a = chiSquareForTrend([5, 9, 4, 12, 15], [50, 60, 55, 58, 61]);
		const b = chiSquareForTrend([5, 9, 4, 12, 15], [50, 60, 55, 58, 61], [2019, 2020, 2021, 2022, 2023]);
		expect(b?.chiSquare).toBeCloseTo(a?.chiSquare ?? NaN, 8);
	});

	it('is null when undefined (no events, only events) and rejects bad input', () => {
		expect(chiSquareForTrend([0, 0, 0], [10, 20, 30])).toBeNull();
		expect(chiSquareForTrend([10, 20, 30], [10, 20, 30])).toBeNull();
		expect(chiSquareForTrend([1, 2], [10, 10], [1, 1])).toBeNull();
		expect(() => chiSquareForTrend([11], [10])).toThrow(RangeError);
		expect(() => chiSquareForTrend([1, 2], [10])).toThrow(RangeError);
	});
});
