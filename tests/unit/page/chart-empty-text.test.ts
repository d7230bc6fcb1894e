import { describe, expect, it } from 'vitest';
import { chartEmptyText, NOTHING_MATCHES } from '$lib/page/chart-empty-text';

describe('chartEmptyText', () => {
	it('says nothing for a chart with rows and no reason to be empty', () => {
		expect(chartEmptyText({ rows: [{ a: 1 }] })).toBeUndefined();
	});
	it('says nothing matches for a chart with no rows', () => {
		expect(chartEmptyText({ rows: [] })).toBe(NOTHING_MATCHES);
		expect(chartEmptyText({ rows: [] }, 'No data for this quarter.')).toBe('No data for this quarter.');
	});
	it('gives the page’s own reason, even when the chart has rows (bars of nothing)', () => {
		expect(chartEmptyText({ rows: [{ a: 0 }], empty: 'Cannot be known yet.' })).toBe('Cannot be known yet.');
	});
});
