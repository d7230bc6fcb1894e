import { describe, expect, it } from 'vitest';
import { assertCount, disclosureSettings, isPrimary, publishCount } from '$lib/stats';

describe('published cells', () => {
	it('treats 1 to the threshold as small; 0 and larger counts are not', () => {
		expect([0, 1, 5, 6].map((v) => isPrimary(v, 5))).toEqual([false, true, true, false]);
		expect(isPrimary(1, 0)).toBe(false);
	});

	it('publishes suppressed counts as the GSS symbol c', () => {
		expect(publishCount(3, 'primary', null)).toEqual({ value: null, symbol: 'c', suppression: 'primary' });
		expect(publishCount(40, 'secondary', 5)).toEqual({ value: null, symbol: 'c', suppression: 'secondary' });
	});

	it('rounds half up to the nearest multiple, and shows a non-zero count that rounds to 0 as k', () => {
		expect([7, 8, 10, 12, 13].map((v) => publishCount(v, null, 5).value)).toEqual([5, 10, 10, 10, 15]);
		expect([5, 15, 24, 25].map((v) => publishCount(v, null, 10).value)).toEqual([10, 20, 20, 30]);
		expect(publishCount(2, null, 5)).toEqual({ value: null, symbol: 'k', suppression: null });
		expect(publishCount(0, null, 5)).toEqual({ value: 0, symbol: null, suppression: null });
		expect(publishCount(17, null, null)).toEqual({ value: 17, symbol: null, suppression: null });
	});

	it('validates counts and options', () => {
		expect(() => assertCount(1.5, 'test')).toThrow(RangeError);
		expect(() => assertCount(-1, 'test')).toThrow(RangeError);
		expect(disclosureSettings()).toEqual({ threshold: 5, roundTo: null });
		expect(() => disclosureSettings({ threshold: -1 })).toThrow(RangeError);
		expect(() => disclosureSettings({ roundTo: 0 })).toThrow(RangeError);
	});
});
