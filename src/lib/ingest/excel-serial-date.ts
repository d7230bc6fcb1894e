const dayMs = 86_400_000;
/** Excel's day 0 in the 1900 date system as Windows Excel uses it (1899-12-30, absorbing the 1900 leap bug). */
const excelEpoch = Date.UTC(1899, 11, 30);

/** Serial numbers accepted as dates: 1950-01-01 to 2099-12-31. A 15 or a 123 in a date column is not a date. */
export const excelSerialRange = {
	min: (Date.UTC(1950, 0, 1) - excelEpoch) / dayMs,
	max: (Date.UTC(2099, 11, 31) - excelEpoch) / dayMs
} as const;

/**
 * The ISO date of an Excel serial date (44090 → 2020-09-16); a fraction is a time of day and is dropped.
 * Null outside the sane range, so an age or a count is never read as a date.
 */
export function excelSerialToIso(serial: number): string | null {
	if (!Number.isFinite(serial) || serial < excelSerialRange.min || serial >= excelSerialRange.max + 1)
		return null;
	return new Date(excelEpoch + Math.floor(serial) * dayMs).toISOString().slice(0, 10);
}
