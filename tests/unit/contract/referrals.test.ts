import { describe, expect, it } from 'vitest';
import { indicators, referrals } from '$lib/contract';

describe('referrals contract', () => {
	it('has the 12 indicators in guidance wording', () => {
		expect(indicators).toHaveLength(12);
		expect(referrals.field('ind_missing').label).toBe('Missing from home, care or education');
	});
});
