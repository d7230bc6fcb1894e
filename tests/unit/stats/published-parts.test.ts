import { describe, expect, it } from 'vitest';
import { compareProportions } from '$lib/stats/compare-proportions';
import { proportionWithInterval } from '$lib/stats/proportion-with-interval';

// Publication mode perturbs every count independently, so a published part can exceed its published whole
// (19 of 18). A share is then 100%, never an exception that blanks the page.
describe('shares of published counts whose part exceeds the whole', () => {
	it('caps the share at 100% with the interval of x = n', () => {
		expect(proportionWithInterval(19, 18)).toEqual(proportionWithInterval(18, 18));
		expect(proportionWithInterval(19, 18).value).toBe(1);
	});

	it('compares two such shares as the capped ones', () => {
		expect(compareProportions({ numerator: 12, denominator: 11 }, { numerator: 5, denominator: 10 })).toEqual(
			compareProportions({ numerator: 11, denominator: 11 }, { numerator: 5, denominator: 10 })
		);
	});
});
