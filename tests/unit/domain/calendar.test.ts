import { describe, expect, it } from 'vitest';
import {
	addDays,
	addMonths,
	addYears,
	daysInclusive,
	isWholeMonths,
	monthsBetween,
	periodEnd,
	periodRange,
	periodStart
} from '$lib/domain/calendar';

describe('calendar arithmetic on ISO days', () => {
	it('adds days across month, year and BST boundaries', () => {
		expect(addDays('2024-03-30', 2)).toBe('2024-04-01');
		expect(addDays('2024-10-27', 1)).toBe('2024-10-28');
		expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
	});

	it('counts days inclusively', () => {
		expect(daysInclusive('2026-07-01', '2026-09-30')).toBe(92);
		expect(daysInclusive('2026-04-01', '2026-06-30')).toBe(91);
		expect(daysInclusive('2024-02-01', '2024-02-29')).toBe(29);
	});

	it('moves to the first day of a month n months away, and the same day n years away', () => {
		expect(addMonths('2026-11-15', -12)).toBe('2025-11-01');
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-01');
		expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
		expect(addYears('2026-11-15', -1)).toBe('2025-11-15');
	});

	it('finds month and quarter boundaries (financial quarters share calendar-quarter boundaries)', () => {
		expect(periodStart('2026-11-15', 'month')).toBe('2026-11-01');
		expect(periodStart('2026-11-15', 'quarter')).toBe('2026-10-01');
		expect(periodStart('2026-04-01', 'quarter')).toBe('2026-04-01');
		expect(periodEnd('2026-10-01', 'quarter')).toBe('2026-12-31');
		expect(periodEnd('2024-02-01', 'month')).toBe('2024-02-29');
		expect(periodEnd('2025-02-01', 'month')).toBe('2025-02-28');
		expect(periodEnd('2026-12-01', 'month')).toBe('2026-12-31');
		expect(periodEnd('2027-01-01', 'quarter')).toBe('2027-03-31');
		expect(periodEnd('2026-11-01', 'quarter')).toBe('2027-01-31');
	});

	it('ends every period the day before the next one starts', () => {
		for (const start of periodRange('2019-01-01', '2031-12-31', 'month'))
			for (const grain of ['month', 'quarter'] as const)
				expect(periodEnd(start, grain)).toBe(addDays(addMonths(start, grain === 'month' ? 1 : 3), -1));
	});

	it('lists the periods between two days', () => {
		expect(periodRange('2024-11-20', '2025-02-02', 'month')).toEqual([
			'2024-11-01',
			'2024-12-01',
			'2025-01-01',
			'2025-02-01'
		]);
		expect(periodRange('2024-03-31', '2024-10-01', 'quarter')).toEqual([
			'2024-01-01',
			'2024-04-01',
			'2024-07-01',
			'2024-10-01'
		]);
		expect(periodRange('2024-05-01', '2024-04-01', 'month')).toEqual([]);
		// Formerly format/period's quarterRange: across a year end, and a last day inside the first quarter.
		expect(periodRange('2023-11-02', '2024-04-30', 'quarter')).toEqual([
			'2023-10-01',
			'2024-01-01',
			'2024-04-01'
		]);
		expect(periodRange('2024-05-01', '2024-04-01', 'quarter')).toEqual(['2024-04-01']);
		expect(periodRange('2024-08-01', '2024-04-01', 'quarter')).toEqual([]);
	});

	it('recognises spans of whole months', () => {
		expect(isWholeMonths('2026-07-01', '2026-09-30')).toBe(true);
		expect(monthsBetween('2026-07-01', '2026-09-30')).toBe(3);
		expect(monthsBetween('2025-11-01', '2026-10-31')).toBe(12);
		expect(isWholeMonths('2026-04-01', '2026-11-15')).toBe(false);
		expect(isWholeMonths('2026-04-02', '2026-04-30')).toBe(false);
	});
});
