import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseDate } from '$lib/ingest';
import { CellProblem } from '../../../src/lib/ingest/cell-problem';

const reason = (value: ReturnType<typeof parseDate>) => (value instanceof CellProblem ? value.reason : value);
const pad = (n: number) => String(n).padStart(2, '0');

describe('parseDate', () => {
	it.each([
		['2024-03-05', '2024-03-05'],
		['2024-3-5', '2024-03-05'],
		['2024-03-05T23:59:59.123+01:00', '2024-03-05'],
		['2024-03-05 10:15', '2024-03-05'],
		['05/03/2024', '2024-03-05'],
		['5/3/2024', '2024-03-05'],
		['05-03-2024', '2024-03-05'],
		['05.03.2024', '2024-03-05'],
		['05/03/2024 14:30:00', '2024-03-05'],
		['03/04/2024', '2024-04-03'],
		['2024/03/05', '2024-03-05'],
		['20240305', '2024-03-05'],
		['5 Mar 2024', '2024-03-05'],
		['5th March, 2024', '2024-03-05'],
		['05-Sept-2024', '2024-09-05'],
		['29/02/2024', '2024-02-29'],
		['44090', '2020-09-16'],
		[' 45292.75 ', '2024-01-01']
	])('reads %j as %s', (text, iso) => {
		expect(parseDate(text)).toBe(iso);
	});

	it.each([
		[
			'12/25/2024',
			'"12/25/2024" is not a valid dd/mm/yyyy date (there is no month 25: it looks month-first)'
		],
		['31/02/2024', '"31/02/2024" is not a valid dd/mm/yyyy date'],
		['29/02/2023', '"29/02/2023" is not a valid dd/mm/yyyy date'],
		['2024-02-30', '"2024-02-30" is not a valid yyyy-mm-dd date'],
		['01/02/24', '"01/02/24" has a two-digit year: write the year in full (dd/mm/yyyy)'],
		['05/03/1850', '"05/03/1850" has the year 1850, outside 1900–2099'],
		['05/03-2024', '"05/03-2024" is not a date: use dd/mm/yyyy or yyyy-mm-dd'],
		['yesterday', '"yesterday" is not a date: use dd/mm/yyyy or yyyy-mm-dd'],
		['123', '"123" is not a date: use dd/mm/yyyy or yyyy-mm-dd'],
		[123, '123 is not a date (Excel serial dates 18264–73050, 1950 to 2099, are accepted)']
	])('refuses %j: %s', (text, message) => {
		expect(reason(parseDate(text))).toBe(message);
	});

	it('flags month-first dates so the file can be warned', () => {
		const parsed = parseDate('01/31/2024');
		expect(parsed).toBeInstanceOf(CellProblem);
		expect((parsed as CellProblem).monthFirst).toBe(true);
		expect((parseDate('31/02/2024') as CellProblem).monthFirst).toBe(false);
	});

	it('reads Date cells in UTC and refuses invalid ones', () => {
		expect(parseDate(new Date('2020-09-16T00:00:00Z'))).toBe('2020-09-16');
		expect(parseDate(new Date('2020-09-16T23:30:00Z'))).toBe('2020-09-16');
		expect(reason(parseDate(new Date('nope')))).toBe('the cell holds an invalid date');
		expect(reason(parseDate(true))).toBe('"TRUE" is not a date');
	});

	it('round-trips every date from 1950 to 2099 written as dd/mm/yyyy, d/m/yyyy, ISO and as an Excel serial', () => {
		fc.assert(
			fc.property(
				fc.date({
					min: new Date('1950-01-01T00:00:00Z'),
					max: new Date('2099-12-31T00:00:00Z'),
					noInvalidDate: true
				}),
				(date) => {
					const iso = date.toISOString().slice(0, 10);
					const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
					expect(parseDate(`${pad(d)}/${pad(m)}/${y}`)).toBe(iso);
					expect(parseDate(`${d}/${m}/${y}`)).toBe(iso);
					expect(parseDate(iso)).toBe(iso);
					const serial = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
					expect(parseDate(serial)).toBe(iso);
				}
			)
		);
	});

	it('never reads a day-first date with a day above 12 as month-first', () => {
		fc.assert(
			fc.property(fc.integer({ min: 13, max: 31 }), fc.integer({ min: 1, max: 12 }), (day, month) => {
				const parsed = parseDate(`${month}/${day}/2024`);
				expect(parsed).toBeInstanceOf(CellProblem);
			})
		);
	});
});

describe('excelSerialToIso', () => {
	it('uses the 1899-12-30 origin: 44090 is 16 September 2020', () => {
		expect(excelSerialToIso(44090)).toBe('2020-09-16');
		expect(excelSerialToIso(18264)).toBe('1950-01-01');
		expect(excelSerialToIso(73050.99)).toBe('2099-12-31');
	});

	it('refuses serials outside 1950–2099 and non-finite numbers', () => {
		expect(excelSerialToIso(18263)).toBeNull();
		expect(excelSerialToIso(73051)).toBeNull();
		expect(excelSerialToIso(15)).toBeNull();
		expect(excelSerialToIso(Number.NaN)).toBeNull();
	});
});
