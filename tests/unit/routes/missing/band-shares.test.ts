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

	it('shows published counts as they are, and withholds the shares of a total under 10', () => {
		const rows = [
			{ band: 'a', n: 0 },
			{ band: 'b', n: 40 },
			{ band: 'c', n: 6 }
		];
		expect(bandShares(rows, { ...options, publication: true }).rows[2]).toMatchObject({
			count: 6,
			share: 6 / 46
		});
		const few = bandShares([{ band: 'a', n: 6 }], { ...options, publication: true }).rows[0];
		expect(few).toMatchObject({ count: 6, share: null, suppressed: { share: 'c' } });
	});

	it('has no shares when there is nothing', () => {
		const { rows, total } = bandShares([], { ...options, publication: false });
		expect(total).toBe(0);
		expect(rows.every((row) => row.count === 0 && row.share === null)).toBe(true);
	});
});
