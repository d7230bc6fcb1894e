import { describe, expect, it } from 'vitest';
import { measures } from '$lib/summaries/measures';
import { comparePeriods } from '$lib/summaries/period-comparison';

describe('comparePeriods', () => {
	it('compares counts per day, so spans of different lengths are fair', () => {
		// 92 against 91 in 92 and 91 days: the same daily rate exactly.
		const same = comparePeriods(
			measures.referrals,
			{ count: 92, days: 92 },
			{ count: 91, days: 91, label: 'Apr–Jun 2026' },
			'the previous quarter',
			{ publication: false }
		);
		expect(same).toMatchObject({
			against: 'the previous quarter',
			label: 'Apr–Jun 2026',
			shown: '91',
			verdict: 'not significantly different',
			value: 91
		});
		expect(same.result && 'ratio' in same.result ? same.result.ratio : null).toBeCloseTo(1, 12);
		const higher = comparePeriods(
			measures.episodes,
			{ count: 304, days: 92 },
			{ count: 221, days: 91, label: 'Apr–Jun 2026' },
			'the previous quarter',
			{ publication: false }
		);
		expect(higher.verdict).toBe('significantly higher');
	});

	it('compares shares by the difference in proportions', () => {
		const result = comparePeriods(
			measures.under_15_share,
			{ count: 52, denominator: 100, days: 92 },
			{ count: 30, denominator: 100, days: 92, label: 'Jul–Sept 2025' },
			'the same quarter a year earlier',
			{ publication: false }
		);
		expect(result).toMatchObject({ shown: '30.0%', verdict: 'significantly higher', value: 0.3 });
	});

	it('withholds a comparison involving a count of 1 to 5 in publication mode', () => {
		const result = comparePeriods(
			measures.referrals,
			{ count: 40, days: 92 },
			{ count: 4, days: 91, label: 'Apr–Jun 2026' },
			'the previous quarter',
			{ publication: true }
		);
		expect(result).toMatchObject({ shown: 'c', verdict: 'withheld', value: null, result: null });
		const shown = comparePeriods(
			measures.referrals,
			{ count: 40, days: 92 },
			{ count: 4, days: 91, label: 'Apr–Jun 2026' },
			'the previous quarter',
			{ publication: false }
		);
		expect(shown.verdict).toBe('significantly higher');
	});

	it('says when the other span is not available', () => {
		expect(
			comparePeriods(
				measures.repeat_share,
				{ count: 3, denominator: 9, days: 92 },
				null,
				'the previous quarter',
				{
					publication: false,
					unavailableLabel: 'no 12-month look-back in the data'
				}
			)
		).toEqual({
			against: 'the previous quarter',
			label: 'no 12-month look-back in the data',
			shown: '–',
			verdict: 'not available',
			value: null,
			result: null
		});
	});
});
