import { describe, expect, it } from 'vitest';
import { publishCounts, publishSingle } from '$lib/transform/publish-counts';

describe('publishCounts', () => {
	it('suppresses small counts in a list and a second cell so the total cannot reveal them', () => {
		const rows = [
			{ district: 'a', n: 3, share: 0.03 },
			{ district: 'b', n: 40, share: 0.4 },
			{ district: 'c', n: 57, share: 0.57 }
		];
		const published = publishCounts(rows, { count: 'n', derived: ['share'] });
		expect(published.map((row) => row.n)).toEqual([null, null, 57]);
		expect(published[0]).toMatchObject({ share: null, suppressed: { n: 'c', share: 'c' } });
		expect(published[2]).toBe(rows[2]);
	});

	it('protects row and column totals of a two-way table', () => {
		const rows = [
			{ month: 'm1', district: 'a', n: 2 },
			{ month: 'm1', district: 'b', n: 10 },
			{ month: 'm2', district: 'a', n: 9 },
			{ month: 'm2', district: 'b', n: 12 }
		];
		const published = publishCounts(rows, { count: 'n', rowKey: 'month', columnKey: 'district' });
		const hidden = published.filter((row) => row.n === null).length;
		// One small cell forces its row partner and column partner, and then the fourth corner.
		expect(hidden).toBe(4);
	});

	it('leaves tables without small counts untouched', () => {
		const rows = [
			{ month: 'm1', district: 'a', n: 0 },
			{ month: 'm1', district: 'b', n: 10 }
		];
		expect(publishCounts(rows, { count: 'n', rowKey: 'month', columnKey: 'district' })).toEqual(rows);
	});
});

describe('publishSingle', () => {
	it('suppresses 1 to 5 and publishes 0 and 6', () => {
		expect(publishSingle(0).value).toBe(0);
		expect(publishSingle(5)).toMatchObject({ value: null, symbol: 'c' });
		expect(publishSingle(6).value).toBe(6);
	});
});
