import { describe, expect, it } from 'vitest';
import {
	financialQuarter,
	financialYearLabel,
	financialYearSpan,
	financialYearStart
} from '$lib/domain/financial-year';

describe('financial years (1 April to 31 March)', () => {
	it('names financial years by both calendar years', () => {
		expect(financialYearLabel(2024)).toBe('2024-25');
		expect(financialYearLabel(1999)).toBe('1999-00');
		expect(financialYearLabel(2009)).toBe('2009-10');
	});

	it('puts 31 March in the year before and 1 April in the year it starts', () => {
		expect(financialYearStart('2025-03-31')).toBe(2024);
		expect(financialYearStart('2025-04-01')).toBe(2025);
	});

	it('numbers quarters from April', () => {
		expect(financialQuarter('2026-04-01')).toEqual({ quarter: 1, startYear: 2026 });
		expect(financialQuarter('2026-09-30')).toEqual({ quarter: 2, startYear: 2026 });
		expect(financialQuarter('2026-12-01')).toEqual({ quarter: 3, startYear: 2026 });
		expect(financialQuarter('2027-03-31')).toEqual({ quarter: 4, startYear: 2026 });
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
