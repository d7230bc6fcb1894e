import { describe, expect, it } from 'vitest';
import {
	formatFinancialQuarter,
	formatPeriod,
	formatQuarter,
	formatQuarterMonths,
	formatShortPeriod,
	formatSpan
} from '$lib/format/period';

describe('financial quarters (April–June is quarter 1)', () => {
	it('labels quarters and their months in en-GB', () => {
		expect(formatFinancialQuarter('2027-01-01')).toBe('Q4 2026-27');
		expect(formatFinancialQuarter('1999-10-01')).toBe('Q3 1999-00');
		expect(formatQuarterMonths('2026-07-01')).toBe('July–September 2026');
		expect(formatPeriod('2026-07-01', 'quarter')).toBe('July–September 2026');
		expect(formatShortPeriod('2026-07-01', 'quarter')).toBe('Jul–Sept 2026');
		expect(formatPeriod('2026-07-01', 'month')).toBe('July 2026');
		expect(formatShortPeriod('2026-07-01', 'month')).toBe('Jul 2026');
	});
});

describe('reporting periods', () => {
	it('names quarters by their months', () => {
		expect(formatQuarter('2024-04-01')).toBe('Apr–Jun 2024');
		expect(formatQuarter('2024-12-31')).toBe('Oct–Dec 2024');
	});
});

describe('one period vocabulary', () => {
	// Every page names a quarter in one of two forms; the financial-quarter number and "Jul to Sept" are gone.
	it('gives a quarter exactly one long and one short name, from any day in it', () => {
		for (const day of ['2026-07-01', '2026-08-15', '2026-09-30']) {
			expect(formatPeriod(day.slice(0, 8) + '01', 'quarter')).toBe('July–September 2026');
			expect(formatQuarterMonths(day)).toBe('July–September 2026');
			expect(formatQuarter(day)).toBe('Jul–Sept 2026');
		}
		expect(formatShortPeriod('2026-10-01', 'quarter')).not.toMatch(/^Q\d/);
	});
});

describe('spans', () => {
	it('says "in" for a single period rather than comparing it with itself', () => {
		expect(formatSpan('2026-07-01', '2026-07-01', 'quarter')).toBe('in July–September 2026');
		expect(formatSpan('2025-07-01', '2026-07-01', 'quarter')).toBe(
			'between July–September 2025 and July–September 2026'
		);
	});
});
