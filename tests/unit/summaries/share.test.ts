import { describe, expect, it } from 'vitest';
import {
	countPhrase,
	formatShareWithInterval,
	publishShareRows,
	shareOf,
	shareText
} from '$lib/summaries/share';

describe('shares for summaries and tables', () => {
	it('gives a share with its Wilson interval, or nulls when it cannot be shown', () => {
		const estimate = shareOf(20, 100);
		expect(estimate.share).toBe(0.2);
		expect(estimate.lower).toBeCloseTo(0.1333669, 6);
		expect(estimate.upper).toBeCloseTo(0.2888292, 6);
		expect(shareOf(null, 100)).toEqual({ share: null, lower: null, upper: null });
		expect(shareOf(0, 0)).toEqual({ share: null, lower: null, upper: null });
	});

	it('words a share with its interval, and a suppressed one', () => {
		expect(formatShareWithInterval(shareOf(20, 100))).toBe('20.0% (95% CI 13.3% to 28.9%)');
		expect(formatShareWithInterval(shareOf(null, 100))).toBe('c (suppressed)');
		expect(shareText(0.25, false)).toBe('25.0%');
		expect(shareText(null, true)).toBe('c');
		expect(shareText(null, false)).toBe('–');
	});

	it('withholds small counts from sentences only in publication mode', () => {
		expect(countPhrase(3, true)).toBe('a small number');
		expect(countPhrase(3, false)).toBe('3');
		expect(countPhrase(0, true)).toBe('0');
		expect(countPhrase(1234, true)).toBe('1,234');
	});

	it('withholds a share over a published base under 10 with its count, and nothing else', () => {
		// Rows as the publication seam hands them over: perturbed counts are 0 or 6 and more, never 1 to 5.
		const rows = [
			{ group: 'a', x: 6, n: 40, share: 0 },
			{ group: 'b', x: 0, n: 7, share: 0 },
			{ group: 'c', x: 30, n: 60, share: 0 }
		];
		expect(publishShareRows(rows, { count: 'x', denominator: 'n', derived: ['share'] }, false)).toEqual(rows);
		const published = publishShareRows(rows, { count: 'x', denominator: 'n', derived: ['share'] }, true);
		expect(published[0]).toEqual(rows[0]);
		// 0 of 7: a share of a handful of perturbed referrals is withheld; the base itself is published.
		expect(published[1]).toEqual({
			group: 'b',
			x: null,
			n: 7,
			share: null,
			suppressed: { x: 'c', share: 'c' }
		});
		expect(published[2]).toEqual(rows[2]);
	});
});
