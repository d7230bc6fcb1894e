import { describe, expect, it } from 'vitest';
import { countNoun } from '$lib/format/count-noun';

describe('countNoun', () => {
	it('puts the noun in the singular for one and the plural otherwise', () => {
		expect(countNoun(1, 'episode')).toBe('1 episode');
		expect(countNoun(0, 'episode')).toBe('0 episodes');
		expect(countNoun(2, 'episode')).toBe('2 episodes');
		expect(countNoun(12_345, 'referral')).toBe('12,345 referrals');
	});

	it('takes an irregular plural', () => {
		expect(countNoun(1, 'child', 'children')).toBe('1 child');
		expect(countNoun(7, 'child', 'children')).toBe('7 children');
	});

	it('says "c" for a withheld count, and what the caller shows in place of the digits, with the plural', () => {
		expect(countNoun(null, 'child', 'children')).toBe('c children');
		expect(countNoun(1, 'referral', 'referrals', 'a small number of')).toBe('a small number of referrals');
	});
});
