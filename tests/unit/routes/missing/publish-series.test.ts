import { describe, expect, it } from 'vitest';
import { publishSeries } from '../../../../src/routes/missing/publish-series';

describe('publishSeries', () => {
	it('protects each series as its own list', () => {
		const rows = [
			{ month: 'm1', series: 'episodes', count: 3 },
			{ month: 'm2', series: 'episodes', count: 40 },
			{ month: 'm3', series: 'episodes', count: 50 },
			{ month: 'm1', series: 'children', count: 20 },
			{ month: 'm2', series: 'children', count: 30 }
		];
		const published = publishSeries(rows, 'count');
		expect(published.map((row) => row.count)).toEqual([null, null, 50, 20, 30]);
		expect(published[0]!.suppressed).toEqual({ count: 'c' });
		expect(published[3]).toBe(rows[3]);
	});
});
