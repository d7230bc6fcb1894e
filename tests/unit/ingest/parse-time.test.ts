import { describe, expect, it } from 'vitest';
import { CellProblem } from '$lib/ingest/cell-problem';
import { parseTime } from '$lib/ingest/parse-time';

describe('parseTime', () => {
	it('reads 24-hour, am/pm, four-digit and seconds forms as minutes after midnight', () => {
		expect(parseTime('14:30')).toBe(870);
		expect(parseTime('14.30')).toBe(870);
		expect(parseTime('09:05:59')).toBe(545);
		expect(parseTime('0:00')).toBe(0);
		expect(parseTime('23:59')).toBe(1439);
		expect(parseTime('2:30 pm')).toBe(870);
		expect(parseTime('12:15am')).toBe(15);
		expect(parseTime('12pm')).toBe(720);
		expect(parseTime('1430')).toBe(870);
	});

	it('reads an Excel time (a fraction of a day) and a Date cell in UTC', () => {
		expect(parseTime(14.5 / 24)).toBe(870);
		// A date-time serial: the whole days belong to the date column, the fraction is the time.
		expect(parseTime(45352 + 22 / 24)).toBe(1320);
		expect(parseTime(new Date(Date.UTC(2024, 2, 31, 1, 30)))).toBe(90);
	});

	it('refuses what is not a time of day rather than guessing', () => {
		for (const text of ['24:00', '12:60', '13pm', '14', 'noon', '2024-03-01']) {
			expect(parseTime(text), text).toBeInstanceOf(CellProblem);
		}
	});
});
