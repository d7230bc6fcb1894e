import { describe, expect, it } from 'vitest';
import {
	formatFinancialQuarter,
	formatPeriod,
	formatQuarter,
	formatQuarterMonths,
	formatShortPeriod
} from '$lib/format/period';

describe('financial quarters (April to June is quarter 1)', () => {
	it('labels quarters and their months in en-GB', () => {
		expect(formatFinancialQuarter('2027-01-01')).toBe('Q4 2026-27');
		expect(formatFinancialQuarter('1999-10-01')).toBe('Q3 1999-00');
		expect(formatQuarterMonths('2026-07-01')).toBe('July to September 2026');
		expect(formatPeriod('2026-07-01', 'quarter')).toBe('Q2 2026-27');
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
