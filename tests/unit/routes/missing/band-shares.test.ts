import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '$lib/stats';
import { bandShares } from '../../../../src/routes/missing/band-shares';

const options = {
	bands: ['a', 'b', 'c'],
	labels: { a: 'A', b: 'B', c: 'C' },
	band: 'band' as const,
	count: 'n' as const
};

describe('bandShares', () => {
	it('orders the bands, fills absent ones with zero and gives shares with Wilson intervals', () => {
		const { rows, total } = bandShares(
			[
				{ band: 'c', n: 30 },
				{ band: 'a', n: 70 }
			],
			{ ...options, publication: false }
		);
		expect(total).toBe(100);
		expect(rows.map((row) => [row.band, row.label, row.count, row.share])).toEqual([
			['a', 'A', 70, 0.7],
			['b', 'B', 0, 0],
			['c', 'C', 30, 0.3]
		]);
		expect(rows[0]!.lower).toBe(wilsonInterval(70, 100)!.lower);
	});

	it('suppresses small counts with their shares in publication mode', () => {
		const { rows } = bandShares(
			[
				{ band: 'a', n: 3 },
				{ band: 'b', n: 40 },
				{ band: 'c', n: 50 }
			],
			{ ...options, publication: true }
		);
		expect(rows[0]).toMatchObject({
			count: null,
			share: null,
			lower: null,
			suppressed: { count: 'c', share: 'c' }
		});
		// Secondary: the next smallest goes too, so the total cannot reveal the 3.
		expect(rows[1]!.count).toBeNull();
		expect(rows[2]!.count).toBe(50);
	});

	it('has no shares when there is nothing', () => {
		const { rows, total } = bandShares([], { ...options, publication: false });
		expect(total).toBe(0);
		expect(rows.every((row) => row.count === 0 && row.share === null)).toBe(true);
	});
});
