/**
 * Calendar dates as day numbers (days since 1970-01-01), free of time zones: the extract holds dates only,
 * and arithmetic on integers is exact and fast. Arrow's Date32 stores the same number.
 * Conversions follow Howard Hinnant's civil-calendar algorithms (http://howardhinnant.github.io/date_algorithms.html).
 */

export interface CivilDate {
	readonly year: number;
	readonly month: number;
	readonly day: number;
}

export function dayFromCivil(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

export function civilFromDay(dayNumber: number): CivilDate {
	const z = dayNumber + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor(
		(doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
	);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses an ISO yyyy-mm-dd date; throws on any other form or an impossible date. */
export function dayFromIso(iso: string): number {
	const match = isoPattern.exec(iso);
	if (!match) throw new Error(`Not an ISO date (yyyy-mm-dd): ${iso}`);
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const dayNumber = dayFromCivil(year, month, day);
	const back = civilFromDay(dayNumber);
	if (back.month !== month || back.day !== day) throw new Error(`Not a calendar date: ${iso}`);
	return dayNumber;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

export function isoFromDay(dayNumber: number): string {
	const { year, month, day } = civilFromDay(dayNumber);
	return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** First day of the month containing the day. */
export function monthStart(dayNumber: number): number {
	const { year, month } = civilFromDay(dayNumber);
	return dayFromCivil(year, month, 1);
}

/** First day of the month `months` after (or before) the month containing the day. */
export function addMonths(dayNumber: number, months: number): number {
	const { year, month } = civilFromDay(dayNumber);
	const index = year * 12 + (month - 1) + months;
	return dayFromCivil(Math.floor(index / 12), (index % 12) + 1, 1);
}

/**
 * Civil dates from 1900 to 2199 packed as year × 512 + month × 32 + day, built on first use: the generator
 * asks for the month or the age on a date millions of times, and a lookup avoids the arithmetic and an object.
 */
const TABLE_FROM = dayFromCivil(1900, 1, 1);
const TABLE_TO = dayFromCivil(2200, 1, 1);
let packedTable: Uint32Array | undefined;

const pack = ({ year, month, day }: CivilDate): number => year * 512 + month * 32 + day;

function packed(dayNumber: number): number {
	if (dayNumber < TABLE_FROM || dayNumber >= TABLE_TO) return pack(civilFromDay(dayNumber));
	if (!packedTable) {
		packedTable = new Uint32Array(TABLE_TO - TABLE_FROM);
		for (let d = TABLE_FROM; d < TABLE_TO; d++) packedTable[d - TABLE_FROM] = pack(civilFromDay(d));
	}
	return packedTable[dayNumber - TABLE_FROM] ?? 0;
}

/** Calendar month (1–12) of a day. */
export const monthOf = (dayNumber: number): number => (packed(dayNumber) >>> 5) & 15;

/** Calendar year of a day. */
export const yearOf = (dayNumber: number): number => packed(dayNumber) >>> 9;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The same calendar date `years` later (29 February becomes 28 February in common years). */
export function addYears(dayNumber: number, years: number): number {
	const p = packed(dayNumber);
	const year = (p >>> 9) + years;
	const month = (p >>> 5) & 15;
	const day = p & 31;
	return dayFromCivil(year, month, month === 2 && day === 29 && !isLeapYear(year) ? 28 : day);
}

/** Day of the week, 0 = Monday … 6 = Sunday (1 January 1970 was a Thursday). */
export const weekday = (dayNumber: number): number => (((dayNumber + 3) % 7) + 7) % 7;

/** Age in whole years on a date, for a date of birth (birthdays on 29 February fall on 1 March). */
export function ageOn(birth: number, on: number): number {
	const b = packed(birth);
	const d = packed(on);
	// The low nine bits are month × 32 + day, so comparing them says whether the birthday has passed.
	return (d >>> 9) - (b >>> 9) - ((d & 511) < (b & 511) ? 1 : 0);
}
