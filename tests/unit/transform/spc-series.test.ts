import { describe, expect, it } from 'vitest';
import { periodRange } from '$lib/domain/calendar';
import { spcSeries, windowSeries, type SpcInput } from '$lib/transform/spc-series';

const months = (n: number) => periodRange('2024-01-01', '2030-12-01', 'month').slice(0, n);
const inputs = (values: readonly number[]): SpcInput[] =>
	months(values.length).map((period, index) => ({ period, value: values[index]! }));

describe('spcSeries', () => {
	it('runs XmR over the points and labels each one (hand-computed limits)', () => {
		// Ten points alternating 5, 7 then eight alternating 8, 9: mean 128/18, MR̄ 26/17.
		const values = [5, 7, 5, 7, 5, 7, 5, 7, 5, 7, 8, 9, 8, 9, 8, 9, 8, 9];
		const series = spcSeries('fenland', 'Fenland', 'month', inputs(values));
		expect(series.withheld).toBeNull();
		expect(series.included).toHaveLength(18);
		const first = series.points[0]!;
		expect(first.mean).toBeCloseTo(128 / 18, 12);
		expect(first.upl).toBeCloseTo(128 / 18 + 2.66 * (26 / 17), 12);
		expect(first.lpl).toBeCloseTo(128 / 18 - 2.66 * (26 / 17), 12);
		expect(series.points.map((point) => point.signal)).toEqual([
			...Array(10).fill('low'),
			...Array(8).fill('high')
		]);
		expect(series.points[0]!.specialCause).toBe('7 Points Below CL');
	});

	it('draws excluded points without using them for the limits', () => {
		const data = inputs([0, 1, 10, 12, 10, 12, 3]);
		data[0]!.excluded = 'no-lookback';
		data[1]!.excluded = 'no-lookback';
		data[6]!.excluded = 'incomplete';
		const series = spcSeries('all', 'All districts', 'month', data);
		expect(series.included).toEqual([2, 3, 4, 5]);
		expect(series.points[2]!.mean).toBe(11);
		expect(series.points[6]).toMatchObject({
			value: 3,
			excluded: 'incomplete',
			mean: null,
			specialCause: null
		});
		expect(series.points[0]).toMatchObject({ excluded: 'no-lookback', mean: null });
		expect(series.xmr?.provisional).toBe(true);
	});

	it('withholds SPC when a count in the baseline is suppressed, not when only an excluded one is', () => {
		const data = inputs([12, 3, 14, 12]).map((input) =>
			input.value === 3 ? { ...input, published: null, symbol: 'c' as const } : input
		);
		const withheld = spcSeries('fenland', 'Fenland', 'month', data);
		expect(withheld.withheld).toBe('suppressed');
		expect(withheld.xmr).toBeNull();
		expect(withheld.points.map((point) => point.value)).toEqual([12, null, 14, 12]);
		expect(withheld.points.every((point) => point.mean === null && point.specialCause === null)).toBe(true);

		const lastOnly = inputs([12, 13, 14, 3]).map((input, index) =>
			index === 3
				? { ...input, published: null, symbol: 'c' as const, excluded: 'incomplete' as const }
				: input
		);
		const shown = spcSeries('fenland', 'Fenland', 'month', lastOnly);
		expect(shown.withheld).toBeNull();
		expect(shown.points[3]).toMatchObject({ value: null, symbol: 'c', mean: null });
		expect(shown.points[0]!.mean).toBe(13);
	});

	it('says when there are too few points', () => {
		expect(spcSeries('all', 'All', 'quarter', inputs([4])).withheld).toBe('too-few');
		expect(spcSeries('all', 'All', 'quarter', []).points).toEqual([]);
	});
});

describe('spcSeries: rare events and the window shown', () => {
	it('gives a count series averaging under 2 a period no limits and no verdict', () => {
		const sparse = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0];
		const counts = spcSeries('fenland', 'Fenland', 'month', inputs(sparse), { counts: true });
		expect(counts.withheld).toBe('rare');
		expect(counts.xmr).toBeNull();
		expect(counts.points.every((point) => point.specialCause === null && point.upl === null)).toBe(true);
		// A share is not a count of rare events: the rule is for counts only.
		expect(spcSeries('all', 'All', 'month', inputs(sparse)).withheld).toBeNull();
	});

	it('shows the window only, with the limits and labels of the whole series', () => {
		const values = [5, 7, 5, 7, 5, 7, 5, 7, 5, 7, 8, 9, 8, 9, 8, 9, 8, 9];
		const whole = spcSeries('fenland', 'Fenland', 'month', inputs(values), { counts: true });
		const shown = windowSeries(whole, months(18)[15]!);
		expect(shown.points.map((point) => point.period)).toEqual(months(18).slice(15));
		expect(shown.points).toEqual(whole.points.slice(15));
		expect(shown.included).toEqual([0, 1, 2]);
		expect(shown.limitsFrom).toBe(months(1)[0]);
		expect(windowSeries(whole, undefined)).toBe(whole);
	});
});
