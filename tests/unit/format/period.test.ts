import { describe, expect, it } from 'vitest';
import {
	financialQuarter,
	formatFinancialQuarter,
	formatPeriod,
	formatQuarterMonths,
	formatShortPeriod
} from '$lib/format/period';

describe('financial quarters (April to June is quarter 1)', () => {
	it('numbers quarters from April', () => {
		expect(financialQuarter('2026-04-01')).toEqual({ quarter: 1, startYear: 2026 });
		expect(financialQuarter('2026-09-30')).toEqual({ quarter: 2, startYear: 2026 });
		expect(financialQuarter('2026-12-01')).toEqual({ quarter: 3, startYear: 2026 });
		expect(financialQuarter('2027-03-31')).toEqual({ quarter: 4, startYear: 2026 });
	});

	it('labels quarters and their months in en-GB', () => {
		expect(formatFinancialQuarter('2027-01-01')).toBe('Q4 2026-27');
		expect(formatFinancialQuarter('1999-10-01')).toBe('Q3 1999-00');
		expect(formatQuarterMonths('2026-07-01')).toBe('July to September 2026');
		expect(formatPeriod('2026-07-01', 'quarter')).toBe('Q2 2026-27');
		expect(formatPeriod('2026-07-01', 'month')).toBe('July 2026');
		expect(formatShortPeriod('2026-07-01', 'month')).toBe('Jul 2026');
	});
});
