import { describe, expect, it } from 'vitest';
import { countCell, decimalCell, percentCell } from '$lib/page/cell-format';

describe('table cells', () => {
	it('shows a withheld count as "c" and others in en-GB', () => {
		expect(countCell(null)).toBe('c');
		expect(countCell(12345)).toBe('12,345');
		expect(countCell(0)).toBe('0');
	});
	it('shows a missing share or level as "–"', () => {
		expect(percentCell(null)).toBe('–');
		expect(percentCell(undefined)).toBe('–');
		expect(decimalCell(null)).toBe('–');
		expect(decimalCell(undefined)).toBe('–');
		expect(decimalCell(0)).not.toBe('–');
	});
});
