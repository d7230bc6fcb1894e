import { describe, expect, it } from 'vitest';
import {
	financialQuarter,
	financialYearOf,
	financialYearSpan,
	formatFinancialQuarter,
	formatFinancialYear,
	formatPeriod,
	formatQuarter,
	formatQuarterMonths,
	formatShortPeriod,
	quarterEnd,
	quarterOf,
	quarterRange
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

describe('reporting periods', () => {
	it('names financial years by both calendar years', () => {
		expect(formatFinancialYear(2024)).toBe('2024-25');
		expect(formatFinancialYear(1999)).toBe('1999-00');
		expect(financialYearOf('2025-03-31')).toBe(2024);
		expect(financialYearOf('2025-04-01')).toBe(2025);
	});

	it('names quarters by their months', () => {
		expect(formatQuarter('2024-04-01')).toBe('Apr–Jun 2024');
		expect(formatQuarter('2024-12-31')).toBe('Oct–Dec 2024');
		expect(quarterOf('2024-08-15')).toBe('2024-07-01');
		expect(quarterEnd('2024-01-01')).toBe('2024-03-31');
		expect(quarterEnd('2024-04-01')).toBe('2024-06-30');
		expect(quarterEnd('2024-10-01')).toBe('2024-12-31');
	});

	it('lists every quarter between two days, across a year end', () => {
		expect(quarterRange('2023-11-02', '2024-04-30')).toEqual(['2023-10-01', '2024-01-01', '2024-04-01']);
		expect(quarterRange('2024-05-01', '2024-04-01')).toEqual(['2024-04-01']);
		expect(quarterRange('2024-08-01', '2024-04-01')).toEqual([]);
	});

	it('says which part of a financial year the data covers', () => {
		expect(financialYearSpan(2021, '2021-11-02', '2026-11-15')).toEqual({
			from: '2021-11-02',
			to: '2022-03-31',
			complete: false
		});
		expect(financialYearSpan(2022, '2021-11-02', '2026-11-15')).toEqual({
			from: '2022-04-01',
			to: '2023-03-31',
			complete: true
		});
		expect(financialYearSpan(2026, '2021-11-02', '2026-11-15').to).toBe('2026-11-15');
	});
});
