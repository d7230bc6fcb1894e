import { describe, expect, it } from 'vitest';
import { sameRows } from '$lib/page/same-rows';

describe('sameRows', () => {
	const rows = [
		{ month: '2025-01-01', n: 3, share: null },
		{ month: '2025-02-01', n: 0, share: 0.5 }
	];

	it('calls a fresh copy with the same values the same', () => {
		expect(sameRows(rows, structuredClone(rows))).toBe(true);
		expect(sameRows([], [])).toBe(true);
	});

	it('sees a changed value, a missing row, a renamed or extra key, and no previous answer', () => {
		const copy = () => structuredClone(rows) as Record<string, unknown>[];
		const changed = copy();
		changed[1]!.n = 1;
		expect(sameRows(rows, changed)).toBe(false);
		expect(sameRows(rows, rows.slice(1))).toBe(false);
		const renamed = copy().map(({ share, ...rest }) => ({ ...rest, rate: share }));
		expect(sameRows(rows, renamed)).toBe(false);
		const extra = copy();
		extra[0]!.more = 1;
		expect(sameRows(rows, extra)).toBe(false);
		expect(sameRows(undefined, rows)).toBe(false);
	});

	it('tells 0 from null and -0 from 0 (a suppressed count is not a zero)', () => {
		expect(sameRows([{ n: 0 }], [{ n: null }])).toBe(false);
		expect(sameRows([{ n: 0 }], [{ n: -0 }])).toBe(false);
		expect(sameRows([{ n: Number.NaN }], [{ n: Number.NaN }])).toBe(true);
	});

	it('compares nested values by identity: different objects count as a change', () => {
		expect(sameRows([{ parts: [1] }], [{ parts: [1] }])).toBe(false);
	});
});
