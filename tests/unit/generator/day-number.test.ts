import { describe, expect, it } from 'vitest';
import {
	addMonths,
	addYears,
	ageOn,
	civilFromDay,
	dayFromCivil,
	dayFromIso,
	isoFromDay,
	monthOf,
	monthStart,
	weekday,
	yearOf
} from '../../../data/generator/day-number';

describe('day numbers', () => {
	it('match days since 1970-01-01 (Arrow Date32)', () => {
		expect(dayFromIso('1970-01-01')).toBe(0);
		expect(dayFromIso('2021-11-01')).toBe(Date.UTC(2021, 10, 1) / 86_400_000);
		expect(isoFromDay(dayFromIso('2026-11-15'))).toBe('2026-11-15');
	});

	it('round-trip every day from 1950 to 2100', () => {
		const wrong: number[] = [];
		for (let day = dayFromCivil(1950, 1, 1); day < dayFromCivil(2100, 1, 1); day += 1) {
			const { year, month, day: d } = civilFromDay(day);
			if (dayFromCivil(year, month, d) !== day || monthOf(day) !== month || yearOf(day) !== year)
				wrong.push(day);
		}
		expect(wrong).toEqual([]);
	});

	it('rejects what is not an ISO calendar date', () => {
		expect(() => dayFromIso('15/11/2026')).toThrow();
		expect(() => dayFromIso('2026-02-29')).toThrow();
		expect(() => dayFromIso('2024-02-29')).not.toThrow();
	});

	it('computes ages in whole years, with 29 February birthdays on 1 March', () => {
		const born = dayFromIso('2008-02-29');
		expect(ageOn(born, dayFromIso('2026-02-28'))).toBe(17);
		expect(ageOn(born, dayFromIso('2026-03-01'))).toBe(18);
		expect(ageOn(dayFromIso('2010-11-15'), dayFromIso('2026-11-14'))).toBe(15);
		expect(ageOn(dayFromIso('2010-11-15'), dayFromIso('2026-11-15'))).toBe(16);
	});

	it('moves by months and years', () => {
		expect(isoFromDay(addMonths(dayFromIso('2026-11-15'), -10))).toBe('2026-01-01');
		expect(isoFromDay(addMonths(dayFromIso('2021-01-31'), 13))).toBe('2022-02-01');
		expect(isoFromDay(monthStart(dayFromIso('2026-11-15')))).toBe('2026-11-01');
		expect(isoFromDay(addYears(dayFromIso('2024-02-29'), -1))).toBe('2023-02-28');
		expect(isoFromDay(addYears(dayFromIso('2026-11-15'), -1))).toBe('2025-11-15');
	});

	it('knows the weekday (Monday = 0)', () => {
		expect(weekday(dayFromIso('2026-11-16'))).toBe(0);
		expect(weekday(dayFromIso('2026-11-15'))).toBe(6);
	});
});
