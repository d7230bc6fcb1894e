import { describe, expect, it } from 'vitest';
import { publishCount, suppressDerived, suppressList } from '$lib/stats';

describe('suppressDerived', () => {
	it('suppresses a rate or percentage whose numerator is suppressed', () => {
		expect(suppressDerived(publishCount(3, 'primary', null), 12.5)).toEqual({ value: null, symbol: 'c' });
		expect(suppressDerived(publishCount(30, 'secondary', null), 40.1)).toEqual({ value: null, symbol: 'c' });
	});

	it('suppresses one whose numerator rounds to 0 (k), and passes published ones through', () => {
		expect(suppressDerived(publishCount(2, null, 5), 0.8)).toEqual({ value: null, symbol: 'c' });
		expect(suppressDerived(publishCount(30, null, null), 40.1)).toEqual({ value: 40.1, symbol: null });
		expect(suppressDerived(publishCount(0, null, null), 0)).toEqual({ value: 0, symbol: null });
	});

	it('works over a suppressed list of counts', () => {
		const counts = [3, 10, 12];
		const { cells } = suppressList(counts);
		const rates = cells.map((cell, i) => suppressDerived(cell, ((counts[i] as number) / 2000) * 10_000));
		expect(rates.map((r) => r.symbol)).toEqual(['c', 'c', null]);
	});
});
