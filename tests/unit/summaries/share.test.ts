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

	it('suppresses small counts, their derived columns, and shares of small denominators', () => {
		const rows = [
			{ group: 'a', x: 3, n: 40, share: 0 },
			{ group: 'b', x: 10, n: 50, share: 0 },
			{ group: 'c', x: 0, n: 4, share: 0 },
			{ group: 'd', x: 30, n: 60, share: 0 }
		];
		expect(publishShareRows(rows, { count: 'x', denominator: 'n', derived: ['share'] }, false)).toEqual(rows);
		const published = publishShareRows(rows, { count: 'x', denominator: 'n', derived: ['share'] }, true);
		expect(published[0]).toMatchObject({ x: null, share: null, suppressed: { x: 'c', share: 'c' } });
		// Secondary suppression: the smallest other non-zero count, so 3 cannot be recovered from the total.
		expect(published[1]).toMatchObject({ x: null, suppressed: { x: 'c' } });
		// 0 of 4: the count is not small, but the denominator is.
		expect(published[2]).toMatchObject({
			x: null,
			n: null,
			share: null,
			suppressed: { x: 'c', n: 'c', share: 'c' }
		});
		expect(published[3]).toMatchObject({ x: 30, n: 60 });
	});
});
