import { describe, expect, it } from 'vitest';
import { rollingOriginBacktest } from '$lib/stats/projection';

describe('rollingOriginBacktest', () => {
	// Three years of a seasonal pattern rising by 2 a year: worked by hand, the seasonal-naive forecast is off
	// by exactly 2 every time, and so is its in-sample MAE at every origin, so its MASE is exactly 1.
	// Origins 8 to 11 (two years behind each) score 4 + 3 + 2 + 1 forecasts.
	const series = {
		grain: 'quarter' as const,
		start: '2023-01',
		counts: [10, 20, 30, 40, 12, 22, 32, 42, 14, 24, 34, 44]
	};

	it('scores the seasonal-naive benchmark as worked by hand', () => {
		const backtest = rollingOriginBacktest(series)!;
		expect(backtest.origins).toBe(4);
		expect(backtest.forecasts).toBe(10);
		expect(backtest.benchmarkMase).toBeCloseTo(1, 12);
	});

	it('scores the model below the benchmark where its trend is linear on the log scale', () => {
		expect(rollingOriginBacktest(series)!.mase).toBeLessThan(1);
		// Doubling each year with a fixed season: the model forecasts it all but exactly (the offset for days
		// in the quarter sees 2024's leap day), within its intervals.
		const doubling = { ...series, counts: [5, 10, 15, 20, 10, 20, 30, 40, 20, 40, 60, 80] };
		const backtest = rollingOriginBacktest(doubling)!;
		expect(backtest.mase).toBeLessThan(0.01);
		expect(backtest.benchmarkMase).toBeGreaterThan(1);
		expect(backtest.coverage80).toBe(1);
		expect(backtest.coverage95).toBe(1);
	});

	it('gives null when no origin has two years behind it and a year to score', () => {
		expect(rollingOriginBacktest({ ...series, counts: series.counts.slice(0, 8) })).toBeNull();
	});

	it('skips origins whose in-sample seasonal-naive error is zero (MASE undefined)', () => {
		// Origin 8 has eight 5s behind it (no error to scale by); origins 9 and 10 see the 6.
		const flat = { ...series, counts: [5, 5, 5, 5, 5, 5, 5, 5, 6, 5, 5] };
		expect(rollingOriginBacktest(flat)!.origins).toBe(2);
	});
});
