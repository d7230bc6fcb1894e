import { describe, expect, it } from 'vitest';
import { dayEntryText, parseDayEntry } from '$lib/format/day-entry';

const day = (text: string) => parseDayEntry(text, 'From');

describe('a day typed as dd/mm/yyyy', () => {
	it('reads day first whatever the separator, eight digits, and ISO', () => {
		for (const text of [
			'01/04/2025',
			'1/4/2025',
			'01-04-2025',
			'01.04.2025',
			'01 04 2025',
			' 01042025 ',
			'2025-04-01'
		])
			expect(day(text), text).toEqual({ kind: 'day', iso: '2025-04-01' });
		// 03/04 is 3 April, never 4 March.
		expect(day('03/04/2025')).toEqual({ kind: 'day', iso: '2025-04-03' });
	});

	it('says what is wrong with an entry that is not a day', () => {
		expect(day('31/02/2026')).toEqual({
			kind: 'error',
			message: 'From date must be a real date: February 2026 has 28 days'
		});
		expect(day('29/02/2024')).toEqual({ kind: 'day', iso: '2024-02-29' });
		expect(day('01/13/2025')).toMatchObject({
			kind: 'error',
			message: expect.stringContaining('month is 1 to 12')
		});
		expect(day('01/04/25')).toEqual({
			kind: 'error',
			message: 'Year must include 4 numbers, for example 2025'
		});
		expect(day('01/04')).toMatchObject({
			kind: 'error',
			message: expect.stringContaining('day, month and year')
		});
		expect(day('April')).toMatchObject({ kind: 'error', message: expect.stringContaining('dd/mm/yyyy') });
		expect(day('01/04/0002')).toMatchObject({
			kind: 'error',
			message: expect.stringContaining('1900 and 2099')
		});
		expect(day('  ')).toEqual({ kind: 'empty' });
	});

	it('shows an ISO day as dd/mm/yyyy, and nothing for no day', () => {
		expect(dayEntryText('2025-04-01')).toBe('01/04/2025');
		expect(dayEntryText(undefined)).toBe('');
	});
});
