import { describe, expect, it } from 'vitest';
import { describeSpecialCause } from '$lib/summaries/describe-special-cause';
import { listNames, plural } from '$lib/summaries/list-names';

describe('listNames', () => {
	it('joins names the en-GB way', () => {
		expect(listNames([])).toBe('');
		expect(listNames(['Fenland'])).toBe('Fenland');
		expect(listNames(['Fenland', 'Cambridge'])).toBe('Fenland and Cambridge');
		expect(listNames(['A', 'B', 'C'])).toBe('A, B and C');
	});

	it('pluralises counts', () => {
		expect(plural(1, 'district')).toBe('1 district');
		expect(plural(1200, 'child', 'children')).toBe('1,200 children');
	});
});

describe('describeSpecialCause', () => {
	it('puts Making Data Count labels in plain English', () => {
		expect(describeSpecialCause('Above UCL')).toBe('above the upper process limit');
		expect(describeSpecialCause('7 Points Above CL')).toBe('part of 7 or more months above the mean');
		expect(describeSpecialCause('Common Cause')).toBeNull();
		expect(describeSpecialCause(null)).toBeNull();
	});
});
